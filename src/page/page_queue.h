// Pages handed from the thread that composes them to the thread that draws
// them, in order, as each is finished: the PDF is drawn while later pages
// are still being laid out. Header-only, like the rest of page/.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

#include "page/page.h"

namespace galley::page {

class PageQueue {
public:
    /// The producer: the next page.
    void push(Page page) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            pages_.push_back(std::move(page));
        }
        ready_.notify_one();
    }
    /// The producer: no more pages (call it on every path, failures too).
    void close() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closed_ = true;
        }
        ready_.notify_one();
    }
    /// The consumer: the next page, waiting for it; nothing once the queue
    /// is closed and empty.
    std::optional<Page> pop() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !pages_.empty() || closed_; });
        if (pages_.empty()) return std::nullopt;
        Page page = std::move(pages_.front());
        pages_.pop_front();
        return page;
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Page> pages_;
    bool closed_ = false;
};

}  // namespace galley::page

// Pages handed from the thread that composes them to the thread that draws
// them, in order, as each is finished: the PDF is drawn while later pages
// are still being laid out. Header-only, like the rest of page/.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

#include "page/page.h"

namespace galley::page {

class PageQueue {
public:
    /// `capacity`: how many pages may wait at once before push() waits for
    /// the consumer (0: no limit). A limit keeps memory flat when pages are
    /// composed faster than they are drawn.
    explicit PageQueue(std::size_t capacity = 0) : capacity_(capacity) {}

    /// The producer: the next page (waits while the queue is full).
    void push(Page page) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            room_.wait(lock, [this] { return capacity_ == 0 || pages_.size() < capacity_; });
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
        lock.unlock();
        room_.notify_one();
        return page;
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<Page> pages_;
    std::size_t capacity_;
    bool closed_ = false;
};

}  // namespace galley::page

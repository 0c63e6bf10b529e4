#include "typeset/compose/prepare_pool.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace galley::typeset {
namespace {

// One article to prepare, and what came of it. Written by the thread that
// claimed it; read by the caller once `done` is seen under the mutex.
struct Task {
    const model::Article* article = nullptr;
    int section = 0;
    std::optional<PreparedArticle> result;
    Diagnostics diags;
    std::exception_ptr error;
    double seconds = 0;
    std::size_t paragraphs = 0;
    bool done = false;
};

}  // namespace

struct ArticlePreparer::Shared {
    ComposeContext& ctx;
    Progress progress;
    std::vector<Task> tasks;
    std::vector<std::size_t> section_begin;  ///< first task of each section, then tasks.size()
    std::atomic<std::size_t> next{0};        ///< the first task nobody has claimed
    std::atomic<bool> stop{false};
    mutable std::mutex mutex;
    std::condition_variable changed;
    std::size_t done = 0;        ///< guarded by mutex
    std::size_t paragraphs = 0;  ///< guarded by mutex
    std::vector<std::thread> workers;

    explicit Shared(ComposeContext& c, Progress p) : ctx(c), progress(std::move(p)) {}

    void run(std::size_t i, TextSetter& setter) {
        Task& t = tasks[i];
        const auto started = std::chrono::steady_clock::now();
        ComposeContext local{ctx.issue, ctx.layout, setter, t.diags, ctx.frame, ctx.grid, ctx.root, 0};
        try {
            t.result = prepare_article(local, *t.article, t.section);
        } catch (...) {
            t.error = std::current_exception();
        }
        t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        t.paragraphs = local.paragraphs;
        {
            std::lock_guard<std::mutex> lock(mutex);
            t.done = true;
            ++done;
            paragraphs += t.paragraphs;
            if (progress) progress(done, tasks.size(), paragraphs);
        }
        changed.notify_all();
    }

    void work(TextSetter& setter) {
        while (!stop.load()) {
            const std::size_t i = next.fetch_add(1);
            if (i >= tasks.size()) return;
            run(i, setter);
        }
    }

    // Claims the first unclaimed task when it lies before `end`.
    bool claim_before(std::size_t end, std::size_t& i) {
        std::size_t j = next.load();
        while (j < end) {
            if (next.compare_exchange_weak(j, j + 1)) {
                i = j;
                return true;
            }
        }
        return false;
    }
};

ArticlePreparer::ArticlePreparer(ComposeContext& ctx, const std::vector<TextSetter*>& helpers, Progress progress)
    : shared_(std::make_unique<Shared>(ctx, std::move(progress))) {
    Shared& s = *shared_;
    for (std::size_t k = 0; k < ctx.issue.sections.size(); ++k) {
        s.section_begin.push_back(s.tasks.size());
        for (const model::Article& a : ctx.issue.sections[k].articles) {
            Task t;
            t.article = &a;
            t.section = static_cast<int>(k);
            s.tasks.push_back(std::move(t));
        }
    }
    s.section_begin.push_back(s.tasks.size());
    for (TextSetter* setter : helpers) {
        if (s.workers.size() + 1 >= s.tasks.size()) break;  // the caller takes one share
        s.workers.emplace_back([&s, setter] { s.work(*setter); });
    }
}

ArticlePreparer::~ArticlePreparer() {
    shared_->stop.store(true);
    for (std::thread& t : shared_->workers) t.join();
}

std::vector<PreparedArticle> ArticlePreparer::take(std::size_t section) {
    Shared& s = *shared_;
    const std::size_t begin = s.section_begin[section], end = s.section_begin[section + 1];
    // Prepare what nobody has claimed yet, then wait for the rest.
    std::size_t i = 0;
    while (s.claim_before(end, i)) s.run(i, s.ctx.setter);
    {
        std::unique_lock<std::mutex> lock(s.mutex);
        s.changed.wait(lock, [&] {
            for (std::size_t k = begin; k < end; ++k)
                if (!s.tasks[k].done) return false;
            return true;
        });
    }
    std::vector<PreparedArticle> out;
    out.reserve(end - begin);
    for (std::size_t k = begin; k < end; ++k) {
        Task& t = s.tasks[k];
        if (t.error) std::rethrow_exception(t.error);
        s.ctx.diags.append(t.diags);
        out.push_back(std::move(*t.result));
        t.result.reset();
    }
    return out;
}

std::vector<ArticleTiming> ArticlePreparer::timings() const {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    std::vector<ArticleTiming> out;
    for (const Task& t : shared_->tasks)
        if (t.done) out.push_back({t.article->id, t.seconds, t.paragraphs});
    return out;
}

}  // namespace galley::typeset

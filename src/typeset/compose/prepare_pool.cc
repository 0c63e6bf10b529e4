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

ArticlePreparer::Section ArticlePreparer::take(std::size_t section) {
    Shared& s = *shared_;
    return Section(s, s.section_begin[section], s.section_begin[section + 1]);
}

ArticlePreparer::Section::Section(Shared& shared, std::size_t begin, std::size_t end)
    : shared_(&shared), begin_(begin), end_(end), handed_(begin) {}

ArticlePreparer::Section::~Section() {
    // Only tasks handed over: the others may still be in a worker's hands.
    for (std::size_t k = begin_; k < handed_; ++k) shared_->tasks[k].result.reset();
}

const model::Article& ArticlePreparer::Section::article(std::size_t i) const {
    return *shared_->tasks[begin_ + i].article;
}

PreparedArticle& ArticlePreparer::Section::prepared(std::size_t i) {
    Shared& s = *shared_;
    const std::size_t k = begin_ + i;
    if (k < handed_) return *s.tasks[k].result;
    const auto started = std::chrono::steady_clock::now();
    // Prepare what nobody has claimed yet up to it, then wait for the rest.
    std::size_t j = 0;
    while (s.claim_before(k + 1, j)) s.run(j, s.ctx.setter);
    {
        std::unique_lock<std::mutex> lock(s.mutex);
        s.changed.wait(lock, [&] {
            for (std::size_t t = handed_; t <= k; ++t)
                if (!s.tasks[t].done) return false;
            return true;
        });
    }
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (; handed_ <= k; ++handed_) {
        Task& t = s.tasks[handed_];
        if (t.error) std::rethrow_exception(t.error);
        s.ctx.diags.append(t.diags);
    }
    return *s.tasks[k].result;
}

void ArticlePreparer::Section::close() {
    if (end_ > begin_) prepared(end_ - begin_ - 1);
}

std::vector<ArticleTiming> ArticlePreparer::timings() const {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    std::vector<ArticleTiming> out;
    for (const Task& t : shared_->tasks)
        if (t.done) out.push_back({t.article->id, t.seconds, t.paragraphs});
    return out;
}

}  // namespace galley::typeset

// Preparing articles in parallel: every article's column flow
// (prepare_article) is set on the calling thread and on one worker thread
// per extra TextSetter, while the calling thread paginates the articles
// that are ready.
//
//   workers     claim the next article in issue order (one counter), set
//               it with their own setter (Pango is not thread-safe) into
//               the article's own Diagnostics, and mark it done
//   take(s)     the caller places section s; each time it needs one of
//               s's articles it claims and prepares every article up to
//               that one that nobody has claimed, then waits for those a
//               worker holds; results and diagnostics are handed over in
//               issue order, so the first pages are laid out (and drawn)
//               while the workers still set the articles after them
//
// A prepared article depends only on the article, the layout and the fonts,
// never on which setter set it or what that setter set before, so the
// pages, and the order of the diagnostics, are the same whatever the number
// of threads.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "typeset/compose/article_stream.h"
#include "typeset/compose/compose_context.h"

namespace galley::typeset {

class ArticlePreparer {
    struct Shared;

public:
    /// Called after each article is prepared: articles done, articles in
    /// all, paragraphs set so far. Never called from two threads at once.
    using Progress = std::function<void(std::size_t done, std::size_t total, std::size_t paragraphs)>;

    /// Starts one worker per setter in `helpers` (each used by its worker
    /// only; none: everything is prepared on the caller, in take()).
    ArticlePreparer(ComposeContext& ctx, const std::vector<TextSetter*>& helpers, Progress progress = {});
    /// Stops the workers (articles not started yet are skipped) and joins them.
    ~ArticlePreparer();
    ArticlePreparer(const ArticlePreparer&) = delete;
    ArticlePreparer& operator=(const ArticlePreparer&) = delete;

    /// Section `s`'s articles, each prepared when first asked for; their
    /// diagnostics are appended to ctx.diags in article order as they are
    /// handed over. prepared() rethrows what preparing one of them threw.
    /// The prepared articles go with the Section.
    class Section final : public SectionArticles {
    public:
        ~Section() override;
        Section(const Section&) = delete;
        Section& operator=(const Section&) = delete;
        std::size_t size() const override { return end_ - begin_; }
        const model::Article& article(std::size_t i) const override;
        PreparedArticle& prepared(std::size_t i) override;
        /// Hands over the articles not asked for yet (their diagnostics).
        void close();
        /// Seconds spent in prepared() setting articles or waiting for workers.
        double seconds() const { return seconds_; }

    private:
        friend class ArticlePreparer;
        Section(Shared& shared, std::size_t begin, std::size_t end);
        Shared* shared_;
        std::size_t begin_, end_;
        std::size_t handed_;  ///< tasks [begin_, handed_) are handed over
        double seconds_ = 0;
    };

    /// Section `s`'s articles. Each section is taken once, in order.
    Section take(std::size_t s);

    /// Every article's timing, in issue order (complete once every section
    /// has been taken and closed).
    std::vector<ArticleTiming> timings() const;

private:
    std::unique_ptr<Shared> shared_;
};

}  // namespace galley::typeset

// Preparing articles in parallel: every article's column flow
// (prepare_article) is set on the calling thread and on one worker thread
// per extra TextSetter, while the calling thread paginates the sections
// whose articles are ready.
//
//   workers     claim the next article in issue order (one counter), set
//               it with their own setter (Pango is not thread-safe) into
//               the article's own Diagnostics, and mark it done
//   take(s)     the caller needs section s: it claims and prepares
//               articles itself while any of s's are unclaimed, then waits
//               for those a worker holds; results and diagnostics are
//               handed over in issue order
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

    /// Section `s`'s articles, prepared, in order; their diagnostics are
    /// appended to ctx.diags in article order. Each section is taken once.
    /// Rethrows what preparing one of them threw.
    std::vector<PreparedArticle> take(std::size_t s);

    /// Every article's timing, in issue order (complete once every section
    /// has been taken).
    std::vector<ArticleTiming> timings() const;

private:
    struct Shared;
    std::unique_ptr<Shared> shared_;
};

}  // namespace galley::typeset

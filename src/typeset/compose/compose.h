// Print composition: a model::Issue, set in a layout, as pages of
// positioned items (page::Document) for the renderers.
//
//   compose_issue
//     prepare   every article once: body and end matter as a column flow
//               (article_stream.h), every paragraph set once at its width;
//               on worker threads too when there are helper setters
//               (prepare_pool.h), ahead of paginate, which takes each
//               article when it first needs it
//     paginate  sections and articles in order onto pages: modular
//               placement of each article in the columns the layout gives
//               it, balanced, jumped to a later page when it does not fit,
//               smaller articles filling the holes (paginate.h)
//     furnish   masthead on page one, running heads and folios (furniture.h)
//     describe  metadata, outline, page labels, internal links (document_info.h)
//
// docs/print-layout.md explains the page model in prose.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "model/issue.h"
#include "page/page.h"
#include "typeset/text/text_setter.h"

namespace galley::typeset {

/// How long one article took to set, and how much it set.
struct ArticleTiming {
    std::string id;
    double seconds = 0;
    std::size_t paragraphs = 0;  ///< paragraphs set (body, captions, cells, end matter)
};

/// How far composition has got, for a progress line.
struct ComposeProgress {
    std::size_t articles_set = 0;  ///< articles whose paragraphs are all set
    std::size_t articles = 0;      ///< articles in the issue
    std::size_t paragraphs = 0;    ///< paragraphs set so far
    std::size_t sections_placed = 0;
    std::size_t sections = 0;
    int pages = 0;                 ///< pages laid out so far
};

/// What composition took (wall-clock seconds on the calling thread).
struct ComposeStats {
    double preparing = 0;   ///< setting articles, or waiting for workers to
    double paginating = 0;  ///< placing them on pages
    double finishing = 0;   ///< furniture, assembly, metadata and links
    std::size_t paragraphs = 0;
    std::vector<ArticleTiming> articles;  ///< per article, in issue order, whatever thread set it
};

struct ComposeOptions {
    std::string creator = "galley";  ///< Metadata creator, "galley 0.1.0"
    std::string date;                ///< Metadata date (ISO 8601); empty: the issue date
    std::string lang;                ///< Document language; empty: the issue's
    /// Setters for worker threads that set articles beside the calling
    /// thread, one per worker, each for the same layout and fonts (a setter
    /// is not thread-safe). None: everything on the calling thread. The
    /// pages and diagnostics are the same whatever their number.
    std::vector<TextSetter*> helpers;
    /// Called as composition advances, from any of its threads but never
    /// from two at once; keep it quick.
    std::function<void(const ComposeProgress&)> progress;
    ComposeStats* stats = nullptr;  ///< filled in when set
    /// When set, each page is handed over as soon as nothing more will be
    /// placed on it, in order and from the calling thread, instead of going
    /// into the returned document (whose pages stay empty; its metadata and
    /// outline are filled in as always). The pages are the same, except
    /// that links to other articles still name them ("galley-article:ID"):
    /// where those articles start is known only at the end.
    std::function<void(page::Page&&)> page_sink;
    /// With page_sink: set, before compose_issue returns, to what points
    /// such a link at its article (false: the article is on no page, drop
    /// the link). It refers to `issue`, which must outlive it.
    std::function<bool(page::Link&)>* link_resolver = nullptr;
};

/// Composes `issue` in `layout`. Never drops text: what does not fit a page
/// continues on a later one. Problems (W-IMAGE-LOW-RESOLUTION, and whatever
/// the text setter reports) are added to `diags`.
page::Document compose_issue(const model::Issue& issue, const layout::Layout& layout, TextSetter& setter,
                             const ComposeOptions& options, Diagnostics& diags);

}  // namespace galley::typeset

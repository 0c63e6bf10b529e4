// Print composition: a model::Issue, set in a layout, as pages of
// positioned items (page::Document) for the renderers.
//
//   compose_issue
//     prepare   every article once: head pieces per span, body and end
//               matter as a column flow (article_stream.h), every paragraph
//               set once at its width
//     paginate  sections and articles in order onto pages: modular
//               placement of each article in the columns the layout gives
//               it, balanced, jumped to a later page when it does not fit,
//               smaller articles filling the holes (paginate.h)
//     furnish   masthead on page one, running heads and folios (furniture.h)
//     describe  metadata, outline, page labels, internal links (document_info.h)
//
// docs/print-layout.md explains the page model in prose.
#pragma once

#include <string>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "model/issue.h"
#include "page/page.h"
#include "typeset/text/text_setter.h"

namespace galley::typeset {

struct ComposeOptions {
    std::string creator = "galley";  ///< Metadata creator, "galley 0.1.0"
    std::string date;                ///< Metadata date (ISO 8601); empty: the issue date
    std::string lang;                ///< Document language; empty: the issue's
};

/// Composes `issue` in `layout`. Never drops text: what does not fit a page
/// continues on a later one. Problems (W-IMAGE-LOW-RESOLUTION, and whatever
/// the text setter reports) are added to `diags`.
page::Document compose_issue(const model::Issue& issue, const layout::Layout& layout, TextSetter& setter,
                             const ComposeOptions& options, Diagnostics& diags);

}  // namespace galley::typeset

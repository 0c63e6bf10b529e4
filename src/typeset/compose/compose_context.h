// What every composition step reads: the issue, the layout, the text
// setter, the diagnostics list, the page geometry and the baseline grid,
// plus small helpers that turn layout styles into set lines and flow specs.
// One context per thread: articles prepared on worker threads get their own
// (prepare_pool.h), with the worker's setter and the article's diagnostics.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "model/issue.h"
#include "model/language.h"
#include "typeset/compose/compose.h"
#include "typeset/compose/page_frame.h"
#include "typeset/compose/stream_builder.h"

namespace galley::typeset {

struct ComposeContext {
    const model::Issue& issue;
    const layout::Layout& layout;
    TextSetter& setter;
    Diagnostics& diags;
    PageFrame frame;  ///< page one's; live top and column widths are the same on every page
    BaselineGrid grid;
    std::filesystem::path root;  ///< the issue folder, absolute
    std::size_t paragraphs = 0;  ///< paragraphs set through this context (progress, -v)

    const layout::ParagraphStyle& style(layout::ParagraphStyleId id) const { return layout.style(id); }
    /// Whether text in `lang` (an article's or a part's; empty: the issue's)
    /// is read right to left.
    bool right_to_left(const std::string& lang) const { return model::right_to_left(lang.empty() ? issue.lang : lang); }
    /// A Space in points (grid lines times the grid's leading).
    double space(const layout::Space& s) const;
    /// Sets `content` in `style` at `width`.
    SetParagraph set(const model::Inlines& content, layout::ParagraphStyleId style, double width,
                     const std::string& lang, const SourceLocation& where, bool first_in_flow = false,
                     std::optional<layout::Alignment> align = std::nullopt, bool own_lines = false);
    SetParagraph set_text(const std::string& text, layout::ParagraphStyleId style, double width,
                          std::optional<layout::Alignment> align = std::nullopt);
    /// How lines of `style` go into a column flow, `x` from the column edge.
    LineSpec lines(layout::ParagraphStyleId style, double x = 0) const;
    /// The absolute path of a file inside the issue folder.
    std::string image_file(const std::string& relative) const;
};

}  // namespace galley::typeset

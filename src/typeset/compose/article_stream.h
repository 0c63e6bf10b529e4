// Preparing an article for pages: its body and end matter become one
// column flow (body_flow.h), set once at column width; the headline block
// is built later, once its width is known (head_block.h).
#pragma once

#include <cstddef>
#include <string>

#include "model/article.h"
#include "typeset/compose/compose_context.h"
#include "typeset/compose/figure.h"

namespace galley::typeset {

struct PreparedArticle {
    const model::Article* article = nullptr;
    int section = 0;    ///< index into Issue::sections
    int span = 1;       ///< columns of its headline tier, or of a table wider than that (BodyFlow::table)
    bool rtl = false;   ///< its language is written right to left: its columns are read from the right
    std::string title;  ///< the headline as plain text
    /// What of the lead figures opens `body` rather than standing in the
    /// head: chosen by the paginator when the head was deeper than a fresh
    /// page even with its smallest lead pictures (first the captions and
    /// credits, then the figures whole).
    LeadInText lead_in_text = LeadInText::none;
    Stream body;
};

PreparedArticle prepare_article(ComposeContext& ctx, const model::Article& article, int section,
                                LeadInText lead_in_text = LeadInText::none);

/// The columns of an article's headline tier (PreparedArticle::span),
/// known before it is prepared.
int article_span(const layout::Layout& layout, const model::Article& article);

/// One section's articles as the paginator takes them: the model's
/// articles at once, each prepared article only when first asked for, so
/// that the first pages can be laid out while later articles are still
/// being set.
class SectionArticles {
public:
    virtual ~SectionArticles() = default;
    virtual std::size_t size() const = 0;
    virtual const model::Article& article(std::size_t i) const = 0;
    /// The i-th article, prepared (those before it are prepared first);
    /// the same object on every call while the section is placed.
    virtual PreparedArticle& prepared(std::size_t i) = 0;
};

}  // namespace galley::typeset

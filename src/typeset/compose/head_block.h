// The headline block: kicker and headline across the article's columns (the
// headline in its priority's tier), the deck and the bylines with the
// dateline across the columns the layout gives them, then the lead
// figures. Each piece is an unbreakable stack placed below whatever is
// already in the columns it covers (placement: paginate.h).
#pragma once

#include <vector>

#include "model/article.h"
#include "typeset/compose/compose_context.h"
#include "typeset/compose/figure.h"

namespace galley::typeset {

struct HeadPiece {
    Fragment fragment;              ///< relative to the piece's top-left corner
    double height = 0;              ///< including the space below it
    int first = 0;                  ///< its first column, counted from the article's first
    int span = 1;                   ///< columns it covers
    std::vector<Diagnostic> notes;  ///< reported when the piece is placed
    bool lead_figure = false;       ///< a lead figure (its picture may bleed: figure.lead-bleed)
};

struct HeadBlock {
    std::vector<HeadPiece> pieces;
};

/// How the lead figures are fitted: `columns` > 0 narrows them to that many
/// columns (0: the layout's span); `max_share` caps their height, as a
/// share of the live height; `fill_share` > 0 makes a photograph that
/// tall, as a share of the live height, where cropping its sides allows
/// (see layout_figure). Lead figures narrower than the article sit at its
/// right, so its text starts at the top left, beside them.
struct FigureFit {
    int columns = 0;
    double max_share = 0.4;
    double fill_share = 0;
    /// What of the lead figures opens the text instead
    /// (PreparedArticle::lead_in_text): with `figures`, the head has none.
    LeadInText in_text = LeadInText::none;
    auto operator<=>(const FigureFit&) const = default;
};

/// The text of the head of `article` for an article `k` columns wide:
/// kicker and headline, deck, bylines and dateline. It is kept within
/// article.head-max-share of the text area, and within `max_depth` when
/// that is given (the room a fresh page leaves the head): the headline in
/// smaller tiers, then smaller down to the deck's size, then the deck
/// smaller down to a tenth over the body size (W-TEXT-HEADLINE-SHRUNK,
/// W-TEXT-DECK-SHRUNK).
HeadBlock build_head_text(ComposeContext& ctx, const model::Article& article, int k, double max_depth = 0);
/// Its lead figures, fitted by `fit`, placed after the text pieces.
HeadBlock build_head_figures(ComposeContext& ctx, const model::Article& article, int k, FigureFit fit = {});

/// Whether the article has a lead figure in print.
bool has_lead_figure(const model::Article& article);
/// Whether a lead figure of the article in print has a caption or credit.
bool has_lead_caption(const model::Article& article);

/// The article's title in tags and the outline: its headline as plain text,
/// else its kicker, else its id.
std::string headline_text(const model::Article& article);

}  // namespace galley::typeset

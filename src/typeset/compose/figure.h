// Figures: an image scaled to a width (never distorted), then its caption
// and credit, as one unbreakable fragment.
#pragma once

#include <string>
#include <vector>

#include "model/block.h"
#include "typeset/compose/compose_context.h"
#include "typeset/compose/fragment.h"

namespace galley::typeset {

/// What of an article's lead figures opens its text rather than standing in
/// its head: chosen by the paginator, in this order, when the head is
/// deeper than a fresh page (PreparedArticle::lead_in_text). `captions`:
/// every lead caption and credit, the pictures staying in the head;
/// `figures`: the lead figures whole, set in the text like inline ones.
enum class LeadInText { none, captions, figures };

struct FigureLayout {
    Fragment fragment;  ///< relative to the figure's top-left
    double height = 0;
    /// W-IMAGE-LOW-RESOLUTION when the image prints below the layout's
    /// figure.min-dpi, W-IMAGE-TOO-THIN when it prints narrower or shorter
    /// than 2 pt (a 1 x 20000 px file at a column's height); reported by
    /// the caller once the figure is placed.
    std::vector<Diagnostic> notes;
};

/// Lays out `figure` at `width`. An image taller than `max_image_height` at
/// that width is cropped when it is a photograph (JPEG; at most a third
/// of its height, centred) and otherwise, or beyond that, scaled down and
/// centred. A photograph shorter than `fill_height` (0: none) is made
/// taller, up to that height: scaled up and cropped at both sides, never by
/// more than a third of its width nor below the layout's figure.min-dpi. Tags: Figure (with the alt text), then
/// Caption holding caption and credit.
FigureLayout layout_figure(ComposeContext& ctx, const model::Figure& figure, double width, double max_image_height,
                           const std::string& lang, const SourceLocation& where, double fill_height = 0);

/// How many columns `image` is set over, given `span` by its placement,
/// in an article `article_columns` wide: fewer (at least one) while a
/// raster picture would print below figure.narrow-dpi; more, up to the
/// article's width, while a wide picture (a panorama) would be shallower
/// than half a column's width, as far as its resolution allows.
int figure_span(const ComposeContext& ctx, const model::Image& image, int span, int article_columns);

/// Whether a lead figure's caption and credit go at the start of the
/// article's text, as lines that break between columns, rather than under
/// its picture in the head (which is placed whole): set one column wide
/// they would be deeper than half the live area (a caption of hundreds of
/// words). The same answer for every span the head is tried at. With
/// `all` (the article's head was deeper than a fresh page even with its
/// smallest lead pictures), any caption or credit goes there.
bool lead_caption_in_text(ComposeContext& ctx, const model::Figure& figure, const std::string& lang,
                          const SourceLocation& where, bool all = false);

/// A model image as the page draws it: its file (opened again through the
/// issue folder), format and pixel size; where it goes is the caller's.
page::Image page_image(const ComposeContext& ctx, const model::Image& image);

}  // namespace galley::typeset

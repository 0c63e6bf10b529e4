// A resolved layout: plain structs holding every setting of a layout file (and
// the files it extends), with no inheritance, roles or grid lines left to
// resolve. This is what the typesetter, the press stage and the EPUB
// stylesheet read; nothing after loading looks at layout files again.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/length.h"
#include "layout/styles.h"
#include "layout/values.h"

namespace galley::layout {

/// The trimmed page and what lies around it. Margins are measured from the
/// trim edge to the live area; "inner" is the binding side (the left margin of
/// a right-hand page) when pages are facing, the left margin otherwise. Bleed
/// extends beyond the trim on each side.
struct PageGeometry {
    Length width;
    Length height;
    Length margin_top;
    Length margin_inner;
    Length margin_bottom;
    Length margin_outer;
    Length bleed_top;
    Length bleed_inner;
    Length bleed_bottom;
    Length bleed_outer;
    bool facing{};
    BindingEdge binding{};  ///< automatic until composition decides it for an issue
    /// Whether page `page_number` (1-based) is a left-hand page: the even
    /// ones when bound on the left, the odd ones when bound on the right;
    /// none when pages are not facing.
    bool left_hand(int page_number) const;
};

struct ColumnGrid {
    int count{};
    Length gutter;
    Length rule_width;  ///< A vertical rule in each gutter; 0 = none.
    Colour rule_colour;
    bool balance{};     ///< Balance the last columns of an article.
    int min_leg{};      ///< Shallowest leg of text a balanced column may be left with, in lines; 0 = any.
};

/// The baseline grid body text sits on: `origin` is the distance from the top
/// of the live area to the first baseline, then every `leading`.
struct BaselineGrid {
    Length leading;
    Length origin;
    /// Least leading, in sizes, of text in a script that stacks marks deep
    /// (Khmer): its lines leave the grid where the style's leading is less.
    double stacked_line_height{};
};

/// The three font roles styles refer to, and extra font folders.
struct FontRoles {
    FontList text;     ///< Body text (serif).
    FontList display;  ///< Headlines.
    FontList sans;     ///< Kickers, captions, furniture.
    std::vector<std::filesystem::path> directories;  ///< Absolute; searched after fonts/.
};

/// How many columns each kind of element spans.
struct ElementSpans {
    Span deck;
    Span byline;
    Span lead_figure;
    Span inline_figure;
    Span pullquote;
    Span table;
    Span aside;
    Span related;
};

struct ArticleFlow {
    ArticleStart article_start{};  ///< Where the next article starts.
    ArticleStart section_start{};  ///< Where the first article of a section starts.
    int brief_priority{};          ///< Under new-page starts, articles this unimportant share the page when they fit.
    Space space_between;           ///< Between articles sharing a page.
    Length rule_width;             ///< A rule between articles sharing a page; 0 = none.
    double head_max_share{};       ///< Deepest a head's text may be, as a share of the live height.
};

struct DropCap {
    int lines{};          ///< Lines the initial drops through; 0 = no drop caps.
    Length gap;           ///< Between the initial and the text beside it.
    int max_priority{};   ///< Articles with this priority or a more important one get one.
    int lead_in_words{};  ///< Words after the initial set in the lead-in character style.
};

struct FigureSettings {
    Space caption_gap;  ///< Between an image and its caption.
    int min_dpi{};      ///< Images below this resolution at their printed size get a warning.
    int narrow_dpi{};   ///< Pictures that would print below this go over fewer columns; 0 = never.
    LeadBleed lead_bleed{};  ///< A full-width lead picture runs off the page's sides.
    double lead_fill{};      ///< Share of the live height a lead photo may grow to, to fill its page; 0 = never.
};

struct HouseAdSettings {
    double min_hole{};  ///< Share of the live height a hole at a page's foot needs to take a house ad; 0 = never.
};

struct ListSettings {
    std::string bullet;  ///< Label of bullet-list items.
    Length label_width;  ///< Room for the label (bullet or number) before the item text.
};

struct SeparatorSettings {
    SeparatorKind kind{};
    Space space;        ///< Above and below.
    Length rule_width;  ///< For SeparatorKind::rule.
};

struct Masthead {
    Length height;       ///< Band reserved at the top of page one's live area.
    Length logo_height;  ///< The manifest's logo is scaled to this height.
    Length rule_width;   ///< Rule under the masthead; 0 = none.
    Space space_after;   ///< Between the masthead band and the first article.
};

struct RunningHead {
    bool enabled{};
    Length offset;      ///< Baseline distance above the top of the live area.
    Length rule_width;  ///< Rule under the running head; 0 = none.
};

struct Folio {
    FolioPosition position{};
    Length offset;  ///< Baseline distance from the live area, into the margin.
};

struct Furniture {
    Masthead masthead;
    RunningHead running_head;
    Folio folio;
};

/// The words and digits composition adds to the page, for issues not in English.
struct Labels {
    std::string continued_on;    ///< Jump line at a column's foot; "{page}" is the page it goes on to.
    std::string continued_from;  ///< Jump line above the rest; "{page}" is the page it came from.
    std::string more_stories;    ///< Heading of an article's related-stories box.
    std::string date;            ///< The issue date: {weekday}, {day}, {month}, {year}.
    std::string months;          ///< Twelve month names, comma-separated.
    std::string weekdays;        ///< Seven day names from Monday, comma-separated.
    std::string digits;          ///< The ten digits 0-9 in the issue's script (dates, folios, jump pages).
    std::string volume;          ///< "{volume}" as the masthead shows it.
    std::string number;          ///< "{number}" as the masthead shows it.
    std::string lang;            ///< The language they are written in (BCP 47).
    // The EPUB's own words.
    std::string contents;        ///< Heading of the contents and navigation pages.
    std::string cover;           ///< The cover landmark.
    std::string start;           ///< The start-of-content landmark.
    std::string landmarks;       ///< Heading of the landmarks list.
    std::string related;         ///< Heading of an article's related items.
    std::string correction;      ///< Heading of one correction.
    std::string corrections;     ///< Heading of several.

    /// "Vol. 17, No. 12" from `volume` and `number`; empty parts left out.
    std::string volume_and_number(const std::string& issue_volume, const std::string& issue_number) const;
};

/// The comma-separated names of a label list (label.months,
/// label.weekdays), each trimmed of spaces.
std::vector<std::string> label_list(std::string_view list);

/// The characters (code points, each as UTF-8) of a label (label.digits).
std::vector<std::string> label_characters(std::string_view text);

/// Replaces the first "{name}" in a label's `text` with `value`.
void fill_label(std::string& text, std::string_view name, const std::string& value);

/// Settings for the press PDF (issue 7): marks, output profile, ink.
struct PressSettings {
    bool crop_marks{};
    bool registration_marks{};
    Length mark_offset;  ///< From the trim edge to where marks start.
    Length mark_length;
    bool slug{};         ///< Job, page and date outside the trim.
    std::filesystem::path colour_profile;  ///< Absolute ICC path; empty = Ghostscript's default CMYK.
    double ink_limit{};  ///< Total area coverage limit, percent.
    bool black_overprint{};
};

/// Everything a layout says, resolved.
struct Layout {
    std::string name;                 ///< "tabloid".
    std::string description;          ///< One line, for `galley layouts`.
    std::filesystem::path file;       ///< The file it was loaded from.
    std::vector<std::string> chain;   ///< This layout, then each it extends ("tabloid", "base").

    PageGeometry page;
    ColumnGrid columns;
    BaselineGrid grid;
    FontRoles fonts;
    std::array<ParagraphStyle, kParagraphStyleCount> paragraph_styles{};
    std::array<CharacterStyle, kCharacterStyleCount> character_styles{};
    std::array<HeadlineTier, kTierCount> tiers{};
    std::array<Box, kBoxCount> boxes{};
    ElementSpans spans;
    ArticleFlow flow;
    DropCap dropcap;
    FigureSettings figures;
    HouseAdSettings house_ads;
    ListSettings lists;
    SeparatorSettings separator;
    Furniture furniture;
    Labels labels;
    PressSettings press;

    const ParagraphStyle& style(ParagraphStyleId id) const;
    ParagraphStyle& style(ParagraphStyleId id);
    const CharacterStyle& character_style(CharacterStyleId id) const;
    CharacterStyle& character_style(CharacterStyleId id);
    const Box& box(BoxId id) const;
    Box& box(BoxId id);
    /// The headline tier for an article priority; priorities outside 1..5
    /// are clamped (0 or less to 1, above 5 to 5).
    const HeadlineTier& tier(int priority) const;
    HeadlineTier& tier(int priority);

    // Geometry derived from the settings.
    Length live_width() const;
    Length live_height() const;
    Length column_width() const;
    /// Width of `n` adjacent columns and the gutters between them.
    Length span_width(int n) const;
    /// Left edge of column `index` (0-based) from the live area's left edge.
    Length column_left(int index) const;
    /// The left margin of page `page_number` (1 = a right-hand page): the
    /// inner margin on right-hand pages, the outer one on left-hand pages of
    /// facing layouts.
    /// The margin on the page's left: the outer one on a left-hand page.
    Length left_margin(int page_number) const;
    /// Columns a headline tier spans on this page.
    int tier_columns(int priority) const;
};

}  // namespace galley::layout

// Paragraph styles, character styles, headline tiers and boxes: the resolved
// typographic settings both editions read (the print typesetter directly, the
// EPUB writer to generate its stylesheet).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/length.h"
#include "layout/values.h"

namespace galley::layout {

/// Every named paragraph style. The layout-file names are in EnumNames below.
enum class ParagraphStyleId {
    body, body_first, subhead, kicker, headline, deck, byline, dateline, caption, credit,
    pullquote, pullquote_attribution, blockquote, attribution, list, table_cell, table_head,
    aside_title, aside_body, correction, tagline, rights, related_heading, related_kicker,
    related_title, related_teaser, masthead, masthead_line, running_head, folio,
};
inline constexpr std::size_t kParagraphStyleCount = 30;

/// Character styles: runs inside a paragraph that change some of its settings.
enum class CharacterStyleId { em, strong, link, sub, sup, span, person, dropcap, lead_in };
inline constexpr std::size_t kCharacterStyleCount = 9;

/// Framed blocks.
enum class BoxId { aside, pullquote, related, table, correction };
inline constexpr std::size_t kBoxCount = 5;

/// Headline tiers, keyed by article priority 1 (lead) .. 5.
inline constexpr int kTierCount = 5;

template <>
struct EnumNames<ParagraphStyleId> {
    static constexpr std::array<std::pair<ParagraphStyleId, std::string_view>, kParagraphStyleCount> values{{
        {ParagraphStyleId::body, "body"},
        {ParagraphStyleId::body_first, "body-first"},
        {ParagraphStyleId::subhead, "subhead"},
        {ParagraphStyleId::kicker, "kicker"},
        {ParagraphStyleId::headline, "headline"},
        {ParagraphStyleId::deck, "deck"},
        {ParagraphStyleId::byline, "byline"},
        {ParagraphStyleId::dateline, "dateline"},
        {ParagraphStyleId::caption, "caption"},
        {ParagraphStyleId::credit, "credit"},
        {ParagraphStyleId::pullquote, "pullquote"},
        {ParagraphStyleId::pullquote_attribution, "pullquote-attribution"},
        {ParagraphStyleId::blockquote, "blockquote"},
        {ParagraphStyleId::attribution, "attribution"},
        {ParagraphStyleId::list, "list"},
        {ParagraphStyleId::table_cell, "table-cell"},
        {ParagraphStyleId::table_head, "table-head"},
        {ParagraphStyleId::aside_title, "aside-title"},
        {ParagraphStyleId::aside_body, "aside-body"},
        {ParagraphStyleId::correction, "correction"},
        {ParagraphStyleId::tagline, "tagline"},
        {ParagraphStyleId::rights, "rights"},
        {ParagraphStyleId::related_heading, "related-heading"},
        {ParagraphStyleId::related_kicker, "related-kicker"},
        {ParagraphStyleId::related_title, "related-title"},
        {ParagraphStyleId::related_teaser, "related-teaser"},
        {ParagraphStyleId::masthead, "masthead"},
        {ParagraphStyleId::masthead_line, "masthead-line"},
        {ParagraphStyleId::running_head, "running-head"},
        {ParagraphStyleId::folio, "folio"},
    }};
};

template <>
struct EnumNames<CharacterStyleId> {
    static constexpr std::array<std::pair<CharacterStyleId, std::string_view>, kCharacterStyleCount> values{{
        {CharacterStyleId::em, "em"},
        {CharacterStyleId::strong, "strong"},
        {CharacterStyleId::link, "a"},
        {CharacterStyleId::sub, "sub"},
        {CharacterStyleId::sup, "sup"},
        {CharacterStyleId::span, "span"},
        {CharacterStyleId::person, "person"},
        {CharacterStyleId::dropcap, "dropcap"},
        {CharacterStyleId::lead_in, "lead-in"},
    }};
};

template <>
struct EnumNames<BoxId> {
    static constexpr std::array<std::pair<BoxId, std::string_view>, kBoxCount> values{{
        {BoxId::aside, "aside"},
        {BoxId::pullquote, "pullquote"},
        {BoxId::related, "related"},
        {BoxId::table, "table"},
        {BoxId::correction, "correction"},
    }};
};

/// A paragraph style, fully resolved (no inheritance left to apply). Fields
/// start empty: every value comes from the registry's defaults or a layout.
struct ParagraphStyle {
    std::string based_on;  ///< The style it started from ("none" or a style name); informational.
    FontList font;
    int weight{};  ///< CSS scale, 100..900.
    bool italic{};
    Length size;  ///< Font size.
    Length leading;  ///< Baseline to baseline.
    double tracking{};  ///< Extra letter spacing, thousandths of an em.
    Colour colour;
    Alignment align{};
    Length first_line_indent;  ///< Added to left_indent on the first line (may be negative).
    Length left_indent;
    Length right_indent;
    Space space_before;
    Space space_after;
    bool align_to_grid{};  ///< Baselines sit on the layout's baseline grid.
    bool hyphenate{};
    int hyphen_min_word{};  ///< Shortest word (in characters) that may be hyphenated.
    int hyphen_min_left{};  ///< Fewest characters before a hyphen.
    int hyphen_min_right{};  ///< Fewest characters after a hyphen.
    int hyphen_max_consecutive{};  ///< Most hyphenated lines in a row; 0 = no limit.
    bool avoid_runts{};  ///< Break so the last line is not a single word, where the spacing limits allow.
    bool carry_short_words{};  ///< Ragged lines: a short article, preposition or conjunction goes to the next line.
    bool even_lines{};  ///< Ranged left over two lines or more: the narrowest measure that keeps the lines.
    double turnover_indent{};  ///< Ems: a wrapped line of a paragraph with line breaks of its own stands in.
    double word_space_min{};  ///< Fractions of the font's natural space.
    double word_space_natural{};
    double word_space_max{};
    double letter_space_min{};  ///< Thousandths of an em, <= 0.
    double letter_space_max{};  ///< Thousandths of an em, >= 0.
    double kashida_max{};  ///< Thousandths of an em a justified Arabic word may lengthen by, >= 0.
    bool keep_with_next{};
    int widows{};  ///< Fewest lines of a paragraph at the top of a column.
    int orphans{};  ///< Fewest lines of a paragraph at the foot of a column.
    bool uppercase{};
};

/// A character style: what a run changes relative to its paragraph. An empty
/// optional means "as the paragraph".
struct CharacterStyle {
    std::optional<FontList> font;
    std::optional<int> weight;
    std::optional<bool> italic;
    std::optional<Colour> colour;
    std::optional<bool> uppercase;
    double size_scale{};  ///< Font size relative to the paragraph's.
    double baseline_shift{};  ///< In ems of the paragraph's size; positive raises.
    double tracking{};  ///< Thousandths of an em, added to the paragraph's.
    bool underline{};
};

/// The headline settings for articles of one priority.
struct HeadlineTier {
    Length size;
    Length leading;
    int weight{};
    Span span;  ///< Kind::columns or Kind::all.
};

/// A framed block (factbox, pull quote, related stories, table).
struct Box {
    BoxFrame frame{};
    Length rule_width;
    Colour rule_colour;
    std::optional<Colour> background;  ///< None: no fill.
    Length padding;  ///< Between the frame and the content.
};

}  // namespace galley::layout

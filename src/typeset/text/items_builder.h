// Step 2 of setting a paragraph: the collected text measured into the
// boxes, glue and penalties of Knuth & Plass (typeset/linebreak/items.h),
// with a Piece beside every item saying which text it stands for.
//
//   words (text between spaces)
//     break opportunities inside a word: hyphenation points (libhyphen, per
//       language), explicit hyphens and dashes, ICU word boundaries in
//       Khmer/Thai/CJK text (zero-width glue that may stretch), U+200B
//     shaped per style segment (cached per word); one box per fragment and
//       segment, its letter-spacing capacity = its letter gaps x the style's
//       limits (none in scripts that join or stack, but for Thai, Lao,
//       Myanmar and Khmer its cluster gaps x letter-space-max, stretch only:
//       chars.h spaces_between_clusters)
//     a hyphen point's penalty is as wide as the hyphen really makes the line
//       (the prefix is shaped with its hyphen: ligatures and kerning change)
//     a fragment wider than the narrowest line may be cut between any two
//       characters (path-friendly places cheaper), or for very long ones at
//       greedy cuts that each fit the narrowest line, so no line needs to be
//       overfull (the caller reports words it did cut)
//     e-mail addresses and URLs (wider than 40% of the narrowest line) are
//       never hyphenated and break only where convention allows (after "//",
//       ':', '@'; before '.', '/', '-', ...; `Piece::conventional`); in a
//       hyphenating style a long name in one may also break between its
//       syllables, without a hyphen, at a high penalty (the last resort
//       before a seriously loose line); a name is cut like a word only when
//       it alone is wider than a line
//   spaces: glue from the font's space and the style's word-space limits;
//     U+00A0 never breaks. Ragged alignments use Knuth & Plass's ragged-right
//     form: the stretch sits at the line end, word spaces keep their width.
//   '\n' (a LineBreak): the line ends there, set like a last line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "typeset/linebreak/hyphenator.h"
#include "typeset/linebreak/items.h"
#include "typeset/linebreak/segmenter.h"
#include "typeset/text/collect.h"
#include "typeset/text/shaper.h"

namespace galley::typeset::text {

/// What an item stands for.
struct Piece {
    enum class Kind : std::uint8_t {
        none,       ///< bookkeeping (ragged stretch, a no-break penalty)
        text,       ///< box: bytes [start, end) of run `run`
        space,      ///< glue: the white space [start, end) of run `run`
        gap,        ///< zero-width glue at a script word boundary (start)
        hyphen,     ///< penalty: a hyphenation point (start); draws a hyphen when `add_hyphen`
        brk,        ///< penalty: a break without hyphen (explicit hyphen, dash, U+200B)
        cut,        ///< penalty: inside a word too wide for the line (`word`), no hyphen
        forced,     ///< penalty: a LineBreak (start = its '\n')
    };
    Kind kind = Kind::none;
    bool add_hyphen = false;
    bool long_text = false;  ///< text: part of a very long word (shaped per line, never cached)
    bool conventional = false;  ///< cut: where an e-mail address or URL is broken by convention
    bool between_words = false; ///< gap: between two words of Khmer, Thai... (not ideographs): opens after the spaces
    std::uint32_t run = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
    std::uint32_t word = 0;  ///< text and cut pieces: index of their word in the paragraph
};

struct BuildOptions {
    bool justify = true;
    bool hyphenate = false;
    HyphenationRules rules;
    double hyphen_penalty = 50.0;
    double explicit_penalty = 50.0;
    double word_space_min = 0.8;
    double word_space_natural = 1.0;
    double word_space_max = 1.33;
    double letter_space_min = 0.0;  ///< thousandths of an em, <= 0
    double letter_space_max = 0.0;  ///< thousandths of an em, >= 0
    double kashida_max = 0.0;       ///< thousandths of an em, >= 0: Arabic words' kashida
    double ragged_stretch = 30.0;   ///< pt, stretch at the end of a ragged line
    double min_measure = 0.0;       ///< narrowest line: wider fragments are cut
    /// Ragged lines: note the breaks after a short function word of the
    /// text's language (`Prepared::short_word_breaks`).
    bool mark_short_words = false;
};

/// A word wider than some line, given places to be cut.
struct CutWord {
    std::uint32_t word = 0;
    std::uint32_t start = 0;
    std::uint32_t end = 0;
};

struct Prepared {
    std::vector<Item> items;
    std::vector<Piece> pieces;       ///< one per item
    std::vector<CutWord> cut_words;  ///< in order
    /// With `BuildOptions::mark_short_words`: the penalty items (each 0) of
    /// the spaces after a short function word ("of", "the"), in order.
    std::vector<std::size_t> short_word_breaks;
    /// Ragged lines only: the penalty items (each 0) of the spaces inside a
    /// person's name (model::Person), in order.
    std::vector<std::size_t> name_breaks;
};

/// Natural width, stretch and shrink of a word space in `style`.
struct SpaceGlue {
    double width = 0.0;
    double stretch = 0.0;
    double shrink = 0.0;
};

/// Per-thread helpers shared by every paragraph: languages' hyphenators and
/// segmenters, and the hyphenation of words already seen.
class ItemBuilder {
public:
    ItemBuilder(Shaper& shaper, StyleTable& styles, HyphenatorCache& hyphenators);
    ~ItemBuilder();

    /// Items for text[from, text.size()) of `t`.
    Prepared build(const CollectedText& t, std::size_t from, const BuildOptions& options, Diagnostics& diags);

    /// The font of a style.
    int font_of(int style);
    SpaceGlue space_glue(int style, const BuildOptions& options);

private:
    /// The items of a word, as measured once: pieces' runs count from the
    /// word's first run and their bytes from its start.
    struct WordPlan {
        std::vector<Item> items;
        std::vector<Piece> pieces;
        bool cut = false;
    };
    void add_word(const CollectedText& t, std::size_t a, std::size_t b, const BuildOptions& o, Prepared& out,
                  Diagnostics& diags);
    void measure_word(const CollectedText& t, std::size_t a, std::size_t b, std::uint32_t word,
                      const BuildOptions& o, Prepared& out, Diagnostics& diags);
    const std::vector<HyphenBreak>& hyphenation(const Hyphenator& h, std::string_view word, const HyphenationRules& r);
    std::shared_ptr<const Hyphenator> hyphenator(const std::string& lang, Diagnostics& diags);
    /// Where the names of the address in `w` (its bytes [begin, end), the
    /// punctuation around it left out) break between syllables (bytes of
    /// `w`, in order): by `lang`'s patterns, three letters at least on
    /// either side.
    std::vector<std::size_t> address_syllables(std::string_view w, std::size_t begin, std::size_t end,
                                               const std::string& lang, const HyphenationRules& rules,
                                               Diagnostics& diags);
    Segmenter& segmenter(const std::string& lang);

    Shaper& shaper_;
    StyleTable& styles_;
    HyphenatorCache& hyphenators_;
    std::vector<int> font_of_style_;
    std::map<std::string, std::shared_ptr<const Hyphenator>> by_lang_;
    std::map<std::string, std::unique_ptr<Segmenter>> segmenters_;
    std::unordered_map<std::string, std::vector<HyphenBreak>> hyphen_cache_;
    std::unordered_map<std::string, WordPlan> plans_;
    std::string options_key_;  // the BuildOptions a plan depends on, as bytes
    std::string key_;
    std::string plan_key_;
    std::uint32_t words_ = 0;
};

/// Whether word `w` (with the punctuation around it) is an e-mail address
/// or a web address, with or without a scheme ("letters@example.org",
/// "https://example.org/a", "www.example.org", "news.example.org",
/// "example.org/tickets"; not "e.g.", "U.S.A.", "3.5.1" nor a bare
/// "example.org"): never hyphenated, broken only where convention allows.
bool looks_like_address(std::string_view w);

}  // namespace galley::typeset::text

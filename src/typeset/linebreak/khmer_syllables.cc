// Syllable breaks in Khmer words, from the written clusters.
//
//   khmer_syllable_breaks(text, word_edges)
//     decode; cut the text into words at the edges and at anything not Khmer
//     read each word as written clusters: a base (consonant or independent
//       vowel), then subscripts (coeng + consonant) and signs
//     allow a break before a cluster by the rules in the header, and where
//       two characters of the word stay on either side
#include "typeset/linebreak/khmer_syllables.h"

#include <algorithm>

#include "typeset/linebreak/utf8.h"

namespace galley::typeset {
namespace {

constexpr char32_t kCoeng = 0x17D2;
constexpr char32_t kNgo = 0x1784;

bool is_consonant(char32_t c) { return c >= 0x1780 && c <= 0x17A2; }
bool is_independent_vowel(char32_t c) { return c >= 0x17A3 && c <= 0x17B3; }
/// Dependent vowels, and nikahit, reahmuk and yuukaleapintu, which sound as
/// vowels (U+17B6..U+17C8).
bool is_vowel_sign(char32_t c) { return c >= 0x17B6 && c <= 0x17C8; }
/// Anything that joins the cluster before it: vowel signs, the register and
/// other signs, the invisible inherent vowels, the joiners.
bool is_mark(char32_t c) {
    return (c >= 0x17B4 && c <= 0x17D1) || c == 0x17D3 || c == 0x17DD || c == 0x200C || c == 0x200D;
}
bool is_khmer_word_char(char32_t c) { return is_consonant(c) || is_independent_vowel(c) || is_mark(c) || c == kCoeng; }

struct Cluster {
    std::size_t offset = 0;  ///< byte of its first character
    std::size_t chars = 0;
    char32_t base = 0;         ///< its consonant or independent vowel; 0: marks only
    char32_t subscript = 0;    ///< its first subscript consonant (after a coeng); 0: none
    bool vowel = false;        ///< carries a vowel sign
    bool only_i_or_u = true;   ///< every vowel sign in it is i (U+17B7) or u (U+17BB)
    bool closed = false;       ///< ends in a sound of its own: nikahit, reahmuk, yuukaleapintu
};

bool independent(const Cluster& c) { return is_independent_vowel(c.base); }
bool bare(const Cluster& c) { return is_consonant(c.base) && !c.vowel && c.subscript == 0; }
bool voiced(const Cluster& c) { return c.vowel || independent(c); }

/// The row of the consonant table (the five classes of stops, each ending
/// in its nasal) `c` is in; -1 for the others (y, r, l, v, s, h, l, a).
int row_of(char32_t c) { return c >= 0x1780 && c <= 0x1798 ? static_cast<int>(c - 0x1780) / 5 : -1; }

/// Whether the base of `c` is doubled by its subscript or followed by one of
/// its own row: the learned words' spelling of a final and an initial ("ន្ន",
/// "ដ្ឋ", "ទ្ធ", subscript DA standing for TA in "ត្ដ").
bool doubled(const Cluster& c) {
    const int row = row_of(c.base);
    return row >= 0 && (row == row_of(c.subscript) || (c.subscript == 0x178A && row == 3));
}

/// Whether the base of `c` can begin a syllable with its subscript: not when
/// it is doubled, nor when the base is a nasal, which before a subscript
/// closes the syllable before ("កន្លែង", "សង្គម"), nor before a subscript SA
/// or a VO under PO ("ក្សា", "បៀវត្ស", "កាតព្វកិច្ច").
bool begins_syllable_with_subscript(const Cluster& c) {
    const char32_t base = c.base, sub = c.subscript;
    if (doubled(c)) return false;
    if (row_of(base) >= 0 && (base - 0x1780) % 5 == 4) return false;  // a nasal
    if (sub == 0x179F) return false;
    return !(sub == 0x179C && (base == 0x1794 || base == 0x1796));
}

/// A learned word's silent ending: i or u on a doubled consonant ("សិទ្ធិ",
/// "ប្រវត្តិ"; not "ក្នុង", "កម្រិត").
bool silent_ending(const Cluster& c) { return c.vowel && c.only_i_or_u && doubled(c); }

/// Whether a line may end before `cs[i]` (i >= 1) of one word.
bool breaks_before(const std::vector<Cluster>& cs, std::size_t i) {
    const Cluster& c = cs[i];
    const Cluster& prev = cs[i - 1];
    if (c.base == 0 || prev.base == 0) return false;
    if (i + 1 == cs.size() && c.vowel && c.only_i_or_u) return false;  // "ជា|តិ", "ហេ|តុ"
    // A learned word's silent ending is the end of a word: the compound
    // goes on with a syllable of its own ("សិទ្ធិ|មនុស្ស"). Otherwise a bare
    // consonant may end the syllable before it or begin the next.
    if (bare(c)) return silent_ending(prev) && i + 1 < cs.size() && voiced(cs[i + 1]);
    // The syllable before is a full one: it ends in its vowel, or in a
    // final. Not a lone consonant or cluster said with a short inherent
    // vowel ("ម|នុស្ស", "ប្រ|កាស"). Its final is
    //  - a sign that sounds one (nikahit, reahmuk);
    //  - a consonant after its vowel, unless the syllable has its final
    //    already (the second ប of "បណ្ដុះបណ្ដាល" begins "បណ្ដាល"; but "ទាំង"
    //    ends in ង) or its vowel is i or u, which in learned words is often
    //    short before a syllable of its own ("អធិបតេយ្យ" is a-thi-pa-tey);
    //  - a consonant with a subscript that cannot begin a syllable ("អង្គ|ការ",
    //    "មនុស្ស|ជាតិ").
    const bool after_vowel = voiced(prev);
    const bool closed = (after_vowel && prev.closed) ||
                        (bare(prev) && i >= 2 && voiced(cs[i - 2]) && !cs[i - 2].only_i_or_u &&
                         (!cs[i - 2].closed || prev.base == kNgo)) ||
                        (prev.subscript != 0 && !prev.vowel && !begins_syllable_with_subscript(prev));
    if (!after_vowel && !closed) return false;
    if (independent(c)) return true;
    // Right after an open vowel, an i or u is often a learned word's silent
    // ending ("ហេ|តុផល" is haet-phal).
    if (c.subscript == 0) return closed || !c.only_i_or_u;
    // After an open syllable the subscript's base closes it ("សន្តិ",
    // "ចិត្ត"); after a closed one it begins the next ("ទទួល|ស្គាល់",
    // "ដំណោះ|ស្រាយ").
    return closed && begins_syllable_with_subscript(c);
}

/// Appends the breaks inside one word, chars [from, to).
void word_breaks(const std::vector<utf8::Char>& chars, std::size_t from, std::size_t to, std::vector<std::size_t>& out) {
    std::vector<Cluster> cs;
    for (std::size_t k = from; k < to;) {
        Cluster c;
        c.offset = chars[k].offset;
        const char32_t first = chars[k].cp;
        if (is_consonant(first) || is_independent_vowel(first)) c.base = first;
        std::size_t j = c.base != 0 ? k + 1 : k;
        while (j < to) {
            const char32_t m = chars[j].cp;
            // A coeng takes the letter after it below (an independent
            // vowel too, in some spellings): never a break between them.
            const char32_t below = j + 1 < to ? chars[j + 1].cp : 0;
            if (m == kCoeng && (is_consonant(below) || is_independent_vowel(below))) {
                if (c.subscript == 0) c.subscript = below;
                j += 2;
            } else if (is_mark(m) || m == kCoeng) {
                if (is_vowel_sign(m)) {
                    c.vowel = true;
                    c.closed = c.closed || m >= 0x17C6;
                    c.only_i_or_u = c.only_i_or_u && (m == 0x17B7 || m == 0x17BB);
                }
                ++j;
            } else {
                break;
            }
        }
        if (j == k) ++j;  // cannot happen: every word character is a base or a mark
        c.chars = j - k;
        cs.push_back(c);
        k = j;
    }
    const std::size_t total = to - from;
    std::size_t left = cs.empty() ? 0 : cs.front().chars;
    for (std::size_t i = 1; i < cs.size(); ++i) {
        if (left >= 2 && total - left >= 2 && breaks_before(cs, i)) out.push_back(cs[i].offset);
        left += cs[i].chars;
    }
}

}  // namespace

std::vector<std::size_t> khmer_syllable_breaks(std::string_view text, std::span<const std::size_t> word_edges) {
    std::vector<std::size_t> out;
    std::vector<utf8::Char> chars;
    if (!utf8::decode(text, chars)) return out;
    std::size_t edge = 0;
    std::size_t k = 0;
    while (k < chars.size()) {
        if (!is_khmer_word_char(chars[k].cp)) {
            ++k;
            continue;
        }
        // The word runs to the next edge or character that is not Khmer.
        while (edge < word_edges.size() && word_edges[edge] <= chars[k].offset) ++edge;
        const std::size_t limit = edge < word_edges.size() ? word_edges[edge] : text.size();
        std::size_t end = k;
        while (end < chars.size() && chars[end].offset < limit && is_khmer_word_char(chars[end].cp)) ++end;
        word_breaks(chars, k, end, out);
        k = end;
    }
    return out;
}

bool has_khmer_letters(std::string_view text) {
    // U+1780..U+17B3 is E1 9E 80 .. E1 9E B3.
    for (std::size_t i = 0; i + 2 < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) == 0xE1 && static_cast<unsigned char>(text[i + 1]) == 0x9E &&
            static_cast<unsigned char>(text[i + 2]) >= 0x80 && static_cast<unsigned char>(text[i + 2]) <= 0xB3)
            return true;
    return false;
}

}  // namespace galley::typeset

// Character-level helpers for paragraph text: UTF-8 stepping, sanitising,
// and the few Unicode properties the setter needs (spaces, marks, scripts
// that must not be letter-spaced).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace galley::typeset::text {

/// The character starting at byte `i` of well-formed UTF-8 `s`; `i` moves
/// past it. A malformed byte is returned as U+FFFD and skipped alone.
char32_t next_char(std::string_view s, std::size_t& i);

/// Appends the UTF-8 form of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// `text` as well-formed UTF-8: malformed sequences become U+FFFD, control
/// characters other than '\n' become spaces, U+2028/U+2029 become '\n'.
std::string sanitize(std::string_view text);

/// A breakable word space (collapsed into one glue).
inline bool is_break_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r'; }
/// A stretchable space that never breaks (U+00A0).
inline bool is_fixed_space(char32_t c) { return c == 0x00A0; }

/// Combining marks, joiners and variation selectors: never the start of a
/// cluster, so text is never cut before them.
bool is_continuation(char32_t c);

/// Unicode's Default_Ignorable_Code_Point (soft hyphen, zero-width space
/// and joiners, bidi controls, variation selectors, tags...), and the C0
/// and C1 controls: shown as nothing, whether a font has them or not.
bool is_default_ignorable(char32_t c);

/// A character of non-zero canonical combining class (a mark that stacks
/// on the character before it: UAX #15's non-starter).
bool is_non_starter(char32_t c);

/// Characters as a diagnostic names them: "U+00E9, U+13000" (four hex
/// digits at least, as Unicode writes them), in order, the first eight
/// and then ", ...".
std::string codepoint_list(const std::set<char32_t>& chars);

/// Opening punctuation (quotes, brackets) that a drop cap carries along.
bool is_opening_punctuation(char32_t c);

/// Whether the text from byte `from` is in an alphabet with capitals (Latin,
/// Greek, Cyrillic, Armenian, Georgian), the scripts a drop cap belongs to:
/// the first character that has a script decides (the "1" of "1948 was"
/// goes with the Latin after it, of "1948年" with the Chinese). Thai's vowel
/// written before its consonant, a Devanagari conjunct or a Chinese
/// character is no initial. True when no character has a script.
bool in_alphabet_with_capitals(std::string_view text, std::size_t from);

/// False when `text` holds a character of a script whose letters join or
/// stack (Arabic, Syriac, N'Ko, Mongolian, Indic, class-SA scripts): such
/// text is never letter-spaced or tracked.
bool allows_letter_spacing(std::string_view text);

/// Whether justification may widen the gaps between the clusters of
/// `text`, which allows_letter_spacing() refuses: true when it holds Thai,
/// Lao, Myanmar or Khmer and nothing of another script that joins or
/// stacks. These are written without spaces between words, so a justified
/// line has few spaces to stretch; a cluster is a whole syllable with its
/// stacked and reordered glyphs (HarfBuzz merges them), so spacing moves
/// syllables apart and never a mark off its letter.
bool spaces_between_clusters(std::string_view text);

/// Whether every character of `text` belongs to a left-to-right script
/// whose syllables stack or reorder their glyphs (Indic, Thai, Lao,
/// Myanmar, Khmer, Tibetan, Javanese .. Tai Viet), or is a combining mark,
/// a joiner or a zero-width space. False for empty text.
bool in_stacking_script(std::string_view text);

/// Where the sentence punctuation that ends `word` begins (full stops,
/// commas, colons, semicolons, question and exclamation marks, ellipses):
/// `word.size()` when it ends in anything else.
std::size_t closing_punctuation_start(std::string_view word);

/// Whether `word` opens with a letter or a digit (not punctuation).
bool opens_with_letter_or_digit(std::string_view word);

/// Where a long text may be cut for shaping in pieces: the byte offset of a
/// character boundary at or before `limit` that does not split a cluster,
/// preferring one after a space; 0 when there is none.
std::size_t safe_cut(std::string_view text, std::size_t limit);

}  // namespace galley::typeset::text

// Which parts of a written word may break: its letters between the
// punctuation around it, split at explicit hyphens and dashes; URLs, e-mail
// addresses, numbers and acronyms stay whole. Used by the hyphenator.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "typeset/linebreak/hyphenator.h"
#include "typeset/linebreak/utf8.h"

namespace galley::typeset::detail {

/// A run of letters (apostrophes inside allowed) for the patterns:
/// characters [first, last) of WordShape::chars.
struct LetterRun {
    std::size_t first = 0;
    std::size_t last = 0;
};

struct WordShape {
    std::vector<utf8::Char> chars;
    bool whole = false;                       ///< no break anywhere
    std::vector<std::size_t> soft_hyphens;    ///< characters (U+00AD) to break after, with a hyphen
    std::vector<std::size_t> explicit_breaks; ///< characters (hyphens, dashes) to break after, no hyphen added
    std::vector<LetterRun> runs;              ///< to hyphenate with patterns (none when soft hyphens exist)
};

WordShape analyse_word(std::string_view word, const HyphenationRules& rules);

/// Whether `cp` counts as part of a word's letters (letters and combining marks).
bool is_letter(char32_t cp);
bool is_apostrophe(char32_t cp);

}  // namespace galley::typeset::detail

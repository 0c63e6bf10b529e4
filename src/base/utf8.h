// One strict UTF-8 decoder, and the one rule for showing untrusted text on a
// terminal: which characters must never reach it raw, and how they are
// written instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace galley::utf8 {

/// A code point decoded from UTF-8 and the number of bytes it took.
/// `length` is 0 when the bytes at the position are not well-formed UTF-8
/// (a stray continuation byte, a truncated sequence, an overlong form, a
/// surrogate, or a value over U+10FFFF).
struct Decoded {
    char32_t code_point = 0;
    std::size_t length = 0;
};

/// Decodes the sequence that starts at `text[at]` (`at` < `text.size()`).
Decoded decode(std::string_view text, std::size_t at);

/// Appends `code_point` as UTF-8 (U+FFFD for surrogates and values past
/// U+10FFFF).
void append(std::string& out, char32_t code_point);

/// The bidirectional formatting characters that reorder what a terminal
/// shows (Trojan Source): U+061C, U+200E, U+200F, U+202A..U+202E and
/// U+2066..U+2069.
bool is_bidi_control(char32_t code_point);

/// Characters that must not reach a terminal raw: C0 controls (tab
/// included), DEL, C1 controls (U+0080..U+009F) and the bidi controls.
bool is_terminal_unsafe(char32_t code_point);

struct EscapeStyle {
    bool keep_tab = false;   ///< print a tab as it is (source lines, for the caret)
    bool upper_hex = false;  ///< \x1B rather than \x1b
};

/// `text` safe for a terminal: C0 controls, DEL and bytes that are not
/// well-formed UTF-8 become `\xHH`; C1 and bidi controls `\uHHHH`.
/// Everything else is kept as it is.
std::string escape_for_terminal(std::string_view text, EscapeStyle style = {});

/// How many columns escape_for_terminal() uses for the character at
/// `text[at]` (a tab counts 1), and how many bytes it takes.
struct Shown {
    std::size_t columns = 1;
    std::size_t length = 1;
};
Shown shown_width(std::string_view text, std::size_t at, EscapeStyle style = {});

}  // namespace galley::utf8

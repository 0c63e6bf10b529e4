// Minimal UTF-8 decoding and encoding for the hyphenator and segmenter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace galley::typeset::utf8 {

/// One decoded character and where it sits in the source.
struct Char {
    char32_t cp = 0;
    std::size_t offset = 0;  ///< byte offset of its first byte
    std::size_t size = 0;    ///< bytes
};

/// Decodes `text`; nothing when it is not well-formed UTF-8 (overlong
/// forms, surrogates, truncated sequences, code points past U+10FFFF).
bool decode(std::string_view text, std::vector<Char>& out);

/// Appends the UTF-8 form of `cp` (a valid scalar value) to `out`.
void append(std::string& out, char32_t cp);

}  // namespace galley::typeset::utf8

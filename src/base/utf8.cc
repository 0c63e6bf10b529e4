#include "base/utf8.h"

namespace galley::utf8 {
namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

void append_hex(std::string& out, unsigned value, int digits, bool upper) {
    const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += hex[(value >> shift) & 0xF];
}

}  // namespace

Decoded decode(std::string_view text, std::size_t at) {
    const auto b0 = static_cast<unsigned char>(text[at]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t length = 0;
    char32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return {};
    }
    if (at + length > text.size()) return {};
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(text[at + k]);
        if (!is_continuation(b)) return {};
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
    return {cp, length};
}

void append(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_bidi_control(char32_t cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

bool is_terminal_unsafe(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp); }

std::string escape_for_terminal(std::string_view text, EscapeStyle style) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x7F) {  // the common case
            out += text[i++];
            continue;
        }
        const Decoded d = decode(text, i);
        if (d.length == 0) {
            out += "\\x";
            append_hex(out, b, 2, style.upper_hex);
            ++i;
        } else if (d.code_point == '\t' && style.keep_tab) {
            out += '\t';
            ++i;
        } else if (d.code_point < 0x80) {
            out += "\\x";
            append_hex(out, d.code_point, 2, style.upper_hex);
            ++i;
        } else if (is_terminal_unsafe(d.code_point)) {
            out += "\\u";
            append_hex(out, d.code_point, 4, style.upper_hex);
            i += d.length;
        } else {
            out.append(text.substr(i, d.length));
            i += d.length;
        }
    }
    return out;
}

Shown shown_width(std::string_view text, std::size_t at, EscapeStyle style) {
    const Decoded d = decode(text, at);
    if (d.length == 0) return {4, 1};
    if (d.code_point == '\t' && style.keep_tab) return {1, 1};
    if (d.code_point < 0x20 || d.code_point == 0x7F) return {4, 1};
    if (is_terminal_unsafe(d.code_point)) return {6, d.length};
    return {1, d.length};
}

}  // namespace galley::utf8

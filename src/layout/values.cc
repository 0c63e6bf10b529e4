#include "layout/values.h"

#include <algorithm>

namespace galley::layout {

std::string Colour::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "#";
    for (std::uint8_t c : {r, g, b}) {
        out += digits[c >> 4];
        out += digits[c & 0x0f];
    }
    return out;
}

std::string FontList::joined() const {
    std::string out;
    for (const std::string& f : families) {
        if (!out.empty()) out += ", ";
        out += f;
    }
    return out;
}

int Span::resolve(int total, int headline_columns) const {
    int wanted = columns;
    switch (kind) {
        case Kind::columns: wanted = columns; break;
        case Kind::all: wanted = total; break;
        case Kind::headline: wanted = headline_columns; break;
    }
    return std::clamp(wanted, 1, std::max(total, 1));
}

}  // namespace galley::layout

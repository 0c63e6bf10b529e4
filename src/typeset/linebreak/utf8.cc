#include "typeset/linebreak/utf8.h"

#include "base/utf8.h"

namespace galley::typeset::utf8 {

bool decode(std::string_view text, std::vector<Char>& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size();) {
        const galley::utf8::Decoded d = galley::utf8::decode(text, i);
        if (d.length == 0) return false;
        out.push_back({d.code_point, i, d.length});
        i += d.length;
    }
    return true;
}

void append(std::string& out, char32_t cp) { galley::utf8::append(out, cp); }

}  // namespace galley::typeset::utf8

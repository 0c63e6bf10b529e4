#include "base/xml_space.h"

namespace galley {

std::string_view trim_xml_space(std::string_view text) {
    while (!text.empty() && is_xml_space(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && is_xml_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    return text;
}

std::string collapse_xml_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (is_xml_space(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace galley

#include "model/inline.h"

namespace galley::model {
namespace {

void append_text(const Inlines& content, std::string& out) {
    for (const Inline& in : content) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Text>) {
                    out += n.text;
                } else if constexpr (std::is_same_v<T, LineBreak>) {
                    out += '\n';
                } else {
                    append_text(n.content, out);
                }
            },
            in.node);
    }
}

}  // namespace

std::string plain_text(const Inlines& content) {
    std::string out;
    append_text(content, out);
    return out;
}

bool has_line_break(const Inlines& content) {
    for (const Inline& in : content) {
        const bool found = std::visit(
            [](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, Text>) return false;
                else if constexpr (std::is_same_v<T, LineBreak>) return true;
                else return has_line_break(n.content);
            },
            in.node);
        if (found) return true;
    }
    return false;
}

bool in_own_lines(const Inlines& content, double most_chars) {
    if (!has_line_break(content)) return false;
    double chars = 0;
    for (char c : plain_text(content)) {
        if (c == '\n') {
            if (chars > most_chars) return false;
            chars = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++chars;
        }
    }
    return chars <= most_chars;
}

bool is_blank(const Inlines& content) {
    return plain_text(content).find_first_not_of(" \t\r\n") == std::string::npos;
}

const char* role_name(PersonRole role) {
    switch (role) {
        case PersonRole::author: return "author";
        case PersonRole::photographer: return "photographer";
        case PersonRole::contributor: return "contributor";
        case PersonRole::editor: return "editor";
    }
    return "author";
}

}  // namespace galley::model

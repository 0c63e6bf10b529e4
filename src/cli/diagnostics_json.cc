#include "cli/diagnostics_json.h"

#include <cstdio>

namespace galley::cli {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return n;
}

}  // namespace

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
            ++i;
        } else if (std::size_t n = utf8_length(text, i); n > 0) {
            out.append(text.substr(i, n));
            i += n;
        } else {
            out += "\\uFFFD";
            ++i;
        }
    }
    return out + "\"";
}

std::string diagnostics_json(const std::vector<JsonInput>& inputs) {
    std::size_t errors = 0, warnings = 0;
    std::string out = "{\"version\":1,\"inputs\":[";
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        const JsonInput& in = inputs[k];
        if (k > 0) out += ",";
        out += "\n{\"input\":" + json_string(in.input) + ",\"issue\":" + json_string(in.issue) + ",\"diagnostics\":[";
        const auto& all = in.diags->all();
        for (std::size_t i = 0; i < all.size(); ++i) {
            const Diagnostic& d = all[i];
            if (d.severity == Severity::error) ++errors;
            if (d.severity == Severity::warning) ++warnings;
            out += i > 0 ? ",\n " : "\n ";
            out += "{\"file\":" + json_string(d.where.file);
            out += ",\"line\":" + (d.where.line > 0 ? std::to_string(d.where.line) : std::string("null"));
            out += ",\"column\":" + (d.where.column > 0 ? std::to_string(d.where.column) : std::string("null"));
            out += ",\"severity\":" + json_string(severity_name(d.severity));
            out += ",\"code\":" + json_string(d.code);
            out += ",\"message\":" + json_string(d.message) + "}";
        }
        out += "]}";
    }
    out += "],\n\"errors\":" + std::to_string(errors) + ",\"warnings\":" + std::to_string(warnings) + "}\n";
    return out;
}

}  // namespace galley::cli

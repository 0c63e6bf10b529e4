#include "cli/diagnostics_json.h"

#include <cstdio>

#include "base/utf8.h"

namespace galley::cli {

// Controls (C0, DEL, C1) and bidi controls are written as \uXXXX, so the
// JSON shows on a terminal as safely as the text output; bytes that are not
// well-formed UTF-8 become U+FFFD (JSON is Unicode text).
std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const utf8::Decoded d = utf8::decode(text, i);
        if (d.length == 0) {
            out += "\\uFFFD";
            ++i;
            continue;
        }
        if (d.code_point == '"' || d.code_point == '\\') {
            out += '\\';
            out += static_cast<char>(d.code_point);
        } else if (utf8::is_terminal_unsafe(d.code_point)) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(d.code_point));
            out += buf;
        } else {
            out.append(text.substr(i, d.length));
        }
        i += d.length;
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

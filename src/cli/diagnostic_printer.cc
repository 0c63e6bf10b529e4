#include "cli/diagnostic_printer.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace galley::cli {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr std::size_t kMaxShownLine = 160;

const char* colour_of(Severity s) {
    switch (s) {
        case Severity::error: return "\033[1;31m";
        case Severity::warning: return "\033[1;35m";
        case Severity::note: return "\033[1;36m";
    }
    return "";
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offset of the start of character number `chars` (0-based) in `line`.
std::size_t byte_offset(const std::string& line, int chars) {
    std::size_t i = 0;
    for (int n = 0; n < chars && i < line.size(); ++n) {
        ++i;
        while (i < line.size() && is_continuation(static_cast<unsigned char>(line[i]))) ++i;
    }
    return i;
}

// The source line (a window of it when long) and the caret line under it.
std::pair<std::string, std::string> excerpt(const std::string& line, int column) {
    std::size_t at = byte_offset(line, column - 1);
    std::size_t start = 0;
    if (at > kMaxShownLine / 2) {
        start = at - kMaxShownLine / 2;
        while (start < line.size() && is_continuation(static_cast<unsigned char>(line[start]))) ++start;
    }
    std::size_t end = std::min(line.size(), start + kMaxShownLine);
    while (end < line.size() && is_continuation(static_cast<unsigned char>(line[end]))) ++end;
    std::string shown = printable(std::string_view(line).substr(start, end - start));
    std::string caret;
    for (std::size_t i = start; i < at && i < line.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(line[i]);
        if (is_continuation(c)) continue;
        if (c == '\t') caret += '\t';
        else if (c < 0x20 || c == 0x7f) caret += "    ";  // shown as \xHH
        else caret += ' ';
    }
    std::string prefix = start > 0 ? "..." : "";
    std::string suffix = end < line.size() ? "..." : "";
    return {prefix + shown + suffix, std::string(prefix.size(), ' ') + caret + "^"};
}

}  // namespace

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out;
}

std::optional<std::string> read_source_line(const std::string& file, int n) {
    if (n <= 0) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string line;
    int current = 0;
    // Cap the work: diagnostics on hostile files must not read gigabytes.
    std::size_t budget = 64u * 1024u * 1024u;
    while (std::getline(in, line)) {
        if (++current == n) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            return line;
        }
        if (line.size() + 1 > budget) return std::nullopt;
        budget -= line.size() + 1;
    }
    return std::nullopt;
}

bool stderr_wants_colour() {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour != nullptr && *no_colour != '\0') return false;
    const char* term = std::getenv("TERM");
    if (term == nullptr || std::string_view(term) == "dumb") return false;
    return ::isatty(STDERR_FILENO) != 0;
}

void print_diagnostic(std::ostream& out, const Diagnostic& d, const PrintOptions& opts) {
    std::string location = printable(d.where.file.empty() ? "galley" : d.where.file);
    if (d.where.line > 0) location += ":" + std::to_string(d.where.line);
    if (d.where.line > 0 && d.where.column > 0) location += ":" + std::to_string(d.where.column);
    if (opts.colour) out << kBold;
    out << location << ": ";
    if (opts.colour) out << colour_of(d.severity);
    out << severity_name(d.severity) << ":";
    if (opts.colour) out << kReset << kBold;
    out << " " << printable(d.message);
    if (opts.colour) out << kReset;
    if (!d.code.empty()) out << " [" << d.code << "]";
    out << "\n";
    if (d.where.line > 0 && d.where.column > 0) {
        auto fetch = opts.source_line ? opts.source_line : read_source_line;
        if (auto line = fetch(d.where.file, d.where.line)) {
            auto [shown, caret] = excerpt(*line, d.where.column);
            out << "  " << shown << "\n  ";
            if (opts.colour) out << "\033[1;32m";
            out << caret;
            if (opts.colour) out << kReset;
            out << "\n";
        }
    }
}

void print_diagnostics(std::ostream& out, const Diagnostics& diags, const PrintOptions& opts) {
    for (const Diagnostic& d : diags.all()) print_diagnostic(out, d, opts);
}

std::string summary(const Diagnostics& diags) {
    std::size_t e = diags.count(Severity::error), w = diags.count(Severity::warning);
    if (e == 0 && w == 0) return "no problems";
    std::string out;
    if (e > 0) out += std::to_string(e) + (e == 1 ? " error" : " errors");
    if (w > 0) out += (out.empty() ? "" : ", ") + std::to_string(w) + (w == 1 ? " warning" : " warnings");
    return out;
}

}  // namespace galley::cli

#include "cli/diagnostic_printer.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/utf8.h"

namespace galley::cli {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr std::size_t kMaxShownLine = 160;
// Diagnostics on hostile files must not read gigabytes to show a line.
constexpr std::size_t kSourceBudget = 64u * 1024u * 1024u;
constexpr utf8::EscapeStyle kStyle{true, true};

const char* colour_of(Severity s) {
    switch (s) {
        case Severity::error: return "\033[1;31m";
        case Severity::warning: return "\033[1;35m";
        case Severity::note: return "\033[1;36m";
    }
    return "";
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offset of the start of character number `chars` (0-based) in `line`
// (a byte that is not UTF-8 counts as one character).
std::size_t byte_offset(const std::string& line, int chars) {
    std::size_t i = 0;
    for (int n = 0; n < chars && i < line.size(); ++n) {
        const std::size_t length = utf8::decode(line, i).length;
        i += length == 0 ? 1 : length;
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
    const std::string_view window = std::string_view(line).substr(0, end);
    for (std::size_t i = start; i < at && i < window.size();) {
        const utf8::Shown w = utf8::shown_width(window, i, kStyle);
        if (window[i] == '\t') caret += '\t';
        else caret.append(w.columns, ' ');  // an escape is several columns wide
        i += w.length;
    }
    std::string prefix = start > 0 ? "..." : "";
    std::string suffix = end < line.size() ? "..." : "";
    return {prefix + shown + suffix, std::string(prefix.size(), ' ') + caret + "^"};
}

// The whole of a regular file, up to kSourceBudget bytes; opened without
// blocking (a FIFO put in its place after reading must not hang printing).
std::optional<std::string> read_capped(const std::string& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::optional<std::string> out;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        std::string text;
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            text.append(buf, static_cast<std::size_t>(n));
            if (text.size() >= kSourceBudget) {
                text.resize(kSourceBudget);
                break;
            }
        }
        out = std::move(text);
    }
    ::close(fd);
    return out;
}

void print_note(std::ostream& out, const std::string& file, const std::string& message, bool colour) {
    if (colour) out << kBold;
    out << printable(file.empty() ? "galley" : file) << ": ";
    if (colour) out << colour_of(Severity::note);
    out << "note:";
    if (colour) out << kReset << kBold;
    out << " " << message;
    if (colour) out << kReset;
    out << "\n";
}

}  // namespace

std::string printable(std::string_view text) { return utf8::escape_for_terminal(text, kStyle); }

std::optional<std::string> SourceFiles::line(const std::string& file, int n) {
    if (n <= 0) return std::nullopt;
    if (!loaded_ || file != file_) {
        loaded_ = true;
        file_ = file;
        text_.clear();
        starts_.clear();
        std::optional<std::string> text = read_capped(file);
        readable_ = text.has_value();
        if (readable_) {
            text_ = std::move(*text);
            starts_.push_back(0);
            for (std::size_t i = 0; i < text_.size(); ++i)
                if (text_[i] == '\n') starts_.push_back(i + 1);
        }
    }
    if (!readable_ || static_cast<std::size_t>(n) > starts_.size()) return std::nullopt;
    const auto k = static_cast<std::size_t>(n);
    const std::size_t begin = starts_[k - 1];
    if (k == starts_.size() && begin == text_.size()) return std::nullopt;  // after the last newline
    std::size_t end = k < starts_.size() ? starts_[k] - 1 : text_.size();
    if (end > begin && text_[end - 1] == '\r') --end;
    return text_.substr(begin, end - begin);
}

std::optional<std::string> read_source_line(const std::string& file, int n) {
    SourceFiles files;
    return files.line(file, n);
}

bool stderr_wants_colour() {
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour != nullptr && *no_colour != '\0') return false;
    const char* term = std::getenv("TERM");
    if (term == nullptr || std::string_view(term) == "dumb") return false;
    return ::isatty(STDERR_FILENO) != 0;
}

namespace {

void print_one(std::ostream& out, const Diagnostic& d, const PrintOptions& opts, SourceFiles& files) {
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
    if (!d.code.empty()) out << " [" << printable(d.code) << "]";
    out << "\n";
    if (d.where.line > 0 && d.where.column > 0) {
        std::optional<std::string> line = opts.source_line ? opts.source_line(d.where.file, d.where.line)
                                                           : files.line(d.where.file, d.where.line);
        if (line) {
            auto [shown, caret] = excerpt(*line, d.where.column);
            out << "  " << shown << "\n  ";
            if (opts.colour) out << "\033[1;32m";
            out << caret;
            if (opts.colour) out << kReset;
            out << "\n";
        }
    }
}

}  // namespace

void print_diagnostic(std::ostream& out, const Diagnostic& d, const PrintOptions& opts) {
    SourceFiles files;
    print_one(out, d, opts, files);
}

void print_diagnostics(std::ostream& out, const Diagnostics& diags, const PrintOptions& opts) {
    const std::vector<Diagnostic>& all = diags.all();
    // Which to show: per file, errors first, then the rest, up to the cap.
    std::vector<bool> shown(all.size(), opts.max_per_file == 0);
    std::map<std::string, std::size_t> omitted;
    std::vector<std::string> omitted_order;
    if (opts.max_per_file != 0) {
        std::map<std::string, std::size_t> taken;
        for (bool errors : {true, false})
            for (std::size_t i = 0; i < all.size(); ++i) {
                if ((all[i].severity == Severity::error) != errors) continue;
                std::size_t& n = taken[all[i].where.file];
                if (n < opts.max_per_file) {
                    shown[i] = true;
                    ++n;
                } else if (omitted[all[i].where.file]++ == 0) {
                    omitted_order.push_back(all[i].where.file);
                }
            }
    }
    SourceFiles files;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (shown[i]) print_one(out, all[i], opts, files);
    for (const std::string& file : omitted_order) {
        const std::size_t n = omitted[file];
        print_note(out, file,
                   std::to_string(n) + (n == 1 ? " more diagnostic" : " more diagnostics") +
                       " for this file not shown (at most " + std::to_string(opts.max_per_file) +
                       " are printed per file, errors first; --verbose prints all)",
                   opts.colour);
    }
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

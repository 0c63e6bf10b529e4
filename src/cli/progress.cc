#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace galley::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);

// The terminal's width, so the line never wraps (a wrapped line cannot be
// redrawn in place).
std::size_t terminal_columns() {
    winsize ws{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

// At most `columns` characters of UTF-8 `text`, cut at a character boundary.
std::string fit(const std::string& text, std::size_t columns, std::size_t& width) {
    std::size_t i = 0;
    width = 0;
    while (i < text.size() && width < columns) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        ++width;
    }
    return text.substr(0, i);
}

}  // namespace

ProgressLine::ProgressLine(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

ProgressLine::~ProgressLine() { clear(); }

bool ProgressLine::wanted(const Streams& io, bool quiet) {
    if (quiet || &io.err != &std::cerr) return false;
    if (const char* ci = std::getenv("CI"); ci != nullptr && *ci != '\0') return false;
    return ::isatty(STDERR_FILENO) != 0;
}

void ProgressLine::show(const std::string& text, bool now) {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    const auto t = std::chrono::steady_clock::now();
    if (!now && shown_ > 0 && t - last_ < kRedrawEvery) return;
    last_ = t;
    std::size_t width = 0;
    std::string line = fit(text, terminal_columns() - 1, width);
    err_ << '\r' << line;
    if (width < shown_) err_ << std::string(shown_ - width, ' ') << '\r' << line;
    err_.flush();
    shown_ = width;
}

void ProgressLine::clear() {
    if (!enabled_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (shown_ == 0) return;
    err_ << '\r' << std::string(shown_, ' ') << '\r';
    err_.flush();
    shown_ = 0;
}

}  // namespace galley::cli

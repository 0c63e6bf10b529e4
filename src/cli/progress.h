// The live progress line of galley build and check: one line on stderr,
// redrawn in place (carriage return, then the text padded over the last
// one) as the work advances, and cleared before anything else is printed
// there. Drawn only on a terminal, and not with -q or when the environment
// has CI set, so logs and pipes never see it.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

#include "cli/commands.h"

namespace galley::cli {

class ProgressLine {
public:
    /// Disabled, every call does nothing.
    ProgressLine(std::ostream& err, bool enabled);
    /// Clears the line.
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    /// Whether to draw one for `io`: its err is the process's stderr, that
    /// is a terminal, `quiet` is off and CI is unset (or empty).
    static bool wanted(const Streams& io, bool quiet);

    /// Shows `text` (one line) in place of the last. Redraws at most ten
    /// times a second unless `now`. Safe to call from any thread.
    void show(const std::string& text, bool now = false);
    /// Removes the line (call before printing anything else on stderr).
    void clear();
    bool enabled() const { return enabled_; }

private:
    std::ostream& err_;
    bool enabled_;
    std::mutex mutex_;
    std::size_t shown_ = 0;  ///< columns of the line on screen; 0: none
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace galley::cli

// Prints diagnostics compiler-style: `file:line:col: severity: message [code]`
// (or `file:line:` when the column is unknown), then the source line and a
// caret when the column is known. Coloured on a terminal, plain otherwise.
// Nothing untrusted reaches the terminal raw: controls, bidi controls and
// bytes that are not UTF-8 are escaped (utf8::escape_for_terminal).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace galley::cli {

struct PrintOptions {
    PrintOptions() = default;
    PrintOptions(bool use_colour, std::function<std::optional<std::string>(const std::string&, int)> lines = {})
        : colour(use_colour), source_line(std::move(lines)) {}

    bool colour = false;
    /// Returns line `n` (1-based) of `file`, or nothing. Injected so tests
    /// need no files; the default reads each file once (SourceFiles).
    std::function<std::optional<std::string>(const std::string& file, int n)> source_line;
    /// At most this many diagnostics per file are printed (errors first,
    /// then warnings and notes, each shown in line order); a note says how
    /// many were left out. 0 prints them all. The summary counts them all.
    std::size_t max_per_file = 100;
};

void print_diagnostic(std::ostream& out, const Diagnostic& d, const PrintOptions& opts);
void print_diagnostics(std::ostream& out, const Diagnostics& diags, const PrintOptions& opts);

/// "2 errors, 1 warning" (or "no problems").
std::string summary(const Diagnostics& diags);

/// The source lines under diagnostics. A file is read once, when a line of
/// it is first asked for, and kept until a line of another file is asked
/// for (diagnostics come sorted by file). Only regular files are read, never
/// blocking, at most 64 MiB of each.
class SourceFiles {
public:
    std::optional<std::string> line(const std::string& file, int n);

private:
    bool loaded_ = false;
    std::string file_;  // the file held
    bool readable_ = false;
    std::string text_;
    std::vector<std::size_t> starts_;  // where each line begins in text_
};

/// Reads line `n` of a file (capped in size; for the caret display).
std::optional<std::string> read_source_line(const std::string& file, int n);

/// Whether stderr is a colour terminal (and NO_COLOR is unset).
bool stderr_wants_colour();

/// Makes text safe for a terminal: C0 controls (but tab), DEL and bytes that
/// are not UTF-8 become \xHH, C1 and bidi controls \uHHHH.
std::string printable(std::string_view text);

}  // namespace galley::cli

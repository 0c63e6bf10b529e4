// Prints diagnostics compiler-style: `file:line:col: severity: message [code]`
// (or `file:line:` when the column is unknown), then the source line and a
// caret when the column is known. Coloured on a terminal, plain otherwise.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "base/diagnostic.h"

namespace galley::cli {

struct PrintOptions {
    bool colour = false;
    /// Returns line `n` (1-based) of `file`, or nothing. Injected so tests
    /// need no files; the default reads from disk.
    std::function<std::optional<std::string>(const std::string& file, int n)> source_line;
};

void print_diagnostic(std::ostream& out, const Diagnostic& d, const PrintOptions& opts);
void print_diagnostics(std::ostream& out, const Diagnostics& diags, const PrintOptions& opts);

/// "2 errors, 1 warning" (or "no problems").
std::string summary(const Diagnostics& diags);

/// Reads line `n` of a file (capped in size; for the caret display).
std::optional<std::string> read_source_line(const std::string& file, int n);

/// Whether stderr is a colour terminal (and NO_COLOR is unset).
bool stderr_wants_colour();

/// Makes text safe for a terminal: C0 controls and DEL become \xHH.
std::string printable(std::string_view text);

}  // namespace galley::cli

// Helpers for the layout tests: writing layout files into a scratch folder,
// loading them, and checking one diagnostic word for word.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "support/test_support.h"

namespace galley::test {

/// A scratch layouts folder.
class LayoutDir {
public:
    /// Writes `xml` as NAME.xml and returns its path.
    std::filesystem::path write(const std::string& name, const std::string& xml) const;
    /// Writes NAME.xml and loads it by name from this folder.
    std::optional<layout::Layout> load(const std::string& name, const std::string& xml, Diagnostics& diags) const;
    const std::filesystem::path& path() const { return dir_.path(); }

private:
    TempDir dir_;
};

/// The bundled layouts folder of the source tree.
std::filesystem::path bundled_layouts();

/// "file:line:col: severity: message [code]" for every diagnostic, one a line.
std::string describe(const Diagnostics& diags);

/// Checks `diags` holds exactly one diagnostic, an error with this code, line,
/// column and message (the file is checked when `file` is not empty).
void expect_only_error(const Diagnostics& diags, const std::string& code, int line, int column,
                       const std::string& message, const std::string& file = "");

}  // namespace galley::test

// One layout file, read but not yet resolved: its header (name, extends,
// description, abstract) and the settings it writes, each parsed to its type
// and located in the file. The loader stacks layers along `extends`.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "layout/value.h"

namespace galley::layout {

/// A setting written in a layout file.
struct Assignment {
    std::size_t setting = 0;  ///< Index into settings().
    Value value;
    SourceLocation where;     ///< Of the value.
};

struct Layer {
    std::string name;                    ///< From name="...", else the file's stem.
    std::filesystem::path file;
    std::string description;
    std::optional<std::string> extends;  ///< A bundled layout's name, or a path relative to this file.
    SourceLocation extends_where;
    bool abstract = false;
    SourceLocation root_where;           ///< Of <layout>.
    std::vector<Assignment> assignments; ///< In file order; each key at most once.
};

/// Reads `file` (shown as `display_name` in diagnostics). Every problem in the
/// file is reported, not just the first; returns nothing when there was any
/// error.
std::optional<Layer> read_layer(const std::filesystem::path& file, const std::string& display_name,
                                Diagnostics& diags);

/// Largest layout file read, in bytes.
inline constexpr std::size_t kMaxLayoutFileBytes = 1024 * 1024;

}  // namespace galley::layout

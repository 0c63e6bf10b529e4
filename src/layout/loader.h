// Loading layouts: a bundled one by name, or any layout file by path, resolved
// along its `extends` chain into a Layout, checked for consistency. Layouts
// are trusted configuration, but they are parsed like everything else (safe
// XML, size cap) so a mistake is reported with file, line and column.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/length.h"
#include "layout/settings.h"

namespace galley::layout {

/// One line of `galley layouts`.
struct LayoutSummary {
    std::string name;
    std::string description;
    Length width;   ///< Trim size.
    Length height;
    int columns = 0;
    std::filesystem::path file;
};

/// The bundled layouts folder: data_dir()/layouts.
std::filesystem::path bundled_layouts_dir();

/// Whether `text` names a bundled layout rather than a file: no '/' and no
/// ".xml" suffix.
bool is_layout_name(std::string_view text);

/// Loads the layout file `file`. `extends="NAME"` names a layout in
/// `layouts_dir`; `extends="PATH"` (with a '/' or ending in .xml) is relative
/// to the extending file. Abstract layouts (abstract="true", shared house
/// settings) cannot be loaded themselves: E-LAYOUT-ABSTRACT. Every problem
/// found is added to `diags` (codes E-LAYOUT-*, E-XML-*, E-FILE-*); returns
/// nothing when any is an error.
std::optional<Layout> load_layout_file(const std::filesystem::path& file, const std::filesystem::path& layouts_dir,
                                       Diagnostics& diags);
/// As above, with bundled_layouts_dir() for `extends` by name.
std::optional<Layout> load_layout_file(const std::filesystem::path& file, Diagnostics& diags);

/// A bundled layout by name (see is_layout_name), else a layout file by path.
/// E-LAYOUT-NOT-FOUND, with the closest bundled name, when there is none.
std::optional<Layout> load_layout(std::string_view name_or_path, const std::filesystem::path& layouts_dir,
                                  Diagnostics& diags);

/// Every loadable layout in `layouts_dir` (its *.xml files, abstract ones
/// left out), sorted by name. A layout that fails to load is left out and its
/// diagnostics added.
std::vector<LayoutSummary> list_layouts(const std::filesystem::path& layouts_dir, Diagnostics& diags);

}  // namespace galley::layout

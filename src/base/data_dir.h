// Where galley's trusted configuration lives: the folder holding layouts/
// and fonts/ (and layouts/hyphenation/).
#pragma once

#include <filesystem>

namespace galley {

/// $GALLEY_DATA_DIR when set; else `../share/galley` beside the executable
/// when that holds layouts/ (an installed galley); else the source tree the
/// binary was built from.
std::filesystem::path data_dir();

}  // namespace galley

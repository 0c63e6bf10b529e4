// Reading a whole file with a size cap, for trusted configuration (layouts,
// bundled schemas). Untrusted content goes through ContentRoot instead.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostic.h"

namespace galley {

/// The file's bytes, or nothing with E-FILE-UNREADABLE / E-FILE-TOO-LARGE
/// added to `diags` (located at `display_name`).
std::optional<std::string> read_trusted_file(const std::filesystem::path& path, const std::string& display_name,
                                             std::uint64_t max_bytes, Diagnostics& diags);

}  // namespace galley

#include "base/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace galley {

std::filesystem::path data_dir() {
    if (const char* env = std::getenv("GALLEY_DATA_DIR"); env != nullptr && *env != '\0') return env;
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "galley";
        if (std::filesystem::is_directory(installed / "layouts", ec)) return installed;
    }
    return GALLEY_DEFAULT_DATA_DIR;
}

}  // namespace galley

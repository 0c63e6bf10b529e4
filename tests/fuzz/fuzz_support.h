// Shared by the fuzz targets: a private temporary folder made once per
// process, and small file helpers. Header-only; no galley code here.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <unistd.h>

namespace galley::fuzz {

/// A folder under $TMPDIR for this process, removed at exit.
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        std::string tmpl = (std::filesystem::temp_directory_path() / "galley-fuzz-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
        std::filesystem::path p = std::filesystem::canonical(tmpl);
        static const std::string keep = p.string();
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(keep, ec);
        });
        return p;
    }();
    return dir;
}

inline void write_file(const std::filesystem::path& p, std::string_view data) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) std::abort();
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The extension galley expects for these bytes (by magic), so the probe
/// gets past its name check; "jpg" when nothing matches.
inline const char* extension_for(std::string_view b) {
    if (b.rfind("\x89PNG", 0) == 0) return "png";
    if (b.rfind("GIF8", 0) == 0) return "gif";
    if (b.rfind("\xFF\xD8", 0) == 0) return "jpg";
    std::size_t lt = b.find('<');
    if (lt != std::string_view::npos && lt < 64 && b.find("svg") != std::string_view::npos) return "svg";
    return "jpg";
}

/// Where an input splits into an article and an image ("\n--IMAGE--\n").
inline constexpr std::string_view kImageSeparator = "\n--IMAGE--\n";

}  // namespace galley::fuzz

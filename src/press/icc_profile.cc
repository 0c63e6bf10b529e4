#include "press/icc_profile.h"

#include <algorithm>
#include <vector>

#include "press/process.h"

namespace galley::press {
namespace {

constexpr std::uintmax_t kMaxProfileBytes = 16u * 1024u * 1024u;

std::uint32_t be32(const std::string& b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}

// Printable ASCII only: the description ends up in PDF strings and reports.
std::string printable(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\0') break;
        unsigned char u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7F) ? c : '?';
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The 'desc' tag: textDescriptionType (v2) or multiLocalizedUnicodeType (v4).
std::string description(const std::string& b) {
    if (b.size() < 132) return "";
    std::uint32_t count = be32(b, 128);
    if (count > 1000) return "";
    for (std::uint32_t i = 0; i < count; ++i) {
        std::size_t entry = 132 + std::size_t(i) * 12;
        if (entry + 12 > b.size()) return "";
        if (b.compare(entry, 4, "desc") != 0) continue;
        std::size_t offset = be32(b, entry + 4), size = be32(b, entry + 8);
        if (offset > b.size() || size > b.size() - offset || size < 12) return "";
        std::string tag = b.substr(offset, size);
        if (tag.compare(0, 4, "desc") == 0) {
            std::size_t n = be32(tag, 8);
            if (n > tag.size() - 12) n = tag.size() - 12;
            return printable(tag.substr(12, n));
        }
        if (tag.compare(0, 4, "mluc") == 0 && tag.size() >= 28) {
            std::size_t len = be32(tag, 20), at = be32(tag, 24);
            if (at > tag.size() || len > tag.size() - at) return "";
            std::string ascii;
            for (std::size_t k = 0; k + 1 < len; k += 2) {
                unsigned hi = std::uint8_t(tag[at + k]), lo = std::uint8_t(tag[at + k + 1]);
                ascii += (hi == 0) ? static_cast<char>(lo) : '?';
            }
            return printable(ascii);
        }
        return "";
    }
    return "";
}

int components_of(const std::string& space) {
    if (space == "GRAY") return 1;
    if (space == "RGB " || space == "Lab " || space == "XYZ " || space == "YCbr" || space == "HSV " ||
        space == "HLS " || space == "CMY " || space == "Luv " || space == "Yxy ")
        return 3;
    if (space == "CMYK") return 4;
    if (space.size() == 4 && space[1] == 'C' && space[2] == 'L' && space[3] == 'R') {
        char d = space[0];
        if (d >= '2' && d <= '9') return d - '0';
        if (d >= 'A' && d <= 'F') return 10 + (d - 'A');
    }
    return 0;
}

}  // namespace

std::optional<IccProfile> parse_icc_profile(std::string bytes, std::string& error) {
    if (bytes.size() < 132 || bytes.compare(36, 4, "acsp") != 0) {
        error = "is not an ICC profile (no 'acsp' signature)";
        return std::nullopt;
    }
    std::uint32_t declared = be32(bytes, 0);
    if (declared > bytes.size() || declared < 132) {
        error = "is a damaged ICC profile (it says it is " + std::to_string(declared) + " bytes, the file has " +
                std::to_string(bytes.size()) + ")";
        return std::nullopt;
    }
    // The tag table: a count, then 12 bytes a tag, each tag's data inside
    // the profile. Ghostscript fails on a table that runs past the end.
    const std::uint32_t count = be32(bytes, 128);
    if (count > (declared - 132) / 12) {
        error = "is a damaged ICC profile (its tag table lists " + std::to_string(count) + " tags, more than its " +
                std::to_string(declared) + " bytes hold)";
        return std::nullopt;
    }
    IccProfile p;
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::size_t entry = 132 + std::size_t(i) * 12;
        const std::uint64_t offset = be32(bytes, entry + 4), size = be32(bytes, entry + 8);
        std::string signature = printable(bytes.substr(entry, 4));
        if (offset + size > declared) {
            error = "is a damaged ICC profile (its '" + signature + "' tag lies past its end)";
            return std::nullopt;
        }
        p.tags.push_back(std::move(signature));
    }
    p.device_class = printable(bytes.substr(12, 4));
    p.colour_space = bytes.substr(16, 4);
    p.components = components_of(p.colour_space);
    p.major_version = std::uint8_t(bytes[8]);
    p.description = description(bytes);
    p.bytes = std::move(bytes);
    return p;
}

bool IccProfile::has_tag(const std::string& signature) const {
    return std::find(tags.begin(), tags.end(), signature) != tags.end();
}

bool IccProfile::converts_into() const {
    for (const char* t : {"B2A0", "B2A1", "B2A2", "B2D0", "B2D1", "B2D2"})
        if (has_tag(t)) return true;
    return false;
}

std::optional<IccProfile> read_icc_profile(const std::filesystem::path& file, std::string& error) {
    std::error_code ec;
    const std::filesystem::file_status st = std::filesystem::status(file, ec);
    if (!std::filesystem::exists(st)) {
        error = "does not exist";
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(st)) {
        error = "is not a file (a folder, a device or a pipe)";
        return std::nullopt;
    }
    auto bytes = read_whole_file(file, kMaxProfileBytes);
    if (!bytes) {
        error = "cannot be read (or is larger than 16 MB)";
        return std::nullopt;
    }
    auto p = parse_icc_profile(std::move(*bytes), error);
    if (p) p->file = file;
    return p;
}

std::optional<std::filesystem::path> ghostscript_default_cmyk() {
    std::error_code ec;
    std::vector<std::filesystem::path> found;
    const std::filesystem::path root = "/usr/share/ghostscript";
    for (auto it = std::filesystem::directory_iterator(root, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        std::filesystem::path candidate = it->path() / "iccprofiles" / "default_cmyk.icc";
        std::error_code e2;
        if (std::filesystem::is_regular_file(candidate, e2)) found.push_back(candidate);
    }
    if (found.empty()) return std::nullopt;
    // Version folders ("10.00", "9.56.1"): the newest by numeric parts.
    auto version = [](const std::filesystem::path& p) {
        std::vector<long> parts;
        std::string v = p.parent_path().parent_path().filename().string();
        std::size_t i = 0;
        while (i < v.size()) {
            std::size_t j = v.find('.', i);
            if (j == std::string::npos) j = v.size();
            try {
                parts.push_back(std::stol(v.substr(i, j - i)));
            } catch (...) {
                parts.push_back(-1);
            }
            i = j + 1;
        }
        return parts;
    };
    std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) { return version(a) > version(b); });
    return found.front();
}

}  // namespace galley::press

// ICC output profiles for the press PDF: read and checked (an output
// profile for CMYK), with the description the output intent names, and
// Ghostscript's own generic CMYK profile as the default.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace galley::press {

struct IccProfile {
    std::filesystem::path file;
    std::string bytes;
    std::string device_class;  ///< "prtr" for an output profile, "mntr", "scnr", "spac", "link", ...
    std::string colour_space;  ///< "CMYK", "RGB ", "GRAY", ...
    int components = 0;        ///< 4 for CMYK
    int major_version = 0;     ///< 2 or 4
    std::string description;   ///< the 'desc' tag (ASCII), or empty
    std::vector<std::string> tags;  ///< the tag table's signatures, in order ("desc", "A2B0", ...)

    bool has_tag(const std::string& signature) const;
    /// A table that turns colours into the profile's space (B2A0-2, or
    /// v4's floating-point B2D0-2): without one no colour can be separated
    /// through it.
    bool converts_into() const;
};

/// Parses the header, the tag table and the description of an ICC profile
/// held in `bytes`. Nothing (with `error` set) when it is not an ICC
/// profile, or its tag table does not fit in it.
/// `error` is a predicate that follows the profile's name: "is not an ICC
/// profile (...)", "does not exist".
std::optional<IccProfile> parse_icc_profile(std::string bytes, std::string& error);

/// Reads and parses `file` (at most 16 MB).
std::optional<IccProfile> read_icc_profile(const std::filesystem::path& file, std::string& error);

/// Ghostscript's generic CMYK profile (default_cmyk.icc) from
/// /usr/share/ghostscript/<version>/iccprofiles/,
/// the newest version first. Nothing when Ghostscript's files are not there.
std::optional<std::filesystem::path> ghostscript_default_cmyk();

}  // namespace galley::press

// Helpers for the EPUB tests: the sample issue, the bundled layout and fonts,
// building a book in memory, reading a ZIP back, and running the external
// validators (epubcheck, DAISY Ace). A missing validator fails the test with
// the package to install; it never skips silently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "epub/epub_writer.h"
#include "fonts/font_library.h"
#include "layout/settings.h"
#include "model/issue.h"

namespace galley::test {

/// The bundled sample issue, read once.
const model::Issue& sample_issue();
/// The issue folder (or article file) at `path`, read with no error
/// (a failure fails the calling test).
model::Issue read_issue_or_fail(const std::filesystem::path& path);
/// The bundled "tabloid" layout, loaded once.
const layout::Layout& tabloid_layout();
/// The bundled font library, opened once.
const fonts::FontLibrary& bundled_fonts();

/// Builds an EPUB in memory with the bundled layout and fonts.
epub::EpubBuild build_or_fail(const model::Issue& issue, const epub::EpubOptions& options = {});

/// One entry of a ZIP as stored.
struct ZipFileEntry {
    std::string name;
    std::string data;
    std::uint16_t method = 0;  ///< 0 stored, 8 deflated
    std::uint32_t external_attributes = 0;
    std::uint16_t extra_field_length = 0;  ///< From the local header.
    std::uint16_t dos_time = 0;            ///< Central directory.
    std::uint16_t dos_date = 0;
    std::uint16_t local_dos_time = 0;      ///< Local header.
    std::uint16_t local_dos_date = 0;
};
/// Every entry of the archive `bytes`, in archive order (fails the test if
/// it is not a ZIP).
std::vector<ZipFileEntry> read_zip(const std::string& bytes);
/// name -> data.
std::map<std::string, std::string> zip_map(const std::string& bytes);

struct ToolResult {
    int status = -1;
    std::string output;  ///< stdout and stderr together.
};
/// Runs `command` through /bin/sh and collects its output.
ToolResult run_command(const std::string& command);

/// Where to find epubcheck (Debian package epubcheck), or a reason it cannot run.
struct EpubcheckReport {
    bool ran = false;
    std::string problem;  ///< Why it did not run (tool missing...).
    int fatals = 0;
    int errors = 0;
    int warnings = 0;
    std::string messages;  ///< The report's messages, one per line, for failure output.
};
EpubcheckReport run_epubcheck(const std::filesystem::path& epub);

struct AceReport {
    bool ran = false;
    std::string problem;
    std::vector<std::string> violations;  ///< "rule (impact): location", one per violation
    std::string outcome;                  ///< "pass" or "fail"
};
AceReport run_ace(const std::filesystem::path& epub);

}  // namespace galley::test

// galley build, after reading: one issue's editions from its model. The
// layout and fonts are loaded once and feed every backend; each output goes
// through base/output_file, so a failure leaves the previous files intact.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "epub/font_embed.h"
#include "model/issue.h"

namespace galley::cli {

enum class Format { epub, pdf, png };

struct BuildRequest {
    std::filesystem::path out_dir = "out";
    std::set<Format> formats = {Format::epub, Format::pdf};
    std::optional<std::string> layout;  ///< -l; else the manifest's, else tabloid
    epub::FontMode epub_fonts = epub::FontMode::subset;
    std::optional<std::int64_t> source_date_epoch;
    int dpi = 100;  ///< PNG proofs
    bool strict = false;  ///< warnings found while building stop it too
    bool press = false;        ///< --press: DIR/<issue-id>.press.pdf
    bool press_pages = false;  ///< --press-pages: DIR/<issue-id>.press-p001.pdf...
    std::optional<std::filesystem::path> press_profile;  ///< --profile: the printer's CMYK profile
};

struct WrittenFile {
    std::filesystem::path path;
    std::uint64_t bytes = 0;
    std::string note;  ///< e.g. "fonts subset: 9.3 MB -> 0.5 MB"
};

struct BuildOutcome {
    std::vector<WrittenFile> written;
    bool output_failed = false;  ///< a write failed or a tool was missing (exit 4)
    int pages = 0;
};

/// Builds editions, keeping what does not depend on the articles (the
/// layout, the pinned fonts, the text setter with its shaping and
/// hyphenation caches) from one build to the next: `galley watch` keeps one
/// alive, so a rebuild after an edit skips all of that.
class EditionBuilder {
public:
    EditionBuilder();
    ~EditionBuilder();
    EditionBuilder(const EditionBuilder&) = delete;
    EditionBuilder& operator=(const EditionBuilder&) = delete;

    /// Builds the requested editions of `issue`. Input problems found on the
    /// way (missing glyphs, loose lines) are added to `diags`; a failure to
    /// write is E-OUTPUT-WRITE and sets output_failed.
    BuildOutcome build(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One build with a fresh EditionBuilder.
BuildOutcome build_editions(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags);

}  // namespace galley::cli

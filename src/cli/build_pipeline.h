// galley build, after reading: one issue's editions from its model. The
// layout and fonts are loaded once and feed every backend; each output goes
// through base/output_file, so a failure leaves the previous files intact.
//
// Threads, with -j N > 1 (output is byte-identical whatever N is):
//   compose   articles are set on N threads, each with its own TextSetter
//             (Pango is not thread-safe; hyphenation patterns are shared),
//             while the calling thread paginates (typeset/compose/prepare_pool.h)
//   EPUB      built on its own thread once the pages are composed (its
//             cover may be page one), beside the PDF
//   PNG       proofs drawn on their own thread beside the PDF
// With -j 1 everything runs on the calling thread, one step after another.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/stage_clock.h"
#include "base/diagnostic.h"
#include "epub/font_embed.h"
#include "model/issue.h"
#include "typeset/compose/compose.h"

namespace galley::fonts {
class FontLibrary;
}

namespace galley::cli {

enum class Format { epub, pdf, png, dump };

struct BuildRequest {
    std::filesystem::path out_dir = "out";
    std::set<Format> formats = {Format::epub, Format::pdf};
    std::optional<std::string> layout;  ///< -l; else the manifest's, else tabloid
    epub::FontMode epub_fonts = epub::FontMode::subset;
    std::optional<std::int64_t> source_date_epoch;
    int dpi = 100;  ///< PNG proofs
    int jobs = 0;   ///< -j: threads to work on; 0: one per core
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
    /// Page files (PNG proofs, press pages) an earlier build left past this
    /// build's last page, removed once this build's files were in place.
    std::size_t stale_removed = 0;
    int pages = 0;
    std::vector<StageTiming> stages;               ///< in the order they started
    std::vector<typeset::ArticleTiming> articles;  ///< time to set each article, in issue order
};

/// Where a build has got to, as a short line of text for a progress line
/// ("setting paragraphs: 812, 31/50 articles"); `stage` is set when a new
/// stage begins (show it now), clear for updates within one (may be
/// skipped). Called from any of the build's threads, never from two at once.
using ProgressFn = std::function<void(const std::string& text, bool stage)>;

/// The number of threads `jobs` asks for: itself, or the number of cores when 0.
int effective_jobs(int jobs);

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
    BuildOutcome build(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags,
                       const ProgressFn& progress = {});

    /// Loads the layout named `layout_name`, its pinned fonts and the text
    /// setter, unless they are loaded already; false (with E-LAYOUT-* or
    /// E-FONT-* in `diags`) when they cannot be. Reading an issue uses it
    /// to check the layout and the glyphs, and the build that follows
    /// finds everything loaded.
    bool prepare(const std::string& layout_name, Diagnostics& diags);
    /// What prepare loaded (null before, or after a failure).
    const layout::Layout* layout() const;
    const fonts::FontLibrary* font_library() const;

    /// Everything `build` does to the print edition short of drawing and
    /// writing it (galley check): the pages are composed, so missing
    /// glyphs, loose, overfull and forcibly broken lines and low-resolution
    /// images are added to `diags`. Uses request.layout and request.jobs.
    BuildOutcome typeset_only(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags,
                              const ProgressFn& progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// One build with a fresh EditionBuilder.
BuildOutcome build_editions(const model::Issue& issue, const BuildRequest& request, Diagnostics& diags);

}  // namespace galley::cli

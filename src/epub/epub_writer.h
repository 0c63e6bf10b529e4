// The EPUB backend's entry point: model::Issue + the layout + the pinned
// fonts -> one EPUB 3 file (with an EPUB 2 NCX), standards-clean,
// accessible and byte-for-byte reproducible.
//
//   plan (file names, images read and named by content)
//   -> content documents (cover, contents, section pages, articles)
//   -> navigation (nav.xhtml, toc.ncx)
//   -> stylesheet from the layout, fonts chosen and subset to the text used
//   -> package document (metadata, manifest, spine)
//   -> ZIP in memory (mimetype first, stored; fixed times and modes)
//   -> base/output_file (temp file, fsync, rename): all or nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostic.h"
#include "epub/book_plan.h"
#include "epub/font_embed.h"
#include "fonts/font_library.h"
#include "layout/settings.h"
#include "model/issue.h"

namespace galley::epub {

struct EpubOptions {
    /// --epub-fonts: subset (default), full or none.
    FontMode fonts = FontMode::subset;
    /// SOURCE_DATE_EPOCH (see parse_source_date_epoch in base/civil_time.h):
    /// dcterms:modified and every ZIP entry time. Without it, midnight UTC of
    /// the issue date.
    std::optional<std::int64_t> source_date_epoch;
    /// The print edition's front page, rendered: the cover when the
    /// manifest names none (else the first article's lead figure is).
    std::optional<SuppliedCover> front_page;
};

struct EpubStats {
    std::uint64_t bytes = 0;  ///< Size of the .epub file.
    std::size_t sections = 0;
    std::size_t articles = 0;
    std::size_t images = 0;
    std::size_t fonts = 0;                  ///< Font files embedded.
    std::uint64_t font_original_bytes = 0;  ///< The whole font files of those faces.
    std::uint64_t font_embedded_bytes = 0;  ///< What the book carries (smaller when subset).
    std::uint64_t font_bytes_saved() const {
        return font_original_bytes > font_embedded_bytes ? font_original_bytes - font_embedded_bytes : 0;
    }
};

struct EpubBuild {
    std::string bytes;  ///< The whole .epub file.
    EpubStats stats;
};

/// Builds the EPUB in memory. `fonts` may be null (nothing embedded, as
/// with FontMode::none). Returns nothing when an error was reported.
std::optional<EpubBuild> build_epub(const model::Issue& issue, const layout::Layout& layout,
                                    const fonts::FontLibrary* fonts, const EpubOptions& options, Diagnostics& diags);

/// Builds the EPUB and writes it to `target` through OutputFile: the target
/// is replaced only by a complete file; on any error it is left as it was
/// (E-OUTPUT-WRITE and the build's own codes). Fills `stats` when given.
bool write_epub(const model::Issue& issue, const layout::Layout& layout, const fonts::FontLibrary* fonts,
                const EpubOptions& options, const std::filesystem::path& target, Diagnostics& diags,
                EpubStats* stats = nullptr);

/// The file name the CLI writes: "<issue id>.epub".
std::string epub_file_name(const model::Issue& issue);

}  // namespace galley::epub

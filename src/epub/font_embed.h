// Which font files go into the book, and how much of each. For every font
// the stylesheet uses (with the italic and bold variants inline markup can
// ask for), each family of its fallback list is looked up in the pinned
// font library; a family is embedded when it covers text the families before
// it do not. Faces are then embedded whole, subset to the code points the
// book's documents use, or not at all (--epub-fonts=full|subset|none).
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "epub/stylesheet.h"
#include "fonts/font_library.h"

namespace galley::epub {

enum class FontMode { subset, full, none };

/// "subset", "full", "none".
const char* font_mode_name(FontMode mode);
/// The mode a command-line value names, if any.
std::optional<FontMode> font_mode_from_name(std::string_view name);

struct EmbeddedFont {
    FontFace face;
    std::string id;          ///< Manifest id.
    std::string media_type;  ///< font/ttf or font/otf
    std::string bytes;
    std::uint64_t original_bytes = 0;  ///< Size of the font file it came from.
};

struct FontEmbedding {
    std::vector<EmbeddedFont> fonts;  ///< Sorted by href.
    std::uint64_t original_bytes = 0;  ///< The whole files of the faces chosen.
    std::uint64_t embedded_bytes = 0;  ///< What went into the book.
};

/// Chooses, reads and (in subset mode) subsets the faces for `uses`.
/// W-EPUB-FONT-MISSING for a family the library does not have (once per
/// family); W-EPUB-FONT-SUBSET when a face cannot be subset (it is then
/// embedded whole); E-FILE-* when a font file cannot be read.
FontEmbedding embed_fonts(const fonts::FontLibrary& library, const std::vector<FontUse>& uses, FontMode mode,
                          const std::set<char32_t>& codepoints, Diagnostics& diags);

/// Adds every character of the text content of an XHTML document (markup
/// skipped, the five XML entities and numeric references decoded) to `out`,
/// and the precomposed letters a shaper makes of a letter and the combining
/// marks after it ("e" U+0302 U+0301 adds "ê" and "ế").
void collect_text_codepoints(std::string_view xhtml, std::set<char32_t>& out);

/// Adds the characters of plain UTF-8 text to `out`, and the precomposed
/// letters as above.
void collect_utf8_codepoints(std::string_view text, std::set<char32_t>& out);

}  // namespace galley::epub

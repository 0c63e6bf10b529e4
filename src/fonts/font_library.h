// The pinned font set: a fontconfig configuration that knows the bundled
// fonts/ directory (plus directories a layout names) and nothing else, so a
// family name resolves to the same file on every machine.
#pragma once

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace galley::fonts {

/// What a style asks for. `family` may be a CSS-like fallback list
/// ("Charis SIL, Noto Serif Khmer"); its first entry is the family wanted,
/// the others are tried in order when the first is not in the library.
/// Names may be quoted ("'Noto Serif Display'"); matching ignores case and
/// blanks, as fontconfig does.
struct FaceRequest {
    std::string family;
    int weight = 400;  ///< CSS scale, 100..900 (400 regular, 700 bold).
    bool italic = false;
};

/// The face the library would use for a request.
struct FaceMatch {
    std::filesystem::path file;  ///< Absolute path of the font file.
    int index = 0;               ///< Face index inside the file (collections).
    std::string family;          ///< The matched family name, as fontconfig reports it.
    std::string style;           ///< Its style name ("Bold Italic", "Book", "Black").
    int weight = 400;            ///< CSS scale.
    bool italic = false;         ///< Italic or oblique.
    /// Bold was asked of a face no bolder than medium (the family has no
    /// bold): it is drawn emboldened. `weight` stays the face's own.
    bool synthetic_bold = false;
    /// True when the face belongs to the first requested family; false when
    /// fontconfig substituted a later family of the list or another font.
    /// Weight and slant may still differ from the request: compare them.
    bool exact = false;
};

/// A fontconfig configuration holding only the fonts in the given directories.
///
/// How the pin works: the configuration is made with FcConfigCreate(), which
/// reads no configuration file (no /etc/fonts/fonts.conf, no user
/// fonts.conf, no FONTCONFIG_FILE), so it has no system font directories, no
/// cache directories and no substitution rules. The font files under each
/// directory (*.ttf, *.otf, *.ttc, *.otc, recursively, in bytewise path
/// order) are added one by one with FcConfigAppFontAddFile(), which asks
/// FreeType directly. FcConfigAppFontAddDir() is not used: it goes through
/// fontconfig's directory caches, which here would be neither read nor
/// written but make fontconfig print "No writable cache directories" on
/// stderr. So no cache, system or user, is consulted, nothing is written
/// into the font folders, and fontconfig prints nothing. Automatic rescans
/// are off, and every fontconfig call passes this configuration explicitly,
/// never the process-wide default.
class FontLibrary {
public:
    /// Builds the library from `dirs` (the bundled fonts/ directory first,
    /// then any a layout names). Reports E-FONT-DIR-MISSING for a directory
    /// that does not exist or is not a directory, E-FONT-DIR-UNREADABLE when
    /// one cannot be listed completely, W-FONT-FILE-IGNORED for a font file
    /// fontconfig could not load (a Git LFS pointer, a truncated file),
    /// and E-FONT-NONE when no font at all was found. Returns nullptr only in
    /// that last case (or if fontconfig cannot allocate a configuration);
    /// otherwise a usable library, even when some directory was missing.
    static std::unique_ptr<FontLibrary> open(const std::vector<std::filesystem::path>& dirs,
                                             Diagnostics& diagnostics);

    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    /// The pinned configuration, owned by this object and valid for its
    /// lifetime. Hand it to Pango with pango_fc_font_map_set_config() (which
    /// takes its own reference). Pango 1.50 still loads the system's default
    /// configuration in a warm-up thread when a font map is created; that
    /// one is not used for matching once this configuration is set (the font
    /// map then lists only the library's families plus Pango's generic
    /// aliases Sans, Serif, Monospace, System-ui).
    FcConfig* config() const { return config_; }

    /// The face fontconfig picks for `request` among the library's fonts, as
    /// Pango would. Empty only when the request names no family.
    std::optional<FaceMatch> find(const FaceRequest& request) const;

    /// Like find(), for checking a layout: when the first requested family is
    /// not in the library, reports E-FONT-NOT-FOUND at `where` (naming the
    /// families there are) and returns nothing; when the family is there but
    /// not in the requested weight or slant, reports W-FONT-STYLE-MISSING and
    /// returns the nearest face (saying when it is drawn emboldened).
    std::optional<FaceMatch> resolve(const FaceRequest& request, Diagnostics& diagnostics,
                                     const SourceLocation& where = {}) const;

    /// The primary family name of every face, sorted bytewise, no duplicates.
    std::vector<std::string> families() const;

    /// Whether the matched face has a glyph for `codepoint`. False for a
    /// match that did not come from this library.
    bool covers(const FaceMatch& face, char32_t codepoint) const;

private:
    explicit FontLibrary(FcConfig* config) : config_(config) {}

    FcConfig* config_;
};

/// Splits a family fallback list at commas, trims blanks and surrounding
/// quotes, and drops empty entries: "'Charis SIL', Noto Serif Khmer" ->
/// {"Charis SIL", "Noto Serif Khmer"}.
std::vector<std::string> split_family_list(const std::string& list);

}  // namespace galley::fonts

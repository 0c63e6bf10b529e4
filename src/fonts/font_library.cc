#include "fonts/font_library.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <system_error>

namespace galley::fonts {
namespace {

namespace fs = std::filesystem;

struct PatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

const FcChar8* fc_str(const std::string& s) { return reinterpret_cast<const FcChar8*>(s.c_str()); }

std::string get_string(const FcPattern* p, const char* object, int n = 0) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(p, object, n, &value) != FcResultMatch || value == nullptr) return {};
    return reinterpret_cast<const char*>(value);
}

int get_int(const FcPattern* p, const char* object, int fallback) {
    int value = 0;
    // FcPatternGetInteger also converts a double (variable fonts report ranges as doubles).
    return FcPatternGetInteger(p, object, 0, &value) == FcResultMatch ? value : fallback;
}

/// Family names compare as fontconfig compares them: ignoring blanks and
/// (ASCII) case, so "charissil" names Charis SIL.
std::string family_key(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == ' ' || c == '\t') continue;
        key += c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    return key;
}

bool same_family(const std::string& a, const std::string& b) { return family_key(a) == family_key(b); }

/// Every family name a face answers to (Lato Black is both "Lato" and "Lato Black").
std::vector<std::string> family_names(const FcPattern* p) {
    std::vector<std::string> names;
    for (int n = 0;; ++n) {
        std::string name = get_string(p, FC_FAMILY, n);
        if (name.empty()) break;
        names.push_back(std::move(name));
    }
    return names;
}

const FcFontSet* app_fonts(FcConfig* config) {
    // Only the application set is ever filled: the configuration has no system dirs.
    return FcConfigGetFonts(config, FcSetApplication);
}

bool is_font_file_name(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); });
    return ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc";
}

/// The font files under `dir`, recursively, in bytewise path order, so the
/// font set (and with it every tie fontconfig breaks) is the same everywhere.
/// Sets `unreadable` when some part of the tree could not be listed.
std::vector<fs::path> font_files_under(const fs::path& dir, bool& unreadable) {
    std::vector<fs::path> files;
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(dir, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec) && is_font_file_name(it->path())) files.push_back(it->path());
    }
    unreadable = static_cast<bool>(ec);
    std::sort(files.begin(), files.end());
    return files;
}

int font_count(FcConfig* config) {
    const FcFontSet* set = app_fonts(config);
    return set == nullptr ? 0 : set->nfont;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += ", ";
        out += item;
    }
    return out;
}

// The one substitution rule the library has: a face asked for bold but
// no bolder than medium itself (WenQuanYi Micro Hei, the bundled Chinese
// face, has no bold) is drawn emboldened, as fontconfig's stock
// 90-synthetic.conf does on a desktop, so a Chinese headline or subhead
// is heavier than its body. Cairo thickens the outlines; the advances stay
// the regular face's. The match keeps the face's own weight, so a layout
// check still says the family has no bold. No slant is synthesised:
// Khmer, Thai and Chinese are not set in italics.
constexpr const char* kSyntheticBold = R"(<?xml version="1.0"?>
<fontconfig>
  <match target="font">
    <test name="weight" compare="less_eq"><const>medium</const></test>
    <test target="pattern" name="weight" compare="more_eq"><const>bold</const></test>
    <edit name="embolden" mode="assign"><bool>true</bool></edit>
  </match>
</fontconfig>
)";

std::string describe_style(int weight, bool italic) {
    return "weight " + std::to_string(weight) + (italic ? " italic" : " upright");
}

}  // namespace

std::vector<std::string> split_family_list(const std::string& list) {
    std::vector<std::string> families;
    std::string_view rest = list;
    while (true) {
        std::size_t comma = rest.find(',');
        std::string_view item = rest.substr(0, comma);
        const char* blanks = " \t\r\n";
        std::size_t first = item.find_first_not_of(blanks);
        item = first == std::string_view::npos ? std::string_view{} : item.substr(first);
        item = item.substr(0, item.find_last_not_of(blanks) + 1);
        if (item.size() >= 2 && (item.front() == '"' || item.front() == '\'') && item.back() == item.front())
            item = item.substr(1, item.size() - 2);
        if (!item.empty()) families.emplace_back(item);
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    return families;
}

std::unique_ptr<FontLibrary> FontLibrary::open(const std::vector<fs::path>& dirs, Diagnostics& diagnostics) {
    FcConfig* config = FcConfigCreate();
    if (config == nullptr) {
        diagnostics.error("E-FONT-CONFIG", {}, "fontconfig could not create a font configuration");
        return nullptr;
    }
    std::unique_ptr<FontLibrary> library(new FontLibrary(config));
    FcConfigSetRescanInterval(config, 0);
    if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(kSyntheticBold), FcFalse))
        diagnostics.warning("W-FONT-CONFIG", {},
                            "fontconfig rejected the synthetic bold rule; faces without a bold print regular");

    std::set<fs::path> added;
    for (const fs::path& dir : dirs) {
        std::error_code ec;
        fs::file_status status = fs::status(dir, ec);
        if (!fs::exists(status)) {
            diagnostics.error("E-FONT-DIR-MISSING", {dir.string(), 0, 0}, "font directory does not exist");
            continue;
        }
        if (!fs::is_directory(status)) {
            diagnostics.error("E-FONT-DIR-MISSING", {dir.string(), 0, 0}, "font directory is not a directory");
            continue;
        }
        bool unreadable = false;
        for (const fs::path& file : font_files_under(dir, unreadable)) {
            fs::path absolute = fs::weakly_canonical(fs::absolute(file, ec), ec);
            if (ec) absolute = file;
            if (!added.insert(absolute).second) continue;  // a directory given twice, or nested
            const int before = font_count(config);
            if (!FcConfigAppFontAddFile(config, fc_str(absolute.string())) || font_count(config) == before)
                diagnostics.warning("W-FONT-FILE-IGNORED", {file.string(), 0, 0},
                                    "fontconfig cannot read this font file; it is not part of the font library");
        }
        if (unreadable)
            diagnostics.error("E-FONT-DIR-UNREADABLE", {dir.string(), 0, 0}, "font directory cannot be read completely");
    }

    if (font_count(config) == 0) {
        std::vector<std::string> names;
        for (const fs::path& dir : dirs) names.push_back(dir.string());
        diagnostics.error("E-FONT-NONE", {},
                          "no usable font found in: " + (names.empty() ? std::string("(no directories)") : join(names)));
        return nullptr;
    }
    return library;
}

FontLibrary::~FontLibrary() { FcConfigDestroy(config_); }

std::optional<FaceMatch> FontLibrary::find(const FaceRequest& request) const {
    const std::vector<std::string> wanted = split_family_list(request.family);
    if (wanted.empty()) return std::nullopt;

    PatternPtr pattern(FcPatternCreate());
    if (!pattern) return std::nullopt;
    for (const std::string& family : wanted) FcPatternAddString(pattern.get(), FC_FAMILY, fc_str(family));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, FcWeightFromOpenType(std::clamp(request.weight, 1, 1000)));
    FcPatternAddInteger(pattern.get(), FC_SLANT, request.italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    // Keep the process locale out of the answer: names are reported in
    // English, and no language takes part in scoring.
    FcPatternAddString(pattern.get(), FC_NAMELANG, fc_str("en"));
    FcConfigSubstitute(config_, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcPatternDel(pattern.get(), FC_LANG);

    FcResult result = FcResultNoMatch;
    PatternPtr match(FcFontMatch(config_, pattern.get(), &result));
    if (!match) return std::nullopt;

    FaceMatch face;
    face.file = get_string(match.get(), FC_FILE);
    face.index = get_int(match.get(), FC_INDEX, 0);
    face.style = get_string(match.get(), FC_STYLE);
    face.weight = FcWeightToOpenType(get_int(match.get(), FC_WEIGHT, FC_WEIGHT_REGULAR));
    face.italic = get_int(match.get(), FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN;
    FcBool embolden = FcFalse;
    face.synthetic_bold = FcPatternGetBool(match.get(), FC_EMBOLDEN, 0, &embolden) == FcResultMatch && embolden;

    const std::vector<std::string> names = family_names(match.get());
    face.family = names.empty() ? std::string{} : names.front();
    bool found = false;
    for (std::size_t w = 0; w < wanted.size() && !found; ++w) {
        for (const std::string& name : names) {
            if (!same_family(name, wanted[w])) continue;
            face.family = name;
            face.exact = w == 0;
            found = true;
            break;
        }
    }
    return face;
}

std::optional<FaceMatch> FontLibrary::resolve(const FaceRequest& request, Diagnostics& diagnostics,
                                              const SourceLocation& where) const {
    const std::vector<std::string> wanted = split_family_list(request.family);
    if (wanted.empty()) {
        diagnostics.error("E-FONT-NOT-FOUND", where, "no font family named");
        return std::nullopt;
    }
    // Every family of a fallback list must be bundled, not only the first.
    std::vector<std::string> known;
    if (const FcFontSet* set = app_fonts(config_)) {
        for (int i = 0; i < set->nfont; ++i)
            for (std::string& name : family_names(set->fonts[i])) known.push_back(std::move(name));
    }
    bool first_missing = false;
    for (std::size_t w = 0; w < wanted.size(); ++w) {
        bool present = std::any_of(known.begin(), known.end(),
                                   [&](const std::string& name) { return same_family(name, wanted[w]); });
        if (present) continue;
        if (w == 0) first_missing = true;
        diagnostics.error("E-FONT-NOT-FOUND", where,
                          "font family \"" + wanted[w] + "\" is not in the font library (available: " +
                              join(families()) + ")");
    }
    if (first_missing) return std::nullopt;

    std::optional<FaceMatch> face = find(request);
    if (!face) return std::nullopt;
    if (face->weight != request.weight || face->italic != request.italic) {
        diagnostics.warning("W-FONT-STYLE-MISSING", where,
                            "font family \"" + face->family + "\" has no face for " +
                                describe_style(request.weight, request.italic) + "; using " + face->style + " (" +
                                describe_style(face->weight, face->italic) + ")" +
                                (face->synthetic_bold ? ", emboldened" : ""));
    }
    return face;
}

std::vector<std::string> FontLibrary::families() const {
    std::set<std::string> names;
    if (const FcFontSet* set = app_fonts(config_)) {
        for (int i = 0; i < set->nfont; ++i) {
            std::string name = get_string(set->fonts[i], FC_FAMILY, 0);
            if (!name.empty()) names.insert(std::move(name));
        }
    }
    return {names.begin(), names.end()};
}

bool FontLibrary::covers(const FaceMatch& face, char32_t codepoint) const {
    const FcFontSet* set = app_fonts(config_);
    if (set == nullptr) return false;
    const std::string file = face.file.string();
    for (int i = 0; i < set->nfont; ++i) {
        const FcPattern* font = set->fonts[i];
        if (get_string(font, FC_FILE) != file || get_int(font, FC_INDEX, 0) != face.index) continue;
        FcCharSet* charset = nullptr;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch || charset == nullptr) return false;
        return FcCharSetHasChar(charset, static_cast<FcChar32>(codepoint)) != FcFalse;
    }
    return false;
}

}  // namespace galley::fonts

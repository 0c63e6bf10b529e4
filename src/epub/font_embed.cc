#include "epub/font_embed.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <vector>

#include <hb.h>

#include "base/file_read.h"
#include "base/utf8.h"
#include "epub/font_subset.h"

namespace galley::epub {
namespace {

constexpr std::uint64_t kMaxFontBytes = 64u * 1024u * 1024u;

std::string slug(const std::string& s) {
    std::string out;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += c;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "font" : out;
}

std::string lower_extension(const std::filesystem::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

bool is_blank_codepoint(char32_t cp) { return cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0); }

/// A face to embed, before its bytes are read.
struct Chosen {
    FontFace face;
    std::filesystem::path file;
    int index = 0;
};

/// Adds the characters of UTF-8 text to `out`, and the precomposed letters
/// its letters and combining marks make: text typed decomposed ("e" U+0302
/// U+0301) is drawn by a shaper with the font's own "ế" where it has one,
/// as print draws it, so that glyph must be in the subset. As a shaper
/// does: the letter taken apart, its marks and those after it in canonical
/// order, each composed with the letter so far unless a mark left over
/// before it, of the same or a higher combining class, blocks it.
void append_utf8_codepoints(std::string_view s, std::set<char32_t>& out) {
    hb_unicode_funcs_t* ufuncs = hb_unicode_funcs_get_default();
    hb_codepoint_t base = 0;
    std::vector<hb_codepoint_t> marks;
    auto compose_cluster = [&] {
        std::stable_sort(marks.begin(), marks.end(), [&](hb_codepoint_t x, hb_codepoint_t y) {
            return hb_unicode_combining_class(ufuncs, x) < hb_unicode_combining_class(ufuncs, y);
        });
        int blocking = -1;  // highest class of a mark left over
        for (hb_codepoint_t m : marks) {
            const int ccc = hb_unicode_combining_class(ufuncs, m);
            hb_codepoint_t composed = 0;
            if (base != 0 && ccc > blocking && hb_unicode_compose(ufuncs, base, m, &composed)) {
                out.insert(static_cast<char32_t>(composed));
                base = composed;
            } else {
                blocking = std::max(blocking, ccc);
            }
        }
        marks.clear();
    };
    auto add = [&](char32_t cp) {
        out.insert(cp);
        if (hb_unicode_general_category(ufuncs, cp) == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK &&
            hb_unicode_combining_class(ufuncs, cp) != 0) {
            marks.push_back(cp);
            return;
        }
        compose_cluster();
        // The letter taken apart first, as a shaper does ("â" U+0323 is
        // "a" U+0323 U+0302, which composes to "ậ").
        base = cp;
        std::vector<hb_codepoint_t> parts;
        for (hb_codepoint_t a = 0, b = 0; hb_unicode_decompose(ufuncs, base, &a, &b) && b != 0;) {
            parts.push_back(b);
            base = a;
        }
        marks.assign(parts.rbegin(), parts.rend());
    };
    for (std::size_t i = 0; i < s.size();) {
        const utf8::Decoded d = utf8::decode(s, i);
        if (d.length == 0) {
            ++i;  // not UTF-8: skip the byte
            continue;
        }
        add(d.code_point);
        i += d.length;
    }
    compose_cluster();
}

}  // namespace

const char* font_mode_name(FontMode mode) {
    switch (mode) {
        case FontMode::subset: return "subset";
        case FontMode::full: return "full";
        case FontMode::none: return "none";
    }
    return "subset";
}

std::optional<FontMode> font_mode_from_name(std::string_view name) {
    for (FontMode m : {FontMode::subset, FontMode::full, FontMode::none})
        if (name == font_mode_name(m)) return m;
    return std::nullopt;
}

void collect_utf8_codepoints(std::string_view text, std::set<char32_t>& out) { append_utf8_codepoints(text, out); }

void collect_text_codepoints(std::string_view xhtml, std::set<char32_t>& out) {
    std::size_t i = 0;
    std::string text;
    while (i < xhtml.size()) {
        char c = xhtml[i];
        if (c == '<') {
            std::size_t end = xhtml.find('>', i);
            if (end == std::string_view::npos) break;
            i = end + 1;
            continue;
        }
        if (c == '&') {
            std::size_t end = xhtml.find(';', i);
            if (end == std::string_view::npos) break;
            std::string_view ent = xhtml.substr(i + 1, end - i - 1);
            if (ent == "amp") text += '&';
            else if (ent == "lt") text += '<';
            else if (ent == "gt") text += '>';
            else if (ent == "quot") text += '"';
            else if (ent == "apos") text += '\'';
            else if (!ent.empty() && ent[0] == '#') {
                std::uint32_t v = 0;
                bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
                std::string_view digits = ent.substr(hex ? 2 : 1);
                std::from_chars(digits.data(), digits.data() + digits.size(), v, hex ? 16 : 10);
                utf8::append(text, static_cast<char32_t>(v));  // in the text, for the compositions
            }
            i = end + 1;
            continue;
        }
        text += c;
        ++i;
    }
    append_utf8_codepoints(text, out);
}

FontEmbedding embed_fonts(const fonts::FontLibrary& library, const std::vector<FontUse>& uses, FontMode mode,
                          const std::set<char32_t>& codepoints, Diagnostics& diags) {
    FontEmbedding result;
    if (mode == FontMode::none) return result;

    std::set<char32_t> visible;
    for (char32_t cp : codepoints)
        if (!is_blank_codepoint(cp)) visible.insert(cp);

    std::vector<Chosen> chosen;
    std::set<std::string> reported_missing;
    // The visible code points each face has, keyed by file and index.
    std::map<std::string, std::set<char32_t>> coverage;
    auto face_coverage = [&](const fonts::FaceMatch& m) -> const std::set<char32_t>& {
        std::string key = m.file.string() + "#" + std::to_string(m.index);
        auto it = coverage.find(key);
        if (it != coverage.end()) return it->second;
        std::set<char32_t> has;
        for (char32_t cp : visible)
            if (library.covers(m, cp)) has.insert(cp);
        return coverage.emplace(key, std::move(has)).first->second;
    };
    for (const FontUse& use : uses) {
        std::set<char32_t> covered;
        for (const std::string& family : use.families) {
            auto match = library.find({family, use.weight, use.italic});
            if (!match || !match->exact) {
                if (reported_missing.insert(family).second)
                    diags.warning("W-EPUB-FONT-MISSING", {},
                                  "font family '" + family + "' is not in the font library; the EPUB names it "
                                  "but cannot embed it");
                continue;
            }
            bool useful = false;
            for (char32_t cp : face_coverage(*match)) useful = covered.insert(cp).second || useful;
            if (!useful) continue;
            FontFace face{family, match->weight, match->italic, ""};
            bool known = std::any_of(chosen.begin(), chosen.end(), [&](const Chosen& c) {
                return c.face.family == face.family && c.face.weight == face.weight && c.face.italic == face.italic;
            });
            if (!known) chosen.push_back({face, match->file, match->index});
        }
    }

    // Always keep the glyphs a reading system may insert: hyphens.
    std::set<char32_t> wanted = codepoints;
    wanted.insert(U'-');
    wanted.insert(U'\u2010');
    wanted.insert(U' ');

    std::map<std::string, std::string> file_cache;
    for (Chosen& c : chosen) {
        std::string key = c.file.string();
        if (!file_cache.count(key)) {
            auto data = read_trusted_file(c.file, c.file.string(), kMaxFontBytes, diags);
            if (!data) continue;
            file_cache[key] = std::move(*data);
        }
        const std::string& data = file_cache[key];
        std::string ext = lower_extension(c.file);
        bool collection = ext == ".ttc" || ext == ".otc";
        bool cff = data.size() >= 4 && data.compare(0, 4, "OTTO") == 0;

        EmbeddedFont e;
        e.original_bytes = data.size();
        if (mode == FontMode::full && !collection) {
            e.bytes = data;
        } else {
            auto sub = mode == FontMode::full ? whole_face(data, static_cast<unsigned>(c.index))
                                              : subset_font(data, static_cast<unsigned>(c.index), wanted);
            if (sub) {
                e.bytes = std::move(*sub);
            } else if (!collection) {
                diags.warning("W-EPUB-FONT-SUBSET", {{c.file.string(), 0, 0}},
                              "could not subset the font; it is embedded whole");
                e.bytes = data;
            } else {
                diags.warning("W-EPUB-FONT-SUBSET", {{c.file.string(), 0, 0}},
                              "could not extract the face from the font collection; it is not embedded");
                continue;
            }
        }
        if (collection) cff = e.bytes.size() >= 4 && e.bytes.compare(0, 4, "OTTO") == 0;
        std::string stem = slug(c.face.family) + "-" + std::to_string(c.face.weight) + (c.face.italic ? "-italic" : "");
        e.face = c.face;
        e.face.href = "fonts/" + stem + (cff ? ".otf" : ".ttf");
        e.id = "font-" + stem;
        e.media_type = cff ? "font/otf" : "font/ttf";
        result.original_bytes += e.original_bytes;
        result.embedded_bytes += e.bytes.size();
        result.fonts.push_back(std::move(e));
    }
    std::sort(result.fonts.begin(), result.fonts.end(),
              [](const EmbeddedFont& a, const EmbeddedFont& b) { return a.face.href < b.face.href; });
    return result;
}

}  // namespace galley::epub

// Test helpers: a shared layout/font fixture, and the invariants every set
// paragraph must satisfy (checked, not trusted).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/data_dir.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "typeset/text/text_setter.h"

namespace galley::test {

/// One layout and the font library, loaded once per layout name.
struct Setting {
    std::unique_ptr<layout::Layout> layout;
    std::unique_ptr<typeset::TextSetter> setter;
    double column = 0;
};

inline const fonts::FontLibrary& font_library() {
    static std::unique_ptr<fonts::FontLibrary> lib = [] {
        Diagnostics d;
        auto l = fonts::FontLibrary::open({data_dir() / "fonts"}, d);
        REQUIRE(l != nullptr);
        return l;
    }();
    return *lib;
}

inline Setting& setting(const std::string& name) {
    static std::map<std::string, Setting> all;
    auto it = all.find(name);
    if (it != all.end()) return it->second;
    Diagnostics d;
    auto l = layout::load_layout(name, layout::bundled_layouts_dir(), d);
    REQUIRE(l.has_value());
    Setting s;
    s.layout = std::make_unique<layout::Layout>(std::move(*l));
    s.setter = std::make_unique<typeset::TextSetter>(*s.layout, font_library(), data_dir() / "layouts" / "hyphenation");
    s.column = s.layout->column_width().to_pt();
    return all.emplace(name, std::move(s)).first->second;
}

/// A copy of `base`'s layout with `change` applied to every paragraph
/// style, and a setter of its own: the same setting without one means of
/// justification, to compare against.
template <typename Change>
Setting setting_with_styles(const Setting& base, Change change) {
    Setting s;
    s.layout = std::make_unique<layout::Layout>(*base.layout);
    for (layout::ParagraphStyle& st : s.layout->paragraph_styles) change(st);
    s.setter = std::make_unique<typeset::TextSetter>(*s.layout, font_library(), data_dir() / "layouts" / "hyphenation");
    s.column = base.column;
    return s;
}

/// The widest word spaces of any of the paragraph's lines, in units of the
/// font's space.
inline double widest_space(const typeset::SetParagraph& p) {
    double w = 0;
    for (const auto& l : p.lines) w = std::max(w, l.word_space);
    return w;
}

inline std::string line_text(const typeset::SetLine& l) {
    std::string s;
    for (const auto& r : l.runs) s += r.text;
    return s;
}

/// The right end of a line's ink boxes (pen after the last glyph).
inline double right_edge(const typeset::SetLine& l) {
    double right = 0;
    for (const auto& r : l.runs) right = std::max(right, r.origin.x + r.advance);
    return right;
}

inline double left_edge(const typeset::SetLine& l, std::size_t from_run = 0) {
    double left = 1e9;
    for (std::size_t i = from_run; i < l.runs.size(); ++i)
        for (const auto& g : l.runs[i].glyphs) left = std::min(left, l.runs[i].origin.x + g.x);
    return left;
}

/// Clusters account for every byte of text and every glyph, in order.
inline void check_clusters(const typeset::SetParagraph& p) {
    for (const auto& l : p.lines)
        for (const auto& r : l.runs) {
            int bytes = 0, glyphs = 0;
            for (const auto& c : r.clusters) {
                CHECK((c.bytes > 0 || c.glyphs > 0));
                CHECK(c.bytes >= 0);
                CHECK(c.glyphs >= 0);
                bytes += c.bytes;
                glyphs += c.glyphs;
            }
            CHECK(bytes == static_cast<int>(r.text.size()));
            CHECK(glyphs == static_cast<int>(r.glyphs.size()));
            CHECK(!r.face.file.empty());
            CHECK(r.size > 0);
        }
}

/// Concatenating the lines' texts (less the hyphens inserted at line ends)
/// gives back `input`, but for the white space at the line breaks.
inline void check_reconstructs(const typeset::SetParagraph& p, const std::string& input) {
    auto is_space = [](char c) { return c == ' ' || c == '\n'; };
    std::size_t pos = 0;
    while (pos < input.size() && is_space(input[pos])) ++pos;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        std::string t = line_text(p.lines[i]);
        if (p.lines[i].hyphenated) {
            REQUIRE(!t.empty());
            CHECK(t.back() == '-');
            t.pop_back();
        }
        INFO("line " << i << ": \"" << t << "\"");
        REQUIRE(input.compare(pos, t.size(), t) == 0);
        pos += t.size();
        while (pos < input.size() && is_space(input[pos])) ++pos;
    }
    CHECK(pos == input.size());
}

/// No line is wider than its measure or starts left of its edge (the drop
/// cap, run 0 of line 0 when `dropcap`, aside), give or take 1e-5 pt: a
/// justified right-to-left line, placed from its right end, can come out a
/// millionth of a point past its left one.
inline void check_within_measure(const typeset::SetParagraph& p, bool dropcap = false) {
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
        const auto& l = p.lines[i];
        INFO("line " << i << ": \"" << line_text(l) << "\"");
        CHECK(!l.overfull);
        CHECK(right_edge(l) <= l.width + 1e-5);
        if (!l.runs.empty()) CHECK(left_edge(l, dropcap && i == 0 ? 1 : 0) >= -1e-5);
    }
}

}  // namespace galley::test

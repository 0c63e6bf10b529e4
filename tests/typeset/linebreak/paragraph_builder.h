// Test helper: turns "aaa bbb|ccc" into an Item list with a fixed-advance
// model (every character `ch` wide, '|' a hyphenation point) and reads the
// lines of a BreakResult back as text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "typeset/linebreak/knuth_plass.h"

namespace galley::test {

struct TextModel {
    double ch = 1.0;             ///< width of every character
    double space = 1.0;          ///< glue width
    double stretch = 1.0;        ///< glue stretch
    double shrink = 0.0;         ///< glue shrink
    double hyphen = 1.0;         ///< width of the hyphen at a '|' break
    double hyphen_penalty = 50;  ///< penalty of a '|' break
    double letter = 0.0;         ///< letter-space capacity per character (stretch and shrink)
    bool finish = true;          ///< append finish_paragraph
};

struct TestParagraph {
    std::vector<typeset::Item> items;
    std::vector<std::string> texts;  ///< per item: the characters of a box, " " for glue, "" for a penalty

    /// The result's lines as text; a hyphenated line ends with "-".
    std::vector<std::string> lines(const typeset::BreakResult& r) const {
        std::vector<std::string> out;
        for (const auto& line : r.lines) {
            std::string s;
            for (std::size_t i = line.start; i < line.end && i < texts.size(); ++i) s += texts[i];
            if (line.hyphenated) s += "-";
            out.push_back(s);
        }
        return out;
    }
};

inline TestParagraph make_paragraph(std::string_view text, const TextModel& m = {}) {
    TestParagraph p;
    std::string word;
    auto flush_word = [&] {
        if (word.empty()) return;
        const double n = static_cast<double>(word.size());
        p.items.push_back(typeset::Item::box(n * m.ch, n * m.letter, n * m.letter));
        p.texts.push_back(word);
        word.clear();
    };
    for (char c : text) {
        if (c == ' ') {
            flush_word();
            p.items.push_back(typeset::Item::glue(m.space, m.stretch, m.shrink));
            p.texts.emplace_back(" ");
        } else if (c == '|') {
            flush_word();
            p.items.push_back(typeset::Item::penalty_item(m.hyphen, m.hyphen_penalty, true));
            p.texts.emplace_back("");
        } else {
            word += c;
        }
    }
    flush_word();
    if (m.finish) {
        typeset::finish_paragraph(p.items);
        p.texts.resize(p.items.size());
    }
    return p;
}

/// The width of a set line as the caller would place it: every item in
/// [start, end) at its set width, plus the ending penalty's width.
inline double placed_width(const std::vector<typeset::Item>& items, const typeset::BrokenLine& line) {
    double w = 0.0;
    for (std::size_t i = line.start; i < line.end; ++i) w += typeset::set_width(items[i], line.fit);
    if (line.end < items.size() && items[line.end].kind == typeset::ItemKind::penalty) w += items[line.end].width;
    return w;
}

inline typeset::BreakSettings settings_for(double width) {
    typeset::BreakSettings s;
    s.line_widths = {width};
    return s;
}

}  // namespace galley::test

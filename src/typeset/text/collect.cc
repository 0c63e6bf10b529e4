#include "typeset/text/collect.h"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "typeset/text/chars.h"

namespace galley::typeset::text {
namespace {

class Collector {
public:
    Collector(const layout::Layout& layout, StyleTable& styles, double paragraph_size)
        : layout_(layout), styles_(styles), size_(paragraph_size) {}

    void walk(const model::Inlines& content, int style, int link) {
        for (const model::Inline& in : content) {
            std::visit(
                [&](const auto& node) {
                    using T = std::decay_t<decltype(node)>;
                    if constexpr (std::is_same_v<T, model::Text>) {
                        append(sanitize(node.text), style, link);
                    } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                        append("\n", style, link);
                    } else if constexpr (std::is_same_v<T, model::Emphasis>) {
                        walk(node.content, with(style, layout::CharacterStyleId::em, true), link);
                    } else if constexpr (std::is_same_v<T, model::Strong>) {
                        walk(node.content, with(style, layout::CharacterStyleId::strong), link);
                    } else if constexpr (std::is_same_v<T, model::Link>) {
                        out_.links.push_back(node.href);
                        walk(node.content, with(style, layout::CharacterStyleId::link),
                             static_cast<int>(out_.links.size() - 1));
                    } else if constexpr (std::is_same_v<T, model::Span>) {
                        RunStyle s = apply_character_style(styles_[style], cs(layout::CharacterStyleId::span), size_,
                                                           false);
                        if (!node.lang.empty()) s.font.lang = node.lang;
                        walk(node.content, styles_.intern(s), link);
                    } else if constexpr (std::is_same_v<T, model::Subscript>) {
                        walk(node.content, with(style, layout::CharacterStyleId::sub), link);
                    } else if constexpr (std::is_same_v<T, model::Superscript>) {
                        walk(node.content, with(style, layout::CharacterStyleId::sup), link);
                    } else if constexpr (std::is_same_v<T, model::Person>) {
                        const std::size_t start = out_.text.size();
                        walk(node.content, with(style, layout::CharacterStyleId::person), link);
                        if (out_.text.size() > start) out_.names.emplace_back(start, out_.text.size());
                    }
                },
                in.node);
        }
    }

    CollectedText take() { return std::move(out_); }

private:
    const layout::CharacterStyle& cs(layout::CharacterStyleId id) const { return layout_.character_style(id); }

    int with(int style, layout::CharacterStyleId id, bool toggles_italic = false) {
        return styles_.intern(apply_character_style(styles_[style], cs(id), size_, toggles_italic));
    }

    void append(const std::string& s, int style, int link) {
        if (s.empty()) return;
        const std::size_t start = out_.text.size();
        out_.text += s;
        if (!out_.runs.empty() && out_.runs.back().style == style && out_.runs.back().link == link &&
            out_.runs.back().end == start) {
            out_.runs.back().end = out_.text.size();
            return;
        }
        out_.runs.push_back(TextRun{start, out_.text.size(), style, link});
    }

    const layout::Layout& layout_;
    StyleTable& styles_;
    double size_;
    CollectedText out_;
};

/// Splits the run holding `offset` so that a run starts there.
void split_at(CollectedText& t, std::size_t offset) {
    if (offset == 0 || offset >= t.text.size()) return;
    const std::size_t i = run_at(t, offset);
    TextRun& r = t.runs[i];
    if (r.start == offset) return;
    TextRun tail = r;
    tail.start = offset;
    r.end = offset;
    t.runs.insert(t.runs.begin() + static_cast<std::ptrdiff_t>(i) + 1, tail);
}

template <class F>
void change_runs(CollectedText& t, std::size_t begin, std::size_t end, F&& change) {
    if (begin >= end) return;
    split_at(t, begin);
    split_at(t, end);
    for (TextRun& r : t.runs)
        if (r.start >= begin && r.end <= end) r.style = change(r.style);
}

}  // namespace

CollectedText collect(const model::Inlines& content, int base_style, const layout::Layout& layout,
                      StyleTable& styles) {
    Collector c(layout, styles, styles[base_style].font.size);
    c.walk(content, base_style, -1);
    return c.take();
}

void restyle(CollectedText& t, std::size_t begin, std::size_t end, const layout::CharacterStyle& c,
             StyleTable& styles, double paragraph_size) {
    change_runs(t, begin, end, [&](int style) {
        return styles.intern(apply_character_style(styles[style], c, paragraph_size, false));
    });
}

void resize(CollectedText& t, std::size_t begin, std::size_t end, double size, StyleTable& styles) {
    change_runs(t, begin, end, [&](int style) {
        RunStyle s = styles[style];
        s.font.size = size;
        s.baseline_shift = 0;
        return styles.intern(s);
    });
}

std::pair<std::size_t, std::size_t> dropcap_range(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t j = i;
        const char32_t c = next_char(text, j);
        if (!is_break_space(c) && !is_fixed_space(c)) break;
        i = j;
    }
    const std::size_t begin = i;
    // Opening punctuation, then one character with its marks.
    for (int guard = 0; i < text.size() && guard < 4; ++guard) {
        std::size_t j = i;
        const char32_t c = next_char(text, j);
        if (!is_opening_punctuation(c)) break;
        i = j;
    }
    if (i >= text.size()) return {begin, begin};
    std::size_t j = i;
    const char32_t first = next_char(text, j);
    if (first == U'\n' || is_break_space(first) || is_fixed_space(first) || is_continuation(first)) return {begin, begin};
    if (!in_alphabet_with_capitals(text, i)) return {begin, begin};
    while (j < text.size()) {
        std::size_t k = j;
        if (!is_continuation(next_char(text, k))) break;
        j = k;
    }
    return {begin, j};
}

std::size_t words_end(const std::string& text, std::size_t from, int words) {
    std::size_t i = from;
    for (int w = 0; w < words && i < text.size(); ++w) {
        while (i < text.size()) {  // spaces before the word
            std::size_t j = i;
            const char32_t c = next_char(text, j);
            if (!is_break_space(c)) break;
            i = j;
        }
        while (i < text.size()) {
            std::size_t j = i;
            const char32_t c = next_char(text, j);
            if (is_break_space(c) || c == U'\n') break;
            i = j;
        }
        if (i < text.size() && text[i] == '\n') break;
    }
    return i;
}

std::size_t run_at(const CollectedText& t, std::size_t offset) {
    auto it = std::upper_bound(t.runs.begin(), t.runs.end(), offset,
                               [](std::size_t o, const TextRun& r) { return o < r.start; });
    return it == t.runs.begin() ? 0 : static_cast<std::size_t>(it - t.runs.begin() - 1);
}

}  // namespace galley::typeset::text

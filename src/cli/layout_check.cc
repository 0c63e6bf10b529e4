#include "cli/layout_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "base/data_dir.h"
#include "base/utf8.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "layout/settings.h"
#include "typeset/text/chars.h"

namespace galley::cli {
namespace {

constexpr const char* kDefaultLayout = "tabloid";

// The code points of `s` (the reader has already refused ill-formed UTF-8;
// a stray byte would be skipped).
std::vector<char32_t> codepoints(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const utf8::Decoded d = utf8::decode(s, i);
        if (d.length == 0) {
            ++i;
            continue;
        }
        out.push_back(d.code_point);
        i += d.length;
    }
    return out;
}

// Characters that are never drawn as glyphs (spaces, controls, joiners).
bool needs_glyph(char32_t cp) {
    if (cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0x2028 || cp == 0x2029) return false;
    // Joiners, variation selectors, bidi marks, tags...: the setter's own
    // list of what prints as nothing.
    return !typeset::text::is_default_ignorable(cp);
}

// The text of an article grouped by where the print edition reports on it:
// each head and end element at its own line, each body block (a nested
// aside's blocks each at theirs) at its line, each related item at its own.
using LocatedTexts = std::vector<std::pair<SourceLocation, std::string>>;

void collect_text(const model::Inlines& in, std::string& out) {
    out += model::plain_text(in);
    out += ' ';
}

void collect_blocks(const std::vector<model::Block>& blocks, LocatedTexts& out) {
    for (const model::Block& b : blocks) {
        std::string text;
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Subhead>) {
                    collect_text(n.content, text);
                } else if constexpr (std::is_same_v<T, model::Blockquote> || std::is_same_v<T, model::PullQuote>) {
                    for (const auto& p : n.quote.paragraphs) collect_text(p.content, text);
                    collect_text(n.quote.attribution, text);
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    collect_text(n.caption, text);
                    collect_text(n.credit, text);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& item : n.items) collect_text(item, text);
                } else if constexpr (std::is_same_v<T, model::Aside>) {
                    collect_text(n.title, text);
                    collect_blocks(n.blocks, out);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    collect_text(n.caption, text);
                    if (n.head)
                        for (const auto& c : n.head->cells) collect_text(c.content, text);
                    for (const auto& r : n.rows)
                        for (const auto& c : r.cells) collect_text(c.content, text);
                }
            },
            b.node);
        out.emplace_back(b.where, std::move(text));
    }
}

LocatedTexts article_texts(const model::Article& a) {
    LocatedTexts out;
    auto add = [&](const model::Inlines& in, const SourceLocation& at) {
        std::string text;
        collect_text(in, text);
        out.emplace_back(a.located(at), std::move(text));
    };
    const model::Head& h = a.head;
    add(h.kicker, h.kicker_at);
    add(h.headline, h.headline_at);
    add(h.deck, h.deck_at);
    for (std::size_t i = 0; i < h.bylines.size(); ++i) add(h.bylines[i], a.located(h.bylines_at, i));
    add(h.dateline, h.dateline_at);
    collect_blocks(a.body, out);
    add(a.end.tagline, a.end.tagline_at);
    for (std::size_t i = 0; i < a.end.corrections.size(); ++i) add(a.end.corrections[i], a.located(a.end.corrections_at, i));
    for (const auto& r : a.end.related) {
        std::string text;
        collect_text(r.kicker, text);
        collect_text(r.title, text);
        collect_text(r.teaser, text);
        out.emplace_back(a.located(r.where), std::move(text));
    }
    add(a.meta.rights, a.meta.rights_at);
    return out;
}

// Every family a layout names must be bundled in the weights and slants asked.
void check_fonts(const layout::Layout& layout, const fonts::FontLibrary& library, Diagnostics& diags) {
    SourceLocation where{layout.file.string(), 0, 0};
    std::set<std::tuple<std::string, int, bool>> seen;
    auto check = [&](const layout::FontList& list, int weight, bool italic) {
        auto key = std::make_tuple(list.joined(), weight, italic);
        if (list.families.empty() || !seen.insert(key).second) return;
        library.resolve({list.joined(), weight, italic}, diags, where);
    };
    for (std::size_t i = 0; i < layout::kParagraphStyleCount; ++i) {
        const layout::ParagraphStyle& s = layout.paragraph_styles[i];
        check(s.font, s.weight, s.italic);
    }
    const layout::ParagraphStyle& headline = layout.style(layout::ParagraphStyleId::headline);
    for (int p = 1; p <= layout::kTierCount; ++p) check(headline.font, layout.tier(p).weight, headline.italic);
}

// Which characters the bundled fonts draw, looked up once each.
class GlyphCoverage {
public:
    explicit GlyphCoverage(const fonts::FontLibrary& library) : library_(library) {
        for (const std::string& family : library.families())
            if (auto m = library.find({family, 400, false})) faces_.push_back(*m);
    }
    bool covers(char32_t cp) {
        auto [it, inserted] = covered_.try_emplace(cp, false);
        if (inserted)
            it->second = std::any_of(faces_.begin(), faces_.end(),
                                     [&](const fonts::FaceMatch& f) { return library_.covers(f, cp); });
        return it->second;
    }

private:
    const fonts::FontLibrary& library_;
    std::vector<fonts::FaceMatch> faces_;
    std::map<char32_t, bool> covered_;
};

// W-GLYPH-MISSING for characters of an article that no bundled font can draw.
void check_glyphs(const LocatedTexts& texts, GlyphCoverage& coverage, Diagnostics& diags) {
    // Several elements may share a location (an article read from NITF
    // knows only its own): one warning per location.
    std::map<std::tuple<int, int>, std::pair<SourceLocation, std::set<char32_t>>> missing_at;
    for (const auto& [where, text] : texts) {
        for (char32_t cp : codepoints(text)) {
            if (!needs_glyph(cp) || coverage.covers(cp)) continue;
            auto& slot = missing_at[{where.line, where.column}];
            slot.first = where;
            slot.second.insert(cp);
        }
    }
    for (const auto& [key, found] : missing_at) {
        const auto& [where, missing] = found;
        diags.warning("W-GLYPH-MISSING", where,
                      "no bundled font has a glyph for " + typeset::text::codepoint_list(missing) + "; " +
                          (missing.size() == 1 ? "it prints as an empty box" : "they print as empty boxes"));
    }
}

// W-TEXT-MARKS-STACKED for a character that carries more combining marks
// than Unicode's stream-safe text allows (UAX #15: 30 non-starters in a
// row). Print stacks them all on the one character, far above and below
// its line and over the lines around it ("Zalgo" text); so do readers.
void check_mark_stacks(const LocatedTexts& texts, Diagnostics& diags) {
    constexpr int kStreamSafeMarks = 30;
    std::set<std::tuple<int, int>> reported;
    for (const auto& [where, text] : texts) {
        int run = 0, most = 0;
        char32_t base = 0, worst = 0;
        for (char32_t cp : codepoints(text)) {
            if (!typeset::text::is_non_starter(cp)) {
                run = 0;
                base = cp;
                continue;
            }
            if (++run > most) {
                most = run;
                worst = base;
            }
        }
        if (most <= kStreamSafeMarks || !reported.insert({where.line, where.column}).second) continue;
        diags.warning("W-TEXT-MARKS-STACKED", where,
                      (worst != 0 ? typeset::text::codepoint_list({worst}) : std::string("the text's start")) +
                          " carries " + std::to_string(most) + " combining marks, more than the " +
                          std::to_string(kStreamSafeMarks) +
                          " of Unicode's stream-safe text; they stack far above and below its line, over the lines "
                          "around it");
    }
}

}  // namespace

std::string layout_name_for(const model::Issue& issue, const std::optional<std::string>& override_layout) {
    if (override_layout) return *override_layout;
    if (!issue.layout.empty()) return issue.layout;
    return kDefaultLayout;
}

void check_layout_and_fonts(const model::Issue& issue, const layout::Layout& layout,
                            const fonts::FontLibrary& library, Diagnostics& diags) {
    check_fonts(layout, library, diags);
    // Each article's text is gathered once, for both checks.
    GlyphCoverage coverage(library);
    for (const model::Section& s : issue.sections)
        for (const model::Article& a : s.articles) {
            const LocatedTexts texts = article_texts(a);
            check_glyphs(texts, coverage, diags);
            check_mark_stacks(texts, diags);
        }
}

}  // namespace galley::cli

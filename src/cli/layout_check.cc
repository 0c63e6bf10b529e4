#include "cli/layout_check.h"

#include <cstdio>
#include <map>
#include <set>

#include "base/data_dir.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "layout/settings.h"
#include "typeset/text/chars.h"

namespace galley::cli {
namespace {

constexpr const char* kDefaultLayout = "tabloid";

// Decodes UTF-8 leniently (the reader has already refused invalid input).
std::vector<char32_t> codepoints(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
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

void collect_text(const model::Inlines& in, std::string& out) {
    out += model::plain_text(in);
    out += ' ';
}

void collect_blocks(const std::vector<model::Block>& blocks, std::string& out) {
    for (const model::Block& b : blocks) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Subhead>) {
                    collect_text(n.content, out);
                } else if constexpr (std::is_same_v<T, model::Blockquote> || std::is_same_v<T, model::PullQuote>) {
                    for (const auto& p : n.quote.paragraphs) collect_text(p.content, out);
                    collect_text(n.quote.attribution, out);
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    collect_text(n.caption, out);
                    collect_text(n.credit, out);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    for (const auto& item : n.items) collect_text(item, out);
                } else if constexpr (std::is_same_v<T, model::Aside>) {
                    collect_text(n.title, out);
                    collect_blocks(n.blocks, out);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    collect_text(n.caption, out);
                    if (n.head)
                        for (const auto& c : n.head->cells) collect_text(c.content, out);
                    for (const auto& r : n.rows)
                        for (const auto& c : r.cells) collect_text(c.content, out);
                }
            },
            b.node);
    }
}

std::string article_text(const model::Article& a) {
    std::string out;
    for (const auto* in : {&a.head.kicker, &a.head.headline, &a.head.deck, &a.head.dateline, &a.meta.rights,
                           &a.end.tagline})
        collect_text(*in, out);
    for (const auto& b : a.head.bylines) collect_text(b, out);
    for (const auto& c : a.end.corrections) collect_text(c, out);
    for (const auto& r : a.end.related) {
        collect_text(r.kicker, out);
        collect_text(r.title, out);
        collect_text(r.teaser, out);
    }
    collect_blocks(a.body, out);
    return out;
}

// "U+00E9", "U+13000": at least four hex digits, as Unicode writes them
// (and as the text setter's W-GLYPH-MISSING does).
std::string hex(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
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

// W-GLYPH-MISSING for characters that no bundled font can draw.
void check_glyphs(const model::Issue& issue, const fonts::FontLibrary& library, Diagnostics& diags) {
    std::vector<fonts::FaceMatch> faces;
    for (const std::string& family : library.families())
        if (auto m = library.find({family, 400, false})) faces.push_back(*m);
    std::map<char32_t, bool> covered;
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            std::set<char32_t> missing;
            for (char32_t cp : codepoints(article_text(a))) {
                if (!needs_glyph(cp)) continue;
                auto [it, inserted] = covered.try_emplace(cp, false);
                if (inserted)
                    for (const auto& f : faces)
                        if (library.covers(f, cp)) {
                            it->second = true;
                            break;
                        }
                if (!it->second) missing.insert(cp);
            }
            if (missing.empty()) continue;
            std::string list;
            int shown = 0;
            for (char32_t cp : missing) {
                if (shown++ == 8) {
                    list += ", ...";
                    break;
                }
                list += (list.empty() ? "" : ", ") + hex(cp);
            }
            diags.warning("W-GLYPH-MISSING", a.where,
                          "no bundled font has a glyph for " + list + "; " +
                              (missing.size() == 1 ? "it" : "they") + " would print as empty boxes");
        }
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
    check_glyphs(issue, library, diags);
}

}  // namespace galley::cli

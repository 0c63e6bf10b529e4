#include "typeset/text/items_builder.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <tuple>

#include "typeset/linebreak/khmer_syllables.h"
#include "typeset/linebreak/segmenter.h"
#include "typeset/linebreak/short_words.h"
#include "typeset/linebreak/word_shape.h"
#include "typeset/text/chars.h"
#include "typeset/text/kashida.h"

namespace galley::typeset::text {
namespace {

constexpr std::size_t kMaxHyphenCacheEntries = 100000;
/// Fragments are cut to this share of the narrowest line, leaving room for
/// kerning lost at the cut.
constexpr double kCutMargin = 0.99;
/// Words up to this long keep their items for the next time they appear.
constexpr std::size_t kMaxPlannedBytes = 128;
/// The word plans are dropped when they grow past this many.
constexpr std::size_t kMaxPlans = 50000;
/// A fragment too wide for a line with up to this many clusters may break
/// between any two; longer ones are cut greedily (bounded item count).
constexpr std::size_t kMaxFineCutClusters = 512;
/// Addresses wider than this share of the narrowest line may be broken (at
/// their conventional places only, unless a name in them is wider than a line).
constexpr double kAddressShare = 0.4;
/// A cut between two letters of a word wider than the line: high enough that
/// a looser line beats it where there is a choice (p = 3000 costs 9e6
/// demerits, a line at r = 2.5 about 2.6e6).
constexpr double kCutPenalty = 3000.0;
/// A break between two syllables of a name in an e-mail address or URL,
/// without a hyphen: the last resort before a seriously loose line (p =
/// 1000 costs 1e6 demerits, what a line at r = 2.15 costs), cheaper than
/// cutting a name anywhere (kCutPenalty).
constexpr double kAddressSyllablePenalty = 1000.0;
/// A break between two syllables of a Khmer word: dearer than a hyphen
/// (50), since no hyphen tells the reader the word goes on, so that it is
/// taken where a line would otherwise be loose, not to even out lines that
/// set well without it (p = 150 adds 22 500 demerits, (10 + 140)^2: what a
/// line of badness 140 costs).
constexpr double kSyllablePenalty = 150.0;
/// Letters a break between syllables leaves on either side in an address.
constexpr std::size_t kAddressSyllableMin = 3;
/// Segments longer than this are not cached when set line by line.
constexpr std::size_t kLongText = 256;

struct Opportunity {
    std::size_t offset = 0;  ///< relative to the word
    Piece::Kind kind = Piece::Kind::brk;
    bool add_hyphen = false;
    bool flagged = false;
    bool between_words = false;  ///< a gap between words of a script written without spaces
    bool between_syllables = false;  ///< inside a Khmer word, between two syllables (no hyphen)
    int rank = 0;  ///< which one wins when two fall on one offset (lower)
};

/// One style segment of a word.
struct Segment {
    std::size_t a = 0, b = 0;  ///< paragraph bytes
    std::uint32_t run = 0;
    int font = 0;
    const Shaped* shaped = nullptr;
    double tracking = 0.0;   ///< pt after each letter but the word's last
    double letter_max = 0.0; ///< pt of letter-spacing capacity per gap
    double letter_min = 0.0;
    /// In a script whose letters change form with their neighbours (Arabic
    /// joining, Indic conjuncts, ...): a part cut off is shaped differently.
    bool reshapes = false;
    /// pt a justified line may lengthen the segment by with a kashida
    /// (Arabic), when the whole segment is on one line.
    double kashida = 0.0;
};

/// Bytes [begin, end) of a word that belong to the address in it: opening
/// brackets and quotes before it and the sentence's punctuation after it
/// ("letters@example.com." ends a sentence) are not part of it.
struct AddressBody {
    std::size_t begin = 0;
    std::size_t end = 0;
};

AddressBody address_body(std::string_view w) {
    auto starts = [&](std::size_t i, std::string_view p) { return w.substr(i, p.size()) == p; };
    auto ends = [&](std::size_t e, std::string_view p) { return e >= p.size() && w.substr(e - p.size(), p.size()) == p; };
    AddressBody b{0, w.size()};
    for (bool more = true; more && b.begin < b.end;) {
        more = false;
        if (std::string_view("([{<\"'").find(w[b.begin]) != std::string_view::npos) {
            ++b.begin;
            more = true;
        } else {
            for (std::string_view q : {"\u2018", "\u201C", "\u00AB"})
                if (starts(b.begin, q)) {
                    b.begin += q.size();
                    more = true;
                    break;
                }
        }
    }
    for (bool more = true; more && b.end > b.begin;) {
        more = false;
        if (std::string_view(".,;:!?)]}>\"'").find(w[b.end - 1]) != std::string_view::npos) {
            --b.end;
            more = true;
        } else {
            for (std::string_view q : {"\u2019", "\u201D", "\u00BB", "\u2026"})
                if (ends(b.end, q)) {
                    b.end -= q.size();
                    more = true;
                    break;
                }
        }
    }
    return b;
}

/// Whether `w` (punctuation around it included) holds a host name without
/// a scheme: labels of ASCII letters, digits and hyphens joined by dots, the
/// last of two to six letters, with a path after it
/// ("harbourtownfc.example.org/tickets") or at least three labels
/// ("news.example.org"). Not "e.g.", "U.S.A." or "3.5.1".
bool looks_like_host(std::string_view w) {
    const AddressBody body = address_body(w);
    const std::string_view a = w.substr(body.begin, body.end - body.begin);
    const std::size_t slash = a.find('/');
    const std::string_view host = a.substr(0, slash);
    int labels = 0;
    std::string_view last;
    for (std::size_t start = 0;;) {
        const std::size_t dot = std::min(host.find('.', start), host.size());
        last = host.substr(start, dot - start);
        if (last.empty()) return false;  // an empty label
        for (char c : last)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
        ++labels;
        if (dot == host.size()) break;
        start = dot + 1;
    }
    if (last.size() < 2 || last.size() > 6) return false;
    for (char c : last)
        if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    const bool path = slash != std::string_view::npos && slash + 1 < a.size();
    return labels >= 3 || (labels >= 2 && path);
}

/// Whether convention allows breaking the address in `w` before byte `at`:
/// after "//", ':', '@', '=' or '&'; before '/', '.', ',', '-', '_', '?', '#',
/// '%', '~', '=' or '&'; never between the two slashes of "//", and never
/// leaving a lone character of the address on either line.
bool conventional_break(std::string_view w, std::size_t at, AddressBody body) {
    if (at < body.begin + 2 || at + 2 > body.end) return false;
    const char prev = w[at - 1];
    const char next = w[at];
    const char before = w[at - 2];
    if (prev == '/' && next == '/') return false;
    if (prev == '/' && before == '/') return true;
    if (prev == ':' || prev == '@' || prev == '=' || prev == '&') return true;
    return std::string_view("/.,-_?#%~=&").find(next) != std::string_view::npos;
}

/// The cost of cutting a word (not an address) too wide for the line before
/// byte `at` of `text`: none where paths and the like break by convention,
/// more elsewhere.
double cut_penalty(std::string_view text, std::size_t at) {
    const char prev = text[at - 1];
    const char next = text[at];
    const char before = at >= 2 ? text[at - 2] : '\0';
    if (prev == '/' && next == '/') return kCutPenalty * 2;
    if (prev == '/' && before == '/') return 0.0;
    if (prev == ':' || prev == '=' || prev == '&') return 0.0;
    if (std::string_view("/.,-_?#%~=&").find(next) != std::string_view::npos) return 0.0;
    return kCutPenalty;
}

/// The maximal runs of ASCII letters in `w`'s address body: the names an
/// address is made of ("letters", "phnompenhpost", "com").
std::vector<std::pair<std::size_t, std::size_t>> address_names(std::string_view w, const AddressBody& body) {
    std::vector<std::pair<std::size_t, std::size_t>> names;
    auto letter = [&](std::size_t i) { return std::isalpha(static_cast<unsigned char>(w[i])) != 0; };
    for (std::size_t i = body.begin; i < body.end;) {
        if (!letter(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < body.end && letter(j)) ++j;
        names.emplace_back(i, j);
        i = j;
    }
    return names;
}

}  // namespace

bool looks_like_address(std::string_view w) {
    return w.find('@') != std::string_view::npos || w.find("://") != std::string_view::npos ||
           w.find("www.") != std::string_view::npos || looks_like_host(w);
}

ItemBuilder::ItemBuilder(Shaper& shaper, StyleTable& styles, HyphenatorCache& hyphenators)
    : shaper_(shaper), styles_(styles), hyphenators_(hyphenators) {}

ItemBuilder::~ItemBuilder() = default;

int ItemBuilder::font_of(int style) {
    const auto s = static_cast<std::size_t>(style);
    if (s >= font_of_style_.size()) font_of_style_.resize(styles_.size(), -1);
    if (font_of_style_[s] < 0) font_of_style_[s] = shaper_.intern(styles_[style].font);
    return font_of_style_[s];
}

SpaceGlue ItemBuilder::space_glue(int style, const BuildOptions& o) {
    const RunStyle& rs = styles_[style];
    const double space = shaper_.metrics(font_of(style)).space;
    SpaceGlue g;
    g.width = space * o.word_space_natural + rs.tracking / 1000.0 * rs.font.size;
    if (g.width < 0.0) g.width = 0.0;
    if (o.justify) {
        g.stretch = std::max(0.0, space * (o.word_space_max - o.word_space_natural));
        g.shrink = std::clamp(space * (o.word_space_natural - o.word_space_min), 0.0, g.width);
    }
    return g;
}

std::shared_ptr<const Hyphenator> ItemBuilder::hyphenator(const std::string& lang, Diagnostics& diags) {
    auto it = by_lang_.find(lang);
    if (it == by_lang_.end()) it = by_lang_.emplace(lang, hyphenators_.for_language(lang, &diags)).first;
    return it->second;
}

Segmenter& ItemBuilder::segmenter(const std::string& lang) {
    auto& s = segmenters_[lang];
    if (!s) s = std::make_unique<Segmenter>(lang);
    return *s;
}

const std::vector<HyphenBreak>& ItemBuilder::hyphenation(const Hyphenator& h, std::string_view word,
                                                         const HyphenationRules& r) {
    const Hyphenator* p = &h;
    key_.assign(reinterpret_cast<const char*>(&p), sizeof p);
    const unsigned char rules[] = {static_cast<unsigned char>(std::min<std::size_t>(r.min_word_length, 255)),
                                   static_cast<unsigned char>(std::min<std::size_t>(r.min_left, 255)),
                                   static_cast<unsigned char>(std::min<std::size_t>(r.min_right, 255)),
                                   static_cast<unsigned char>(r.capitalized | r.all_caps << 1 | r.with_digits << 2)};
    key_.append(reinterpret_cast<const char*>(rules), sizeof rules);
    key_.append(word);
    if (auto it = hyphen_cache_.find(key_); it != hyphen_cache_.end()) return it->second;
    if (hyphen_cache_.size() > kMaxHyphenCacheEntries) hyphen_cache_.clear();
    return hyphen_cache_.emplace(key_, h.breaks(word, r)).first->second;
}

Prepared ItemBuilder::build(const CollectedText& t, std::size_t from, const BuildOptions& o, Diagnostics& diags) {
    Prepared out;
    words_ = 0;
    options_key_.clear();
    auto add = [&](const auto& v) { options_key_.append(reinterpret_cast<const char*>(&v), sizeof v); };
    add(o.justify);
    add(o.hyphenate);
    add(o.rules.min_word_length);
    add(o.rules.min_left);
    add(o.rules.min_right);
    add(o.rules.capitalized);
    add(o.rules.all_caps);
    add(o.rules.with_digits);
    for (double v : {o.hyphen_penalty, o.explicit_penalty, o.word_space_min, o.word_space_natural, o.word_space_max,
                     o.letter_space_min, o.letter_space_max, o.kashida_max, o.ragged_stretch, o.min_measure})
        add(v);
    const std::string& s = t.text;
    out.items.reserve((s.size() - std::min(from, s.size())) / 2 + 8);
    out.pieces.reserve(out.items.capacity());
    auto push = [&](const Item& item, Piece piece) {
        out.items.push_back(item);
        out.pieces.push_back(piece);
    };
    bool have_box = false;
    bool pending = false, pending_fixed = false;
    std::size_t ws_a = 0, ws_b = 0;
    std::size_t word_a = 0, word_b = 0;  // the last word added
    for (std::size_t i = from; i < s.size();) {
        std::size_t j = i;
        const char32_t c = next_char(s, j);
        if (c == U'\n') {
            pending = false;
            push(Item::penalty_item(0.0, kInfinitePenalty), Piece{});
            push(Item::glue(0.0, 0.0, 0.0, 1.0), Piece{});
            Piece p;
            p.kind = Piece::Kind::forced;
            p.start = p.end = static_cast<std::uint32_t>(i);
            push(Item::penalty_item(0.0, kForcedBreak), p);
            have_box = false;
            i = j;
            continue;
        }
        if (is_break_space(c) || is_fixed_space(c)) {
            if (!pending) ws_a = i, pending_fixed = false;
            pending = true;
            pending_fixed = pending_fixed || is_fixed_space(c);
            ws_b = j;
            i = j;
            continue;
        }
        std::size_t k = j;
        while (k < s.size()) {
            std::size_t m = k;
            const char32_t d = next_char(s, m);
            if (d == U'\n' || is_break_space(d) || is_fixed_space(d)) break;
            k = m;
        }
        if (pending && have_box) {
            // Thai writes a space before its repetition mark ("ใด ๆ"): the
            // mark still belongs to the word before and never begins a line.
            if (ends_word_before(c)) pending_fixed = true;
            // Nor does a line begin with "/", ")", "!" or "," after a space.
            if (no_break_before(c)) pending_fixed = true;
            const auto run = static_cast<std::uint32_t>(run_at(t, ws_a));
            const SpaceGlue g = space_glue(t.runs[run].style, o);
            Piece sp;
            sp.kind = Piece::Kind::space;
            sp.run = run;
            sp.start = static_cast<std::uint32_t>(ws_a);
            sp.end = static_cast<std::uint32_t>(ws_b);
            if (pending_fixed) {
                push(Item::penalty_item(0.0, kInfinitePenalty), Piece{});
                push(Item::glue(g.width, g.stretch, g.shrink), sp);
            } else if (o.justify) {
                push(Item::glue(g.width, g.stretch, g.shrink), sp);
            } else {
                push(Item::penalty_item(0.0, kInfinitePenalty), Piece{});
                push(Item::glue(0.0, o.ragged_stretch, 0.0), Piece{});
                if (o.mark_short_words && word_b > word_a &&
                    short_function_word(styles_[t.runs[run_at(t, word_a)].style].font.lang,
                                        std::string_view(s).substr(word_a, word_b - word_a)))
                    out.short_word_breaks.push_back(out.items.size());
                const bool in_name = std::any_of(t.names.begin(), t.names.end(), [&](const auto& n) {
                    return n.first < ws_a && ws_b < n.second;
                });
                if (in_name) out.name_breaks.push_back(out.items.size());
                push(Item::penalty_item(0.0, 0.0), Piece{});
                push(Item::glue(g.width, -o.ragged_stretch, 0.0), sp);
            }
        }
        pending = false;
        add_word(t, i, k, o, out, diags);
        word_a = i;
        word_b = k;
        have_box = true;
        i = k;
    }
    finish_paragraph(out.items);
    out.pieces.resize(out.items.size());
    return out;
}

void ItemBuilder::add_word(const CollectedText& t, std::size_t a, std::size_t b, const BuildOptions& o,
                           Prepared& out, Diagnostics& diags) {
    const std::uint32_t word = words_++;
    if (b - a > kMaxPlannedBytes) {
        measure_word(t, a, b, word, o, out, diags);
        return;
    }
    // Words repeat: their items are kept per text, styles and options.
    const std::size_t first_run = run_at(t, a);
    plan_key_ = options_key_;
    for (std::size_t r = first_run; r < t.runs.size() && t.runs[r].start < b; ++r) {
        const std::int32_t style = t.runs[r].style;
        const auto length = static_cast<std::uint32_t>(std::min(b, t.runs[r].end) - std::max(a, t.runs[r].start));
        plan_key_.append(reinterpret_cast<const char*>(&style), sizeof style);
        plan_key_.append(reinterpret_cast<const char*>(&length), sizeof length);
    }
    plan_key_.append(t.text, a, b - a);
    auto it = plans_.find(plan_key_);
    if (it == plans_.end()) {
        if (plans_.size() > kMaxPlans) plans_.clear();
        const std::size_t first_item = out.items.size();
        const std::size_t cuts = out.cut_words.size();
        measure_word(t, a, b, word, o, out, diags);
        WordPlan plan;
        plan.items.assign(out.items.begin() + static_cast<std::ptrdiff_t>(first_item), out.items.end());
        plan.pieces.assign(out.pieces.begin() + static_cast<std::ptrdiff_t>(first_item), out.pieces.end());
        for (Piece& p : plan.pieces) {  // unsigned arithmetic: bookkeeping pieces wrap and come back
            p.run -= static_cast<std::uint32_t>(first_run);
            p.start -= static_cast<std::uint32_t>(a);
            p.end -= static_cast<std::uint32_t>(a);
        }
        plan.cut = out.cut_words.size() > cuts;
        plans_.emplace(plan_key_, std::move(plan));
        return;
    }
    const WordPlan& plan = it->second;
    out.items.insert(out.items.end(), plan.items.begin(), plan.items.end());
    for (Piece p : plan.pieces) {
        p.run += static_cast<std::uint32_t>(first_run);
        p.start += static_cast<std::uint32_t>(a);
        p.end += static_cast<std::uint32_t>(a);
        p.word = word;
        out.pieces.push_back(p);
    }
    if (plan.cut) out.cut_words.push_back(CutWord{word, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
}

std::vector<std::size_t> ItemBuilder::address_syllables(std::string_view w, std::size_t begin, std::size_t end,
                                                       const std::string& lang, const HyphenationRules& rules,
                                                       Diagnostics& diags) {
    std::vector<std::size_t> out;
    auto h = hyphenator(lang, diags);
    if (!h) return out;
    HyphenationRules r = rules;
    r.min_left = std::max(r.min_left, kAddressSyllableMin);
    r.min_right = std::max(r.min_right, kAddressSyllableMin);
    r.capitalized = true;
    r.all_caps = false;
    for (const auto& [from, to] : address_names(w, AddressBody{begin, end})) {
        if (to - from < std::max(r.min_word_length, 2 * kAddressSyllableMin)) continue;
        for (const HyphenBreak& br : hyphenation(*h, w.substr(from, to - from), r))
            if (br.add_hyphen && br.offset >= kAddressSyllableMin && to - from - br.offset >= kAddressSyllableMin)
                out.push_back(from + br.offset);
    }
    return out;
}

void ItemBuilder::measure_word(const CollectedText& t, std::size_t a, std::size_t b, std::uint32_t word,
                               const BuildOptions& o, Prepared& out, Diagnostics& diags) {
    const std::string_view w(t.text.data() + a, b - a);
    const std::size_t first_run = run_at(t, a);
    const std::string& lang = styles_[t.runs[first_run].style].font.lang;

    // Where the word may break. An address is never hyphenated, nor broken
    // after a hyphen (a reader would take the hyphen for an added one): it
    // breaks only where the cuts below allow.
    const bool address = looks_like_address(w);
    const AddressBody body = address ? address_body(w) : AddressBody{};
    // Its long names may also break between syllables, with no hyphen
    // added, where the alternative is a seriously loose line (the Chicago
    // Manual's last resort for URLs); hyphenating styles only.
    const std::vector<std::size_t> syllables =
        address && o.hyphenate ? address_syllables(w, body.begin, body.end, lang, o.rules, diags) : std::vector<std::size_t>{};
    std::vector<Opportunity> opps;
    bool hyphenated = address;
    if (o.hyphenate && !address) {
        if (auto h = hyphenator(lang, diags)) {
            for (const HyphenBreak& br : hyphenation(*h, w, o.rules)) {
                Opportunity op;
                op.offset = br.offset;
                op.kind = br.add_hyphen ? Piece::Kind::hyphen : Piece::Kind::brk;
                op.add_hyphen = br.add_hyphen;
                op.rank = br.add_hyphen ? 3 : 2;
                opps.push_back(op);
            }
            hyphenated = true;
        }
    }
    if (!hyphenated && !address && w.size() > 2) {
        const detail::WordShape shape = detail::analyse_word(w, o.rules);
        if (!shape.whole)
            for (std::size_t idx : shape.explicit_breaks) {
                Opportunity op;
                op.offset = shape.chars[idx].offset + shape.chars[idx].size;
                op.rank = 2;
                opps.push_back(op);
            }
    }
    if (needs_segmentation(w)) {
        std::vector<std::size_t> edges;
        for (const ScriptBreak& sb : segmenter(lang).breaks(w)) {
            Opportunity op;
            op.offset = sb.offset;
            op.kind = Piece::Kind::gap;
            op.between_words = sb.kind == ScriptBreakKind::word;
            op.rank = 0;
            opps.push_back(op);
            edges.push_back(sb.offset);
        }
        // A Khmer word may also break between its syllables, at a price and
        // like a hyphenation point (not tried in the first pass, counted in
        // the hyphen ladder), with no hyphen drawn; hyphenating styles only.
        if (o.hyphenate && has_khmer_letters(w))
            for (std::size_t at : khmer_syllable_breaks(w, edges)) {
                Opportunity op;
                op.offset = at;
                op.kind = Piece::Kind::hyphen;
                op.between_syllables = true;
                op.rank = 4;
                opps.push_back(op);
            }
    }
    for (std::size_t p = w.find("\xE2\x80\x8B"); p != std::string_view::npos; p = w.find("\xE2\x80\x8B", p + 3)) {
        Opportunity op;
        op.offset = p + 3;
        op.rank = 1;
        opps.push_back(op);
    }
    std::stable_sort(opps.begin(), opps.end(), [](const Opportunity& x, const Opportunity& y) {
        return x.offset != y.offset ? x.offset < y.offset : x.rank < y.rank;
    });
    opps.erase(std::unique(opps.begin(), opps.end(),
                           [](const Opportunity& x, const Opportunity& y) { return x.offset == y.offset; }),
               opps.end());
    opps.erase(std::remove_if(opps.begin(), opps.end(),
                              [&](const Opportunity& x) { return x.offset == 0 || x.offset >= w.size(); }),
               opps.end());
    for (Opportunity& op : opps) {
        if (op.kind != Piece::Kind::brk) continue;
        // A line ending in an explicit hyphen counts towards the hyphen cap.
        std::size_t back = op.offset - 1;
        while (back > 0 && (static_cast<unsigned char>(w[back]) & 0xC0) == 0x80) --back;
        std::size_t q = back;
        const char32_t before = next_char(w, q);
        op.flagged = before == U'-' || before == 0x2010;
    }

    // Style segments, shaped.
    std::vector<Segment> segs;
    for (std::size_t r = first_run; r < t.runs.size() && t.runs[r].start < b; ++r) {
        Segment sg;
        sg.a = std::max(a, t.runs[r].start);
        sg.b = std::min(b, t.runs[r].end);
        if (sg.a >= sg.b) continue;
        sg.run = static_cast<std::uint32_t>(r);
        sg.font = font_of(t.runs[r].style);
        const std::string_view text(t.text.data() + sg.a, sg.b - sg.a);
        sg.shaped = &shaper_.shape(sg.font, text);
        const RunStyle& rs = styles_[t.runs[r].style];
        sg.reshapes = !allows_letter_spacing(text);
        if (!sg.reshapes) {
            sg.tracking = rs.tracking / 1000.0 * rs.font.size;
            if (o.justify) {
                sg.letter_max = o.letter_space_max / 1000.0 * rs.font.size;
                sg.letter_min = -o.letter_space_min / 1000.0 * rs.font.size;
            }
        } else if (o.justify && spaces_between_clusters(text)) {
            // Syllables move apart, never closer: tightening could
            // bring a hanging vowel sign onto the next syllable.
            sg.letter_max = o.letter_space_max / 1000.0 * rs.font.size;
        } else if (o.justify && o.kashida_max > 0.0 &&
                   kashida_place(text, *sg.shaped, shaper_.shape(sg.font, kTatweelText))) {
            sg.kashida = o.kashida_max / 1000.0 * rs.font.size;
        }
        segs.push_back(sg);
    }

    auto emit_box = [&](const Segment& sg, std::size_t x, std::size_t y, double width, std::size_t gaps) {
        Piece p;
        p.kind = Piece::Kind::text;
        p.run = sg.run;
        p.start = static_cast<std::uint32_t>(x);
        p.end = static_cast<std::uint32_t>(y);
        p.word = word;
        p.long_text = sg.b - sg.a > kLongText;
        const double g = static_cast<double>(gaps);
        const double kashida = x == sg.a && y == sg.b ? sg.kashida : 0.0;
        out.items.push_back(Item::box(width, g * sg.letter_max + kashida, g * sg.letter_min));
        out.pieces.push_back(p);
    };
    auto emit_break = [&](const Item& item, const Piece& piece, bool is_glue) {
        if (o.justify) {
            out.items.push_back(item);
            out.pieces.push_back(piece);
            return;
        }
        out.items.push_back(Item::penalty_item(0.0, kInfinitePenalty));
        out.pieces.emplace_back();
        out.items.push_back(Item::glue(0.0, o.ragged_stretch, 0.0));
        out.pieces.emplace_back();
        out.items.push_back(is_glue ? Item::penalty_item(0.0, 0.0) : item);
        out.pieces.push_back(is_glue ? Piece{} : piece);
        out.items.push_back(Item::glue(0.0, -o.ragged_stretch, 0.0));
        out.pieces.push_back(is_glue ? piece : Piece{});
    };

    // The boxes are measured by slicing the whole word's shaping; a word
    // broken at `at` is shaped in two parts (ligatures and kerning across
    // the break change, and in a joining script such as Arabic the letters'
    // forms). First: how much wider the line ending there really is (with
    // a hyphen when `hyphen`); second: the same for the next line's start.
    // The next line's difference is a box that a glue cancels when the
    // line does not break there (a discretionary in Knuth-Plass items).
    auto break_fixes = [&](const Segment* sg, std::size_t at, bool hyphen) {
        double pre_fix = 0.0, post_fix = 0.0;
        if (sg->b - sg->a <= kLongText) {
            const Shaped& whole = *sg->shaped;
            const std::size_t o_rel = at - sg->a;
            const auto [c0, k0] = whole.cluster_range(0, o_rel);
            const std::size_t n = whole.clusters.size();
            const double left = whole.width_of(c0, k0) + static_cast<double>(k0) * sg->tracking;
            std::string pre(t.text.data() + sg->a, o_rel);
            if (hyphen) pre += '-';
            const Shaped& ps = shaper_.shape(sg->font, pre);
            const double pre_actual =
                ps.width + static_cast<double>(ps.clusters.empty() ? 0 : ps.clusters.size() - 1) * sg->tracking;
            pre_fix = pre_actual - left;
            if (o_rel < sg->b - sg->a) {
                const bool word_end = sg->b == b;
                const std::size_t m_est = n - k0;
                const double right =
                    whole.width_of(k0, n) + static_cast<double>(word_end && m_est > 0 ? m_est - 1 : m_est) * sg->tracking;
                const Shaped& qs = shaper_.shape(sg->font, std::string_view(t.text.data() + at, sg->b - at));
                const std::size_t m = qs.clusters.size();
                const double post_actual =
                    qs.width + static_cast<double>(word_end && m > 0 ? m - 1 : m) * sg->tracking;
                post_fix = post_actual - right;
            }
        } else if (hyphen) {
            pre_fix = shaper_.shape(sg->font, "-").width + sg->tracking;
        }
        return std::pair{pre_fix, post_fix};
    };

    // Fragments between opportunities, one box per segment part.
    struct Part {
        const Segment* sg;
        std::size_t x, y, c0, c1;
        double width;
        std::size_t gaps;
    };
    std::vector<Part> parts;
    bool cut_reported = false;
    std::size_t fa = a;
    for (std::size_t k = 0; k <= opps.size(); ++k) {
        const std::size_t fb = k < opps.size() ? a + opps[k].offset : b;
        parts.clear();
        double fragment = 0.0;
        for (const Segment& sg : segs) {
            if (sg.b <= fa || sg.a >= fb) continue;
            Part p;
            p.sg = &sg;
            p.x = std::max(fa, sg.a);
            p.y = std::min(fb, sg.b);
            std::tie(p.c0, p.c1) = sg.shaped->cluster_range(p.x - sg.a, p.y - sg.a);
            const std::size_t n = p.c1 - p.c0;
            p.gaps = p.y == b ? (n > 0 ? n - 1 : 0) : n;
            p.width = sg.shaped->width_of(p.c0, p.c1) + static_cast<double>(p.gaps) * sg.tracking;
            fragment += p.width;
            parts.push_back(p);
        }
        const Part* begin = parts.data();
        const Part* end = begin + parts.size();

        if (o.min_measure > 0.0 && fragment > (address ? kAddressShare : 1.0) * o.min_measure) {
            // Wider than some line. A word: a place to break between any
            // two clusters (cheaper where paths break), or, in a fragment too
            // long for that to stay cheap, cuts placed greedily so that every
            // piece fits the narrowest line. An address: its conventional
            // places only (a cut inside a name prints a wrong address), and
            // the same cuts as a word only inside a stretch between two such
            // places that no line can hold.
            if (!cut_reported) {
                out.cut_words.push_back(CutWord{word, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b)});
                cut_reported = true;
            }
            std::size_t clusters = 0;
            for (const Part* p = begin; p != end; ++p) clusters += p->c1 - p->c0;
            const bool fine = clusters <= kMaxFineCutClusters;
            const double limit = o.min_measure * kCutMargin;
            auto advance = [&](const Part& p, std::size_t c) {
                const bool last = p.y == b && c + 1 == p.c1;
                return p.sg->shaped->clusters[c].advance + (last ? 0.0 : p.sg->tracking);
            };
            auto byte_at = [&](const Part& p, std::size_t c) { return p.sg->a + p.sg->shaped->clusters[c].byte_start; };
            // An address's stretches [from, to) wider than the narrowest line.
            std::vector<std::pair<std::size_t, std::size_t>> wide;
            if (address) {
                double acc = 0.0;
                std::size_t from = fa;
                bool first = true;
                for (const Part* p = begin; p != end; ++p)
                    for (std::size_t c = p->c0; c < p->c1; ++c) {
                        const std::size_t at = byte_at(*p, c);
                        if (!first && conventional_break(w, at - a, body)) {
                            if (acc > limit) wide.emplace_back(from, at);
                            from = at;
                            acc = 0.0;
                        }
                        first = false;
                        acc += advance(*p, c);
                    }
                if (acc > limit) wide.emplace_back(from, fb);
            }
            auto in_wide = [&](std::size_t at) {
                return std::any_of(wide.begin(), wide.end(), [&](const auto& r) { return r.first < at && at < r.second; });
            };
            double acc = 0.0;
            bool first = true;
            for (const Part* p = begin; p != end; ++p) {
                const Segment& sg = *p->sg;
                const Shaped& sh = *sg.shaped;
                std::size_t cs = p->c0;
                double box = 0.0;
                std::size_t gaps = 0;
                for (std::size_t c = p->c0; c < p->c1; ++c) {
                    const bool last = p->y == b && c + 1 == p->c1;
                    const double cw = advance(*p, c);
                    const std::size_t at = byte_at(*p, c);
                    const bool greedy = acc + cw > limit && acc > 0.0;
                    bool here = false, conventional = false, syllable = false;
                    double penalty = 0.0;
                    if (!first && address && conventional_break(w, at - a, body)) {
                        // Costs what a break after an explicit hyphen does.
                        here = conventional = true;
                        penalty = o.explicit_penalty;
                    } else if (!first && address &&
                               std::binary_search(syllables.begin(), syllables.end(), at - a)) {
                        // A break by the same convention, at a price, and
                        // like a hyphen's: not tried in the first pass (a
                        // hyphenated paragraph may not need it), counted in
                        // the hyphen ladder.
                        here = conventional = syllable = true;
                        penalty = kAddressSyllablePenalty;
                    } else if (!first && (!address || in_wide(at))) {
                        here = fine || greedy;
                        penalty = !fine ? 0.0 : address ? kCutPenalty : cut_penalty(t.text, at);
                    }
                    if (here) {
                        if (c > cs) emit_box(sg, cs == p->c0 ? p->x : sg.a + sh.clusters[cs].byte_start, at, box, gaps);
                        Piece cut;
                        cut.kind = Piece::Kind::cut;
                        cut.word = word;
                        cut.start = cut.end = static_cast<std::uint32_t>(at);
                        cut.conventional = conventional;
                        // Each part of a cut word is shaped on its own line:
                        // in a script whose letters change form there (an
                        // Arabic letter takes its final or initial form),
                        // its width as shaped, not as sliced. Elsewhere the
                        // difference is a kerning pair, not worth the
                        // shaping at every cluster of a long word.
                        const auto [pre_fix, post_fix] =
                            sg.reshapes ? break_fixes(&sg, at, false) : std::pair{0.0, 0.0};
                        emit_break(Item::penalty_item(pre_fix, penalty, syllable), cut, false);
                        if (std::abs(post_fix) > 1e-6) {
                            out.items.push_back(Item::glue(-post_fix, 0.0, 0.0));
                            out.pieces.emplace_back();
                            out.items.push_back(Item::box(post_fix));
                            out.pieces.emplace_back();
                        }
                        acc = 0.0;
                        box = 0.0;
                        gaps = 0;
                        cs = c;
                    }
                    first = false;
                    acc += cw;
                    box += cw;
                    if (!last) ++gaps;
                }
                if (cs < p->c1 || p->c0 == p->c1)
                    emit_box(sg, cs == p->c0 ? p->x : sg.a + sh.clusters[cs].byte_start, p->y, box, gaps);
            }
        } else {
            for (const Part* p = begin; p != end; ++p) emit_box(*p->sg, p->x, p->y, p->width, p->gaps);
        }

        if (k < opps.size()) {
            const Opportunity& op = opps[k];
            const std::size_t at = a + op.offset;
            // The segment the line would end in.
            const Segment* sg = &segs.front();
            for (const Segment& sgi : segs)
                if (sgi.a < at && at <= sgi.b) sg = &sgi;
            Piece p;
            p.kind = op.kind;
            p.add_hyphen = op.add_hyphen;
            p.between_words = op.between_words;
            p.run = sg->run;
            p.start = p.end = static_cast<std::uint32_t>(at);
            const auto [pre_fix, post_fix] = break_fixes(sg, at, op.add_hyphen);
            constexpr double kEpsilon = 1e-6;
            const bool is_gap = op.kind == Piece::Kind::gap;
            const double penalty = op.between_syllables             ? kSyllablePenalty
                                   : op.kind == Piece::Kind::hyphen ? o.hyphen_penalty
                                   : op.kind == Piece::Kind::brk    ? o.explicit_penalty
                                                                    : 0.0;
            const bool flagged = op.kind == Piece::Kind::hyphen || op.flagged;
            auto push = [&](const Item& item, const Piece& piece) {
                out.items.push_back(item);
                out.pieces.push_back(piece);
            };
            // The box before counted the letter gap after its last cluster
            // (set while the word goes on along the line); a line ending
            // here does not set it, unless a hyphen follows.
            const double gap_stretch = op.add_hyphen ? 0.0 : -sg->letter_max;
            const double gap_shrink = op.add_hyphen ? 0.0 : -sg->letter_min;
            if (o.justify) {
                if (!is_gap) {
                    push(Item::penalty_item(pre_fix, penalty, flagged, gap_stretch, gap_shrink), p);
                } else {
                    // The break is the penalty (it carries the line end's
                    // corrections); the glue after it, no break after a
                    // penalty, stretches between the two parts otherwise
                    // and goes with the break.
                    const SpaceGlue g = space_glue(t.runs[sg->run].style, o);
                    push(Item::penalty_item(pre_fix, 0.0, false, gap_stretch, gap_shrink), p);
                    push(op.between_words ? Item::word_gap(g.stretch) : Item::glue(0.0, g.stretch, 0.0), Piece{});
                }
            } else {
                push(Item::penalty_item(0.0, kInfinitePenalty), Piece{});
                push(Item::glue(0.0, o.ragged_stretch, 0.0), Piece{});
                push(Item::penalty_item(pre_fix, penalty, flagged && !is_gap), is_gap ? Piece{} : p);
                push(Item::glue(0.0, -o.ragged_stretch, 0.0), is_gap ? p : Piece{});
            }
            if (std::abs(post_fix) > kEpsilon) {
                push(Item::glue(-post_fix, 0.0, 0.0), Piece{});
                push(Item::box(post_fix), Piece{});
            }
        }
        fa = fb;
    }
}

}  // namespace galley::typeset::text

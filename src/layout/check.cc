#include "layout/check.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/spans.h"
#include "layout/value_text.h"

namespace galley::layout {
namespace {

std::string mm(Length l) { return format_length(l, LengthUnit::mm); }
std::string pt(Length l) { return format_length(l, LengthUnit::pt); }
std::string num(double v) { return format_number(v); }

class Checker {
public:
    Checker(const Layout& l, const Origins& o, Diagnostics& d) : l_(l), o_(o), d_(d) {}

    bool run() {
        // Column-relative checks make no sense on a page with no room.
        bool geometry_ok = check_page();
        check_styles(geometry_ok);
        check_tiers();
        check_spans();
        if (geometry_ok) check_boxes();
        check_furniture();
        check_labels();
        return ok_;
    }

private:
    void fail(const std::string& key, std::string message) {
        ok_ = false;
        d_.error("E-LAYOUT-INCONSISTENT", o_.where(key), std::move(message));
    }

    // Of two settings that conflict, the one the layout asked for sets
    // itself (its own file), so the message points where the user wrote.
    std::string blame(const std::string& first, const std::string& second) const {
        return o_.set_by_leaf(first) || !o_.set_by_leaf(second) ? first : second;
    }

    // Returns whether the live area and columns have room.
    bool check_page() {
        const PageGeometry& p = l_.page;
        // Margins that add up to the page leave a width of rounding dust.
        if (l_.live_width() <= Length::pt(0.01)) {
            fail("page.margin-outer", "the margins leave no live area across the page: page.width " + mm(p.width) +
                                          " minus page.margin-inner " + mm(p.margin_inner) +
                                          " and page.margin-outer " + mm(p.margin_outer) + " is " +
                                          mm(l_.live_width()));
            return false;
        }
        if (l_.live_height() <= Length::pt(0.01)) {
            fail("page.margin-bottom", "the margins leave no live area down the page: page.height " + mm(p.height) +
                                           " minus page.margin-top " + mm(p.margin_top) +
                                           " and page.margin-bottom " + mm(p.margin_bottom) + " is " +
                                           mm(l_.live_height()));
            return false;
        }
        const int n = l_.columns.count;
        bool ok = true;
        if (l_.column_width() < kMinColumnWidth) {
            ok = false;
            Length gutters = l_.columns.gutter * (n - 1);
            std::string key = gutters >= l_.live_width() ? "columns.gutter" : "columns.count";
            fail(key, "columns would be " + mm(l_.column_width()) + " wide (" + std::to_string(n) + " columns, " +
                          "columns.gutter " + mm(l_.columns.gutter) + ", live area " + mm(l_.live_width()) +
                          " wide); the narrowest allowed is " + mm(kMinColumnWidth));
        }
        if (l_.grid.origin >= l_.live_height()) {
            fail("grid.origin", "grid.origin " + mm(l_.grid.origin) + " puts the first baseline below the live area (" +
                                    mm(l_.live_height()) + " high)");
        } else if (l_.live_height() < l_.grid.origin + l_.grid.leading * (kMinBodyLines - 1)) {
            // A headline and a few lines of story must fit a page: below
            // that every article runs off the page, line after line.
            fail("page.height", "the live area (" + mm(l_.live_height()) + " high, page.height " + mm(p.height) +
                                    ") holds fewer than " + std::to_string(kMinBodyLines) + " lines of body text (" +
                                    "grid.origin " + pt(l_.grid.origin) + ", grid.leading " + pt(l_.grid.leading) +
                                    ")");
        }
        return ok;
    }

    void check_styles(bool geometry_ok) {
        const std::vector<std::string> names = enum_names<ParagraphStyleId>();
        for (std::size_t i = 0; i < names.size(); ++i) {
            const ParagraphStyle& s = l_.paragraph_styles[i];
            const std::string k = "style." + names[i] + ".";
            auto id = static_cast<ParagraphStyleId>(i);
            bool display = id == ParagraphStyleId::headline || id == ParagraphStyleId::masthead;
            check_leading(k, s.size, s.leading, display);
            if (s.word_space_min > s.word_space_natural)
                fail(k + "word-space-min", k + "word-space-min " + num(s.word_space_min) + " is more than " + k +
                                               "word-space-natural " + num(s.word_space_natural));
            if (s.word_space_natural > s.word_space_max)
                fail(k + "word-space-max", k + "word-space-max " + num(s.word_space_max) + " is less than " + k +
                                               "word-space-natural " + num(s.word_space_natural));
            if (s.hyphen_min_left + s.hyphen_min_right > s.hyphen_min_word)
                fail(k + "hyphen-min-word", k + "hyphen-min-left " + std::to_string(s.hyphen_min_left) + " plus " +
                                                "hyphen-min-right " + std::to_string(s.hyphen_min_right) +
                                                " is more than hyphen-min-word " + std::to_string(s.hyphen_min_word) +
                                                "; no word could be hyphenated");
            if (s.left_indent + s.first_line_indent < Length::pt(0))
                fail(k + "first-line-indent", k + "first-line-indent " + pt(s.first_line_indent) +
                                                  " starts the first line left of the column (left-indent is " +
                                                  pt(s.left_indent) + ")");
            if (!geometry_ok) continue;
            Length text = l_.column_width() - s.left_indent - s.right_indent -
                          std::max(s.first_line_indent, Length::pt(0));
            if (text < Length::mm(10))
                fail(k + "left-indent", k + "left-indent " + pt(s.left_indent) + " and right-indent " +
                                            pt(s.right_indent) + " leave too little of the " +
                                            mm(l_.column_width()) + " column for text");
        }
        const ParagraphStyle& body = l_.style(ParagraphStyleId::body);
        if (std::abs(body.leading.to_pt() - l_.grid.leading.to_pt()) > 1e-6)
            fail("style.body.leading", "style.body.leading " + pt(body.leading) + " differs from grid.leading " +
                                           pt(l_.grid.leading) + "; body text sits on the baseline grid");
    }

    void check_leading(const std::string& k, Length size, Length leading, bool display) {
        double floor = display ? 0.8 : 1.0;
        if (leading.to_pt() + 1e-6 < size.to_pt() * floor)
            fail(k + "leading", k + "leading " + pt(leading) + " is less than " +
                                    (display ? "0.8 x " + k + "size " + pt(size) : k + "size " + pt(size)) +
                                    "; lines would collide");
    }

    void check_tiers() {
        for (int t = 1; t <= kTierCount; ++t) {
            const std::string k = "tier." + std::to_string(t) + ".";
            check_leading(k, l_.tier(t).size, l_.tier(t).leading, true);
            if (t > 1 && l_.tier(t).size > l_.tier(t - 1).size)
                d_.warning("W-LAYOUT-TIER-ORDER", o_.where(k + "size"),
                           k + "size " + pt(l_.tier(t).size) + " is larger than tier." + std::to_string(t - 1) +
                               ".size " + pt(l_.tier(t - 1).size) + "; less important articles usually get "
                               "smaller headlines");
        }
    }

    void check_span(const std::string& key, const Span& s) {
        if (s.kind == Span::Kind::columns && s.columns > l_.columns.count)
            fail(key, key + " " + std::to_string(s.columns) + " is more than the layout's " +
                          std::to_string(l_.columns.count) + " columns");
    }

    void check_spans() {
        for_each_span(l_, [&](const std::string& key, const Span& s) { check_span(key, s); });
    }

    // A box's frame and padding on both sides must leave room for text at
    // the narrowest it is set (one column, or its span).
    void check_boxes() {
        const std::vector<std::string> names = enum_names<BoxId>();
        auto span_of = [&](BoxId id) -> const Span* {
            switch (id) {
                case BoxId::aside: return &l_.spans.aside;
                case BoxId::pullquote: return &l_.spans.pullquote;
                case BoxId::related: return &l_.spans.related;
                case BoxId::table: return &l_.spans.table;
                case BoxId::correction: return nullptr;
            }
            return nullptr;
        };
        for (std::size_t i = 0; i < names.size(); ++i) {
            const auto id = static_cast<BoxId>(i);
            const Box& b = l_.box(id);
            const Span* span = span_of(id);
            const int columns = span ? span->resolve(l_.columns.count, 1) : 1;
            const Length width = l_.column_width() * columns + l_.columns.gutter * (columns - 1);
            const Length text = width - (b.padding + b.rule_width) * 2;
            if (text < Length::mm(10))
                fail("box." + names[i] + ".padding",
                     "box." + names[i] + ".padding " + mm(b.padding) + " on both sides of a " + mm(width) + " " +
                         names[i] + " leaves " + mm(std::max(text, Length::pt(0))) +
                         " for its text; the narrowest allowed is 10mm");
        }
    }

    void check_furniture() {
        const Masthead& m = l_.furniture.masthead;
        if (m.height >= l_.live_height())
            fail("masthead.height", "masthead.height " + mm(m.height) + " leaves no room for articles on page one (" +
                                        "live area " + mm(l_.live_height()) + " high)");
        else if (l_.live_height() - m.height < l_.live_height() / 3)
            // Below that the lead story's head alone runs off page one.
            fail("masthead.height", "masthead.height " + mm(m.height) + " leaves " + mm(l_.live_height() - m.height) +
                                        " of the " + mm(l_.live_height()) + " live area for the articles on page "
                                        "one; it must leave at least a third");
        if (m.height > Length::pt(0) && m.logo_height > m.height)
            fail("masthead.logo-height", "masthead.logo-height " + mm(m.logo_height) + " is more than masthead.height " +
                                             mm(m.height));
        const PageGeometry& p = l_.page;
        // Running heads and folios sit in the margins: they must stay on
        // the page (their type's ascent above the baseline, a fifth of it
        // below), or the trim cuts them off.
        const RunningHead& rh = l_.furniture.running_head;
        const Length head_size = l_.style(ParagraphStyleId::running_head).size;
        if (rh.enabled && rh.offset + head_size * 0.8 > p.margin_top)
            fail(blame("running-head.offset", "page.margin-top"),
                 "running-head.offset " + mm(rh.offset) + " sets the running head's " + pt(head_size) +
                     " type above the page (page.margin-top is " + mm(p.margin_top) + ")");
        const Folio& f = l_.furniture.folio;
        const Length folio_size = l_.style(ParagraphStyleId::folio).size;
        const bool top = f.position == FolioPosition::top_outer || f.position == FolioPosition::top_center;
        const bool bottom = f.position == FolioPosition::bottom_outer || f.position == FolioPosition::bottom_center;
        if (top && f.offset + folio_size * 0.8 > p.margin_top)
            fail(blame("folio.offset", "page.margin-top"), "folio.offset " + mm(f.offset) + " sets the folio's " +
                                                               pt(folio_size) + " type above the page " +
                                                               "(page.margin-top is " + mm(p.margin_top) + ")");
        if (bottom && f.offset + folio_size * 0.2 > p.margin_bottom)
            fail(blame("folio.offset", "page.margin-bottom"),
                 "folio.offset " + mm(f.offset) + " sets the folio below the page (page.margin-bottom is " +
                     mm(p.margin_bottom) + ")");
        Length bleed = std::max({p.bleed_top, p.bleed_inner, p.bleed_bottom, p.bleed_outer});
        if (l_.press.crop_marks && l_.press.mark_offset < bleed)
            fail("press.mark-offset", "press.mark-offset " + mm(l_.press.mark_offset) + " is inside the " + mm(bleed) +
                                          " bleed; crop marks would print over bleeding art");
    }

    void check_labels() {
        auto once = [&](const std::string& key, const std::string& text) {
            std::size_t at = text.find("{page}");
            if (at == std::string::npos || text.find("{page}", at + 1) != std::string::npos)
                fail(key, key + " \"" + text + "\" must name the page once, as {page}");
        };
        once("label.continued-on", l_.labels.continued_on);
        once("label.continued-from", l_.labels.continued_from);
        auto names = [&](const std::string& key, const std::string& list, std::size_t count) {
            std::vector<std::string> n = label_list(list);
            bool empty = std::any_of(n.begin(), n.end(), [](const std::string& x) { return x.empty(); });
            if (n.size() != count || empty)
                fail(key, key + (empty ? " has an empty name" : " has " + std::to_string(n.size()) + " names") +
                              "; it takes " + std::to_string(count) + ", separated by commas");
        };
        names("label.months", l_.labels.months, 12);
        names("label.weekdays", l_.labels.weekdays, 7);
        const std::string& lang = l_.labels.lang;
        const bool tag = !lang.empty() && lang.size() <= 35 &&
                         std::all_of(lang.begin(), lang.end(), [](char c) {
                             return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                    c == '-';
                         }) &&
                         lang.front() != '-' && lang.back() != '-';
        if (!tag) fail("label.lang", "label.lang \"" + lang + "\" is not a language tag (en, km, ar-EG, ...)");
        const std::size_t digits = label_characters(l_.labels.digits).size();
        if (digits != 10)
            fail("label.digits", "label.digits \"" + l_.labels.digits + "\" has " + std::to_string(digits) +
                                     " characters; it takes the ten digits 0 to 9");
    }

    const Layout& l_;
    const Origins& o_;
    Diagnostics& d_;
    bool ok_ = true;
};

}  // namespace

bool check_layout(const Layout& layout, const Origins& origins, Diagnostics& diags) {
    return Checker(layout, origins, diags).run();
}

}  // namespace galley::layout

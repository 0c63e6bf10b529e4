#include "layout/spans.h"

#include <string>

namespace galley::layout {
namespace {

template <class L, class F>
void each_span(L& layout, const F& f) {
    for (int t = 1; t <= kTierCount; ++t) f("tier." + std::to_string(t) + ".span", layout.tier(t).span);
    auto& s = layout.spans;
    f("span.deck", s.deck);
    f("span.byline", s.byline);
    f("span.lead-figure", s.lead_figure);
    f("span.inline-figure", s.inline_figure);
    f("span.pullquote", s.pullquote);
    f("span.table", s.table);
    f("span.aside", s.aside);
    f("span.related", s.related);
}

}  // namespace

void for_each_span(const Layout& layout, const std::function<void(const std::string& key, const Span& span)>& f) {
    each_span(layout, f);
}

void for_each_span(Layout& layout, const std::function<void(const std::string& key, Span& span)>& f) {
    each_span(layout, f);
}

void fit_inherited_spans(Layout& layout, const Origins& origins) {
    const int count = layout.columns.count;
    const std::size_t grid_layer = origins.layer("columns.count");
    for_each_span(layout, [&](const std::string& key, Span& span) {
        if (span.kind == Span::Kind::columns && span.columns > count && origins.layer(key) > grid_layer)
            span = Span{Span::Kind::all, 1};
    });
}

}  // namespace galley::layout

// The span settings of a layout (the headline tiers' and the elements'), in
// one list for the checks and for narrowing the spans a layout inherits to a
// column grid set closer to it.
#pragma once

#include <functional>
#include <string>

#include "layout/resolve.h"
#include "layout/settings.h"

namespace galley::layout {

/// Calls `f` with each span setting's key ("tier.2.span", "span.deck", ...)
/// and value, tiers first.
void for_each_span(const Layout& layout, const std::function<void(const std::string& key, const Span& span)>& f);
void for_each_span(Layout& layout, const std::function<void(const std::string& key, Span& span)>& f);

/// A span wider than the layout's columns that comes from a layout further
/// up the chain than the one that set columns.count (a pocket edition that
/// extends the tabloid with two columns inherits its four-column headline
/// tier) becomes the whole width: the extending layout changed the grid the
/// span was written for. A span written beside the count, or closer to the
/// leaf, is left as it is, for check_layout to report.
void fit_inherited_spans(Layout& layout, const Origins& origins);

}  // namespace galley::layout

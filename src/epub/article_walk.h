// Visiting every piece of text an article shows in the digital edition, in
// document order: head, body blocks (print-only blocks left out, asides
// entered), end matter, rights. The planner uses it to find the languages
// an issue uses; the font subsetter's input comes from the written XHTML.
#pragma once

#include <functional>

#include "model/article.h"

namespace galley::epub {

/// Calls `fn` for each Inlines of `article` shown in the digital edition.
void for_each_digital_inlines(const model::Article& article, const std::function<void(const model::Inlines&)>& fn);

/// Calls `fn` for every Span (however deeply nested) in `content`.
void for_each_span(const model::Inlines& content, const std::function<void(const model::Span&)>& fn);

}  // namespace galley::epub

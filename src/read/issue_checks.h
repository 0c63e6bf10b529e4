// What a schema cannot check, across the whole issue: unique article ids,
// related-item references that name an article of the issue, and articles
// whose body is all for the other edition.
#pragma once

#include "base/diagnostic.h"
#include "model/issue.h"

namespace galley::read {

/// Adds E-ID-DUPLICATE and E-REF-UNKNOWN errors, and W-ARTICLE-EDITION-EMPTY
/// for an article whose body blocks are all marked for one edition (the
/// other gets its head alone). Returns the ids of the articles that carry
/// an error.
std::vector<std::string> check_issue(const model::Issue& issue, Diagnostics& diags);

}  // namespace galley::read

// What the document says about itself: metadata (title, authors, subject,
// keywords, creator, date, language), the outline (sections, then their
// articles, each with page and position) and links between articles
// ("More stories" items naming another article of the issue).
#pragma once

#include <map>

#include "model/issue.h"
#include "page/page.h"
#include "typeset/compose/compose.h"
#include "typeset/compose/paginate.h"

namespace galley::typeset {

page::Metadata document_metadata(const model::Issue& issue, const layout::Labels& labels,
                                 const ComposeOptions& options);

std::vector<page::OutlineEntry> document_outline(const model::Issue& issue,
                                                 const std::map<const model::Article*, ArticleStart>& starts);

/// The prefix of link URIs that name an article of the issue by id; they
/// become internal links to where the article starts (or are dropped).
inline constexpr const char* kArticleLinkPrefix = "galley-article:";

/// Points `link`, when it names an article, at where that article starts;
/// false when it names one that is not on any page (the link goes).
bool resolve_article_link(page::Link& link, const model::Issue& issue,
                          const std::map<const model::Article*, ArticleStart>& starts);

void resolve_article_links(page::Document& doc, const model::Issue& issue,
                           const std::map<const model::Article*, ArticleStart>& starts);

}  // namespace galley::typeset

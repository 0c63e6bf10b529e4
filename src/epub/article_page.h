// One article as one XHTML content document:
//   <article>
//     <header> kicker, h1 headline, deck (doc-subtitle), bylines </header>
//     lead figure(s), dateline, body blocks
//     <footer> tagline, corrections (doc-errata), related articles, rights </footer>
//   </article>
#pragma once

#include <string>

#include "epub/book_plan.h"

namespace galley::epub {

std::string article_page(const BookPlan& plan, const ArticleEntry& entry);

}  // namespace galley::epub

// Preparing an article for pages: its body and end matter become one
// column flow (body_flow.h), set once at column width; the headline block
// is built later, once its width is known (head_block.h).
#pragma once

#include <string>

#include "model/article.h"
#include "typeset/compose/compose_context.h"

namespace galley::typeset {

struct PreparedArticle {
    const model::Article* article = nullptr;
    int section = 0;    ///< index into Issue::sections
    int span = 1;       ///< columns of its headline tier
    bool rtl = false;   ///< its language is written right to left: its columns are read from the right
    std::string title;  ///< the headline as plain text
    Stream body;
};

PreparedArticle prepare_article(ComposeContext& ctx, const model::Article& article, int section);

}  // namespace galley::typeset

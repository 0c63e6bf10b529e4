#include "epub/article_walk.h"

#include <type_traits>
#include <variant>

#include "epub/book_plan.h"

namespace galley::epub {
namespace {

using Fn = std::function<void(const model::Inlines&)>;

void walk_blocks(const std::vector<model::Block>& blocks, const Fn& fn) {
    for (const model::Block* b : digital_blocks(blocks)) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Paragraph> || std::is_same_v<T, model::Subhead>) {
                    fn(n.content);
                } else if constexpr (std::is_same_v<T, model::Blockquote> || std::is_same_v<T, model::PullQuote>) {
                    for (const model::Paragraph& p : n.quote.paragraphs) fn(p.content);
                    fn(n.quote.attribution);
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    fn(n.caption);
                    fn(n.credit);
                } else if constexpr (std::is_same_v<T, model::List>) {
                    for (const model::Inlines& item : n.items) fn(item);
                } else if constexpr (std::is_same_v<T, model::Aside>) {
                    fn(n.title);
                    walk_blocks(n.blocks, fn);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    fn(n.caption);
                    if (n.head)
                        for (const model::Cell& c : n.head->cells) fn(c.content);
                    for (const model::Row& r : n.rows)
                        for (const model::Cell& c : r.cells) fn(c.content);
                } else {
                    static_assert(std::is_same_v<T, model::Separator>);
                }
            },
            b->node);
    }
}

}  // namespace

void for_each_digital_inlines(const model::Article& article, const Fn& fn) {
    fn(article.head.kicker);
    fn(article.head.headline);
    fn(article.head.deck);
    for (const model::Inlines& b : article.head.bylines) fn(b);
    fn(article.head.dateline);
    walk_blocks(article.body, fn);
    fn(article.end.tagline);
    for (const model::Inlines& c : article.end.corrections) fn(c);
    for (const model::RelatedItem& r : article.end.related) {
        fn(r.kicker);
        fn(r.title);
        fn(r.teaser);
    }
    fn(article.meta.rights);
}

void for_each_span(const model::Inlines& content, const std::function<void(const model::Span&)>& fn) {
    for (const model::Inline& in : content) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Span>) fn(n);
                if constexpr (requires { n.content; }) for_each_span(n.content, fn);
            },
            in.node);
    }
}

}  // namespace galley::epub

#include "typeset/compose/document_info.h"

#include <algorithm>
#include <string_view>
#include <variant>

#include "layout/label_text.h"
#include "typeset/compose/head_block.h"

namespace galley::typeset {

namespace {

void add_unique(std::vector<std::string>& list, std::string value) {
    if (value.empty()) return;
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(std::move(value));
}

void collect_people(const model::Inlines& content, std::vector<std::string>& people) {
    for (const model::Inline& in : content) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, model::Person>) {
                    std::string name = model::plain_text(node.content);
                    for (char& c : name)
                        if (c == '\n') c = ' ';
                    add_unique(people, name);
                } else if constexpr (requires { node.content; }) {
                    collect_people(node.content, people);
                }
            },
            in.node);
    }
}

std::string join(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& s : list) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace

page::Metadata document_metadata(const model::Issue& issue, const layout::Labels& labels,
                                 const ComposeOptions& options) {
    page::Metadata meta;
    meta.title = layout::edition_title(issue.publication, issue.date, issue.title, labels);
    std::vector<std::string> people;
    std::vector<std::string> keywords;
    for (const model::Section& s : issue.sections) {
        for (const model::Article& a : s.articles) {
            for (const model::Inlines& byline : a.head.bylines) collect_people(byline, people);
            for (const std::string& k : a.meta.keywords) add_unique(keywords, k);
        }
    }
    meta.author = join(people);
    meta.keywords = join(keywords);
    meta.subject = issue.publication;
    meta.creator = options.creator;
    meta.date = options.date.empty() ? issue.date : options.date;
    meta.lang = options.lang.empty() ? issue.lang : options.lang;
    return meta;
}

std::vector<page::OutlineEntry> document_outline(const model::Issue& issue,
                                                 const std::map<const model::Article*, ArticleStart>& starts) {
    std::vector<page::OutlineEntry> out;
    for (const model::Section& s : issue.sections) {
        std::vector<page::OutlineEntry> articles;
        for (const model::Article& a : s.articles) {
            auto it = starts.find(&a);
            if (it == starts.end()) continue;
            articles.push_back(page::OutlineEntry{headline_text(a), 2, it->second.page, it->second.y});
        }
        if (articles.empty()) continue;
        auto first = std::min_element(articles.begin(), articles.end(), [](const auto& x, const auto& y) {
            return x.page != y.page ? x.page < y.page : x.y < y.y;
        });
        out.push_back(page::OutlineEntry{s.title, 1, first->page, first->y});
        out.insert(out.end(), articles.begin(), articles.end());
    }
    return out;
}

bool resolve_article_link(page::Link& link, const model::Issue& issue,
                          const std::map<const model::Article*, ArticleStart>& starts) {
    std::string_view prefix = kArticleLinkPrefix;
    if (link.uri.compare(0, prefix.size(), prefix) != 0) return true;
    const model::Article* target = issue.find_article(link.uri.substr(prefix.size()));
    auto it = target ? starts.find(target) : starts.end();
    if (it == starts.end()) return false;
    link.uri.clear();
    link.target_page = it->second.page;
    link.target_y = it->second.y;
    return true;
}

void resolve_article_links(page::Document& doc, const model::Issue& issue,
                           const std::map<const model::Article*, ArticleStart>& starts) {
    for (page::Page& p : doc.pages) {
        std::vector<page::Item> kept;
        kept.reserve(p.items.size());
        for (page::Item& item : p.items) {
            auto* link = std::get_if<page::Link>(&item);
            if (link && !resolve_article_link(*link, issue, starts)) continue;
            kept.push_back(std::move(item));
        }
        p.items = std::move(kept);
    }
}

}  // namespace galley::typeset

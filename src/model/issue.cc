#include "model/issue.h"

namespace galley::model {

std::size_t Issue::article_count() const {
    std::size_t n = 0;
    for (const Section& s : sections) n += s.articles.size();
    return n;
}

const Article* Issue::find_article(const std::string& article_id) const {
    for (const Section& s : sections)
        for (const Article& a : s.articles)
            if (a.id == article_id) return &a;
    return nullptr;
}

}  // namespace galley::model

// The whole edition: what the reader produces and every backend consumes.
// Plain values only: no libxml2, Pango, Cairo or libzip types.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/article.h"
#include "model/block.h"

namespace galley::model {

struct Section {
    std::string title;
    std::vector<Article> articles;
};

struct Issue {
    std::string id;            ///< matches [a-z0-9][a-z0-9-]*; names the output files
    std::string lang;          ///< BCP 47
    std::string publication;
    std::string title;         ///< optional issue title
    std::string date;          ///< YYYY-MM-DD
    std::string volume;
    std::string number;
    std::string publisher;
    std::string issn;
    std::string identifier;    ///< URN or DOI naming this issue, or empty
    std::optional<Image> logo;
    std::optional<Image> cover;
    /// The publisher's own advertisements, in the manifest's order: the
    /// print edition may put each in a hole at a page's foot.
    std::vector<Image> house_ads;
    std::string layout;        ///< a bundled layout's name, or empty
    std::string root;          ///< the issue folder as given on the command line
    bool has_manifest = false;
    std::vector<Section> sections;

    std::size_t article_count() const;
    /// The article with this id, or null.
    const Article* find_article(const std::string& article_id) const;
};

}  // namespace galley::model

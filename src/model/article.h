// One story: metadata, head, body blocks and end matter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/block.h"
#include "model/inline.h"

namespace galley::model {

struct Meta {
    std::string section;                ///< empty when the article names none
    std::string published;              ///< xs:date or xs:dateTime as written; may be empty
    std::string updated;
    std::optional<int> priority;        ///< 1 = lead .. 5
    std::vector<std::string> keywords;
    Inlines rights;
};

struct Head {
    Inlines kicker;
    Inlines headline;
    Inlines deck;
    std::vector<Inlines> bylines;
    Inlines dateline;
};

struct RelatedItem {
    std::string ref;   ///< id of an article in the issue, or empty
    std::string href;  ///< external link, or empty
    Inlines kicker;
    Inlines title;
    Inlines teaser;
    SourceLocation where;
};

struct End {
    Inlines tagline;
    std::vector<Inlines> corrections;
    std::vector<RelatedItem> related;
};

struct Article {
    std::string id;
    std::string lang;          ///< BCP 47, inherited from the issue when absent
    std::string file;          ///< the source file, relative to the issue folder
    SourceLocation where;      ///< the <article> element
    Meta meta;
    Head head;
    std::vector<Block> body;
    End end;

    /// The priority used for ordering and headline tiers (3 when unset).
    int effective_priority() const { return meta.priority.value_or(3); }
};

}  // namespace galley::model

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
    SourceLocation rights_at;  ///< see Article::located
};

struct Head {
    Inlines kicker;
    Inlines headline;
    Inlines deck;
    std::vector<Inlines> bylines;
    Inlines dateline;
    /// Where each element is written, for diagnostics about its text (see
    /// Article::located); bylines_at runs parallel to bylines.
    SourceLocation kicker_at, headline_at, deck_at, dateline_at;
    std::vector<SourceLocation> bylines_at;
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
    SourceLocation tagline_at;                  ///< see Article::located
    std::vector<SourceLocation> corrections_at;  ///< parallel to corrections
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

    /// Where a head or end element is written: `at` when the reader knew
    /// (line > 0), else the <article> element.
    const SourceLocation& located(const SourceLocation& at) const { return at.line > 0 ? at : where; }
    /// The same for the i-th of a repeated element (bylines_at, corrections_at).
    const SourceLocation& located(const std::vector<SourceLocation>& at, std::size_t i) const {
        return i < at.size() ? located(at[i]) : where;
    }
};

}  // namespace galley::model

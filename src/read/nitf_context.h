// Shared by the NITF reader's parts (nitf_reader.cc, nitf_blocks.cc,
// nitf_inlines.cc): the reading context and the once-per-kind reporter.
// Internal to src/read.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/tree.h>

#include "model/article.h"
#include "read/image_resolver.h"
#include "xml/document.h"

namespace galley::read::nitf {

/// Warnings, sparingly: one per kind per file. The first occurrence gives
/// the location and the message; later ones are counted and their lines
/// listed. Metadata left out is gathered into one warning.
class Reporter {
public:
    void warn(const std::string& code, const std::string& kind, const SourceLocation& where,
              const std::string& message);
    /// An element of metadata galley has no place for (no visible text lost).
    void metadata_left_out(const std::string& element, const SourceLocation& where);
    void flush(Diagnostics& diags);

private:
    struct Entry {
        std::string code;
        SourceLocation where;
        std::string message;
        std::vector<int> lines;  // every occurrence, the first included
    };
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t> index_;  // code + kind -> entries_
    std::vector<std::pair<std::string, int>> metadata_;  // element, count, in first-seen order
    SourceLocation metadata_where_;
};

struct Context {
    const xml::Document& doc;
    ImageResolver& images;
    std::filesystem::path article_dir;
    Diagnostics& diags;  ///< errors (image refusals, no headline) go straight here
    model::Article& article;
    Reporter report;
    std::string ns;            ///< the root's namespace URI, "" when none
    bool seen_paragraph = false;  ///< a paragraph came before: no lead picture after it
    bool seen_media = false;      ///< only the first <media> may be the lead

    SourceLocation where(const xmlNode* n) const { return doc.where(n); }
};

/// Whether `n` is an element of the NITF vocabulary: no namespace, or the
/// root's namespace. Elements of other namespaces are unknown markup.
bool in_nitf(const Context& c, const xmlNode* n);
/// The element's name as written for messages: "p", "xhtml:b".
std::string shown_name(const xmlNode* n);
/// "<name>" for messages.
std::string tag(const xmlNode* n);

/// How text elements are read.
struct TextMode {
    bool byline = false;          ///< person -> model::Person
    model::PersonRole role = model::PersonRole::author;
    bool in_link = false;         ///< no link inside a link
    /// Children of the element read_text() is given that it leaves out
    /// (an item's nested lists, a quotation's credit).
    const std::vector<const xmlNode*>* skip = nullptr;
};

/// The mixed content of `element` as Inlines, white space collapsed as the
/// galley reader does. Blocks carry no language in the model, so when the
/// language in force at `element` (its xml:lang or an ancestor's) is not
/// the article's, the content is wrapped in a Span of that language.
model::Inlines read_text(Context& c, const xmlNode* element, TextMode mode = {});
/// The same for a run of sibling nodes (text and inline elements standing
/// outside any paragraph).
model::Inlines read_nodes(Context& c, const std::vector<const xmlNode*>& nodes);
/// `raw` as a language tag (xs:language: en, km, en-GB, zh-Hant): trimmed,
/// '_' read as '-' ("en_US" -> "en-US"). Nothing when it is not one.
std::optional<std::string> language_tag(std::string_view raw);

/// Whether `name` is an inline element of NITF (or of the HTML that turns
/// up in it) that read_text() maps.
bool is_inline_name(std::string_view name);
/// Collapsed plain text of an element (attributes ignored).
std::string plain(const xmlNode* element);
/// Whitespace collapsed and trimmed.
std::string squash(std::string_view s);

/// body.content (or a block, a note...) -> blocks, appended to `out`.
void read_body_content(Context& c, const xmlNode* parent, std::vector<model::Block>& out);

/// table -> a table block, appended to `out` (nitf_tables.cc).
void read_table(Context& c, const xmlNode* table, std::vector<model::Block>& out);

/// One block-level element (p, media, note, ...) -> blocks, appended to `out`.
void read_block(Context& c, const xmlNode* element, std::vector<model::Block>& out);

/// Whether `name` is an element NITF uses at block level.
bool is_block_name(std::string_view name);

}  // namespace galley::read::nitf

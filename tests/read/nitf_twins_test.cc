// NITF samples produce the same model as their hand-written galley XML
// twins (issue 5): tests/read/nitf/twins/nitf/X.xml and .../galley/X.xml are
// read as two issues and every article is compared part by part.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "read/read_test_support.h"

namespace model = galley::model;
using galley::test::read_for_test;
using galley::test::source_dir;

namespace {

// A readable dump of inline content: text as is, markup as name{...}.
void dump_inlines(const model::Inlines& content, std::ostream& out) {
    for (const model::Inline& in : content) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Text>) {
                    out << n.text;
                } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                    out << "{br}";
                } else {
                    if constexpr (std::is_same_v<T, model::Emphasis>) out << "em{";
                    if constexpr (std::is_same_v<T, model::Strong>) out << "strong{";
                    if constexpr (std::is_same_v<T, model::Link>) out << "a(" << n.href << "){";
                    if constexpr (std::is_same_v<T, model::Span>) out << "span(" << n.lang << "){";
                    if constexpr (std::is_same_v<T, model::Subscript>) out << "sub{";
                    if constexpr (std::is_same_v<T, model::Superscript>) out << "sup{";
                    if constexpr (std::is_same_v<T, model::Person>) out << "person(" << model::role_name(n.role) << "){";
                    dump_inlines(n.content, out);
                    out << "}";
                }
            },
            in.node);
    }
}

std::string text(const model::Inlines& content) {
    std::ostringstream out;
    dump_inlines(content, out);
    return out.str();
}

const char* align_name(model::Align a) {
    switch (a) {
        case model::Align::start: return "start";
        case model::Align::left: return "left";
        case model::Align::right: return "right";
        case model::Align::center: return "center";
    }
    return "?";
}

void dump_row(const model::Row& row, const std::string& label, std::vector<std::string>& out) {
    std::string line = label + ":";
    for (const model::Cell& cell : row.cells) line += " [" + std::string(align_name(cell.align)) + "] " + text(cell.content) + " |";
    out.push_back(line);
}

void dump_blocks(const std::vector<model::Block>& blocks, const std::string& indent, std::vector<std::string>& out) {
    for (const model::Block& b : blocks) {
        std::string edition = b.edition == model::Edition::both ? "" : b.edition == model::Edition::print ? " (print)" : " (digital)";
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Paragraph>) {
                    out.push_back(indent + "p" + edition + ": " + text(n.content));
                } else if constexpr (std::is_same_v<T, model::Subhead>) {
                    out.push_back(indent + "subhead" + edition + ": " + text(n.content));
                } else if constexpr (std::is_same_v<T, model::Blockquote> || std::is_same_v<T, model::PullQuote>) {
                    out.push_back(indent + (std::is_same_v<T, model::Blockquote> ? "blockquote" : "pullquote") + edition);
                    for (const model::Paragraph& p : n.quote.paragraphs) out.push_back(indent + "  p: " + text(p.content));
                    out.push_back(indent + "  attribution: " + text(n.quote.attribution));
                } else if constexpr (std::is_same_v<T, model::Figure>) {
                    out.push_back(indent + "figure" + edition +
                                  (n.placement == model::Placement::lead ? " lead" : " inline"));
                    out.push_back(indent + "  image: " + n.image.src + " -> " + n.image.path + " " +
                                  model::format_name(n.image.format) + " " + std::to_string(n.image.width_px) + "x" +
                                  std::to_string(n.image.height_px) + " alt=" + n.image.alt.value_or("(none)"));
                    out.push_back(indent + "  caption: " + text(n.caption));
                    out.push_back(indent + "  credit: " + text(n.credit));
                } else if constexpr (std::is_same_v<T, model::List>) {
                    out.push_back(indent + (n.type == model::ListType::number ? "list number" : "list bullet") + edition);
                    for (const model::Inlines& item : n.items) out.push_back(indent + "  item: " + text(item));
                } else if constexpr (std::is_same_v<T, model::Aside>) {
                    out.push_back(indent + "aside" + edition + ": " + text(n.title));
                    dump_blocks(n.blocks, indent + "  ", out);
                } else if constexpr (std::is_same_v<T, model::Table>) {
                    out.push_back(indent + "table" + edition + ": " + text(n.caption));
                    if (n.head) dump_row(*n.head, indent + "  head", out);
                    for (const model::Row& r : n.rows) dump_row(r, indent + "  row", out);
                } else if constexpr (std::is_same_v<T, model::Separator>) {
                    out.push_back(indent + "separator" + edition);
                }
            },
            b.node);
    }
}

// Everything of an article except where it came from (file, lines).
std::vector<std::string> dump(const model::Article& a) {
    std::vector<std::string> out;
    out.push_back("id: " + a.id);
    out.push_back("lang: " + a.lang);
    out.push_back("section: " + a.meta.section);
    out.push_back("published: " + a.meta.published);
    out.push_back("updated: " + a.meta.updated);
    out.push_back("priority: " + (a.meta.priority ? std::to_string(*a.meta.priority) : std::string("-")));
    for (const std::string& k : a.meta.keywords) out.push_back("keyword: " + k);
    out.push_back("rights: " + text(a.meta.rights));
    out.push_back("kicker: " + text(a.head.kicker));
    out.push_back("headline: " + text(a.head.headline));
    out.push_back("deck: " + text(a.head.deck));
    for (const model::Inlines& b : a.head.bylines) out.push_back("byline: " + text(b));
    out.push_back("dateline: " + text(a.head.dateline));
    dump_blocks(a.body, "", out);
    out.push_back("tagline: " + text(a.end.tagline));
    for (const model::Inlines& c : a.end.corrections) out.push_back("correction: " + text(c));
    for (const model::RelatedItem& r : a.end.related)
        out.push_back("related: " + r.ref + " " + r.href + " " + text(r.kicker) + " / " + text(r.title) + " / " +
                      text(r.teaser));
    return out;
}

std::map<std::string, const model::Article*> by_file(const model::Issue& issue) {
    std::map<std::string, const model::Article*> out;
    for (const model::Section& s : issue.sections)
        for (const model::Article& a : s.articles) out[a.file] = &a;
    return out;
}

void check_same(const model::Article& nitf, const model::Article& galley) {
    std::vector<std::string> x = dump(nitf), y = dump(galley);
    for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
        INFO("line " << i << " of the dump of " << nitf.file);
        CHECK((i < x.size() ? x[i] : "(nothing)") == (i < y.size() ? y[i] : "(nothing)"));
    }
}

}  // namespace

TEST_CASE("NITF samples read into the same model as their galley XML twins") {
    auto twins = source_dir() / "tests/read/nitf/twins";
    auto nitf = read_for_test(twins / "nitf", twins / "nitf");
    auto galley = read_for_test(twins / "galley", twins / "galley");
    REQUIRE(nitf.result.issue);
    REQUIRE(galley.result.issue);
    CHECK(galley.lines.empty());
    CHECK(nitf.result.failed_articles.empty());
    auto n = by_file(*nitf.result.issue);
    auto g = by_file(*galley.result.issue);
    REQUIRE(n.size() == 3);
    REQUIRE(g.size() == 3);
    for (const char* file : {"market.xml", "flood.xml", "results.xml"}) {
        REQUIRE(n.count(file) == 1);
        REQUIRE(g.count(file) == 1);
        check_same(*n[file], *g[file]);
    }
    // The issues derived from the two folders agree too.
    CHECK(nitf.result.issue->date == galley.result.issue->date);
    CHECK(nitf.result.issue->lang == galley.result.issue->lang);
    REQUIRE(nitf.result.issue->sections.size() == galley.result.issue->sections.size());
    for (std::size_t i = 0; i < nitf.result.issue->sections.size(); ++i) {
        const auto& ns = nitf.result.issue->sections[i];
        const auto& gs = galley.result.issue->sections[i];
        CHECK(ns.title == gs.title);
        REQUIRE(ns.articles.size() == gs.articles.size());
        for (std::size_t k = 0; k < ns.articles.size(); ++k) CHECK(ns.articles[k].id == gs.articles[k].id);
    }
}

TEST_CASE("the NITF samples say what they left out, and nothing else") {
    auto twins = source_dir() / "tests/read/nitf/twins";
    auto r = read_for_test(twins / "nitf", twins / "nitf");
    CHECK(r.lines == std::vector<std::string>{
                         "flood.xml:2:117: warning: DOCTYPE accepted but not loaded (<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD "
                         "NITF 3.3//EN\" \"http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd\">): "
                         "galley never reads a DTD, so no entity or default attribute of it applies [W-NITF-DOCTYPE]",
                         "flood.xml:15: warning: metadata galley has no place for was left out: <date.expire>, "
                         "<ed-msg> [W-NITF-UNMAPPED]",
                         "market.xml:9: warning: metadata galley has no place for was left out: <meta>, <tobject>, "
                         "<fixture> [W-NITF-UNMAPPED]",
                         "results.xml:8: warning: doc-id 'SPORT_Natation_2008.06.12' does not fit galley's id "
                         "pattern: the article id is 'sport-natation-2008-06-12' [W-NITF-ID]",
                     });
}

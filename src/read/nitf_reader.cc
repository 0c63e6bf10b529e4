// <nitf>: head (title, docdata, pubdata), body.head (hedline, byline,
// dateline, abstract, ...), body.content, body.end -> model::Article.
// docs/nitf.md is the mapping table.
#include "read/nitf_reader.h"

#include "read/nitf_context.h"
#include "read/nitf_dates.h"

namespace galley::read {
namespace {

using namespace galley::model;
using nitf::Context;
using nitf::plain;
using nitf::read_text;
using nitf::shown_name;
using nitf::squash;
using nitf::tag;

// What the head and body.head say, gathered before the article is built
// (several sources compete for some fields).
struct Gathered {
    std::string doc_id;
    SourceLocation doc_id_where;
    struct DateSource {
        std::string text;
        std::string what;  // "<date.issue norm>"
        SourceLocation where;
    };
    std::vector<DateSource> dates;  // in order of preference
    Inlines title;                  // head/title, the headline's fallback
    Inlines abstract;
    const xmlNode* abstract_node = nullptr;
    Inlines copyright;              // docdata/doc.copyright, doc.rights
    Inlines body_rights;            // body.head/rights
    Inlines series;                 // the kicker
};

std::string lower_ascii(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// Any namespace that says NITF counts as NITF's
// (http://iptc.org/std/NITF/2006-10-18/ and its siblings).
bool nitf_namespace(const std::string& uri) { return lower_ascii(uri).find("nitf") != std::string::npos; }

// [a-z0-9][a-z0-9-]*: lowercased, other runs become one hyphen, trimmed.
std::string fit_id(const std::string& raw) {
    std::string out;
    for (unsigned char ch : raw) {
        char lc = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
        if ((lc >= 'a' && lc <= 'z') || (lc >= '0' && lc <= '9'))
            out += lc;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::optional<std::string> attr(const xmlNode* n, const char* name) {
    auto v = xml::attribute(n, name);
    if (!v) return std::nullopt;
    std::string s = squash(*v);
    if (s.empty()) return std::nullopt;
    return s;
}

Inlines text_inlines(std::string s) {
    Inlines out;
    if (!s.empty()) out.push_back({Text{std::move(s)}});
    return out;
}

// NITF urgency (1 most urgent, 5 normal, 8 least) -> priority 1..5.
std::optional<int> priority_from_urgency(const std::string& u) {
    if (u.size() != 1 || u[0] < '1' || u[0] > '8') return std::nullopt;
    static constexpr int map[] = {1, 2, 2, 3, 3, 4, 4, 5};
    return map[u[0] - '1'];
}

void read_docdata(Context& c, const xmlNode* docdata, Gathered& g) {
    for (xmlNode* n : xml::children(docdata)) {
        std::string name = shown_name(n);
        if (!nitf::in_nitf(c, n)) {
            c.report.metadata_left_out(tag(n).substr(1, tag(n).size() - 2), c.where(n));
        } else if (name == "doc-id") {
            if (auto id = attr(n, "id-string"); id && g.doc_id.empty()) {
                g.doc_id = *id;
                g.doc_id_where = c.where(n);
            }
        } else if (name == "date.issue" || name == "date.release") {
            if (auto norm = attr(n, "norm")) g.dates.push_back({*norm, "<" + name + " norm>", c.where(n)});
        } else if (name == "key-list") {
            for (xmlNode* k : xml::children(n)) {
                if (xml::name(k) != "keyword") {
                    c.report.metadata_left_out(shown_name(k), c.where(k));
                    continue;
                }
                std::string key = attr(k, "key").value_or(plain(k));
                if (!key.empty()) c.article.meta.keywords.push_back(key);
            }
        } else if (name == "doc.copyright") {
            auto year = attr(n, "year");
            auto holder = attr(n, "holder");
            if (year || holder) {
                std::string s = "\u00A9";
                if (year) s += " " + *year;
                if (holder) s += " " + *holder;
                g.copyright = text_inlines(s);
            }
        } else if (name == "doc.rights") {
            auto owner = attr(n, "owner");
            auto limits = attr(n, "limitations");
            if (g.copyright.empty() && (owner || limits)) {
                std::string s;
                if (owner) s = "\u00A9 " + *owner;
                if (limits) s += (s.empty() ? "" : ". ") + *limits;
                g.copyright = text_inlines(s);
            }
        } else if (name == "urgency") {
            if (auto p = priority_from_urgency(attr(n, "ed-urg").value_or("")))
                c.article.meta.priority = *p;
        } else if (name == "correction") {
            // An earlier version's error, told in @info.
            if (auto info = attr(n, "info")) c.article.end.corrections.push_back(text_inlines(*info));
        } else if (name == "series") {
            if (auto s = attr(n, "series.name"); s && g.series.empty()) g.series = text_inlines(*s);
        } else {
            // evloc, del-list, fixture, doc-scope, ed-msg, du-key,
            // identified-content, date.expire, ...
            c.report.metadata_left_out(name, c.where(n));
        }
    }
}

void read_pubdata(Context& c, const xmlNode* n, Gathered& g) {
    if (auto s = attr(n, "position.section"); s && c.article.meta.section.empty()) c.article.meta.section = *s;
    if (auto d = attr(n, "date.publication")) g.dates.push_back({*d, "<pubdata date.publication>", c.where(n)});
}

void read_head(Context& c, const xmlNode* head, Gathered& g) {
    for (xmlNode* n : xml::children(head)) {
        std::string name = shown_name(n);
        if (!nitf::in_nitf(c, n)) {
            c.report.metadata_left_out(tag(n).substr(1, tag(n).size() - 2), c.where(n));
        } else if (name == "title") {
            g.title = read_text(c, n);
        } else if (name == "docdata") {
            read_docdata(c, n, g);
        } else if (name == "pubdata") {
            read_pubdata(c, n, g);
        } else if (name == "meta") {
            std::string key = lower_ascii(attr(n, "name").value_or(""));
            // name="language" was read first (article_language); the rest
            // is metadata galley does not use.
            if (key != "language" && key != "lang" && key != "dc.language")
                c.report.metadata_left_out(name, c.where(n));
        } else {
            // tobject, iim, revision-history, ...
            c.report.metadata_left_out(name, c.where(n));
        }
    }
}

void append(Inlines& to, Inlines more) {
    if (!to.empty() && !more.empty()) to.push_back({Text{" "}});
    for (Inline& in : more) to.push_back(std::move(in));
}

// The role of the people in one byline, from its words: "Photos by ...".
PersonRole byline_role(const xmlNode* byline) {
    std::string t = lower_ascii(plain(byline));
    if (t.rfind("photo", 0) == 0 || t.rfind("pictures by", 0) == 0) return PersonRole::photographer;
    if (t.rfind("additional reporting", 0) == 0 || t.rfind("contribut", 0) == 0) return PersonRole::contributor;
    if (t.rfind("edited by", 0) == 0) return PersonRole::editor;
    return PersonRole::author;
}

void read_hedline(Context& c, const xmlNode* hedline) {
    Head& h = c.article.head;
    for (xmlNode* n : xml::children(hedline)) {
        std::string name = shown_name(n);
        Inlines text = read_text(c, n);
        if (!nitf::in_nitf(c, n) || (name != "hl1" && name != "hl2")) {
            c.report.warn("W-NITF-UNMAPPED", "in hedline " + name, c.where(n),
                          tag(n) + " in <hedline>: its text is added to the headline");
            append(h.headline, std::move(text));
        } else if (name == "hl1") {
            if (h.headline_at.line == 0) h.headline_at = c.where(n);
            if (!h.headline.empty())
                c.report.warn("W-NITF-UNMAPPED", "second hl1", c.where(n),
                              "a second <hl1>: its text is added to the headline");
            append(h.headline, std::move(text));
        } else {
            if (h.deck_at.line == 0) h.deck_at = c.where(n);
            if (!h.deck.empty())
                c.report.warn("W-NITF-UNMAPPED", "second hl2", c.where(n),
                              "a second <hl2> in <hedline>: its text is added to the deck");
            append(h.deck, std::move(text));
        }
    }
}

void read_body_head(Context& c, const xmlNode* bh, Gathered& g, std::vector<Block>& front) {
    Head& h = c.article.head;
    for (xmlNode* n : xml::children(bh)) {
        std::string name = shown_name(n);
        if (!nitf::in_nitf(c, n)) {
            c.report.warn("W-NITF-UNMAPPED", "in body.head " + name, c.where(n),
                          tag(n) + " in <body.head> is not NITF markup: left out");
        } else if (name == "hedline") {
            read_hedline(c, n);
        } else if (name == "byline") {
            nitf::TextMode mode;
            mode.byline = true;
            mode.role = byline_role(n);
            Inlines text = read_text(c, n, mode);
            if (!is_blank(text)) {
                h.bylines.push_back(std::move(text));
                h.bylines_at.push_back(c.where(n));
            }
        } else if (name == "distributor") {
            Inlines text = read_text(c, n);
            if (!is_blank(text)) {
                h.bylines.push_back(std::move(text));
                h.bylines_at.push_back(c.where(n));
            }
        } else if (name == "dateline") {
            if (!h.dateline.empty()) {
                c.report.warn("W-NITF-UNMAPPED", "second dateline", c.where(n),
                              "a second <dateline>: galley has one, this one is left out");
                continue;
            }
            h.dateline = read_text(c, n);
            h.dateline_at = c.where(n);
            for (xmlNode* d : xml::children(n))
                if (xml::name(d) == "story.date")
                    if (auto norm = attr(d, "norm")) g.dates.push_back({*norm, "<story.date norm>", c.where(d)});
        } else if (name == "abstract") {
            g.abstract = read_text(c, n);
            g.abstract_node = n;
        } else if (name == "rights") {
            g.body_rights = read_text(c, n);
        } else if (name == "series") {
            if (auto s = attr(n, "series.name"))
                g.series = text_inlines(*s);
            else if (Inlines t = read_text(c, n); !is_blank(t))
                g.series = std::move(t);
        } else if (name == "note") {
            // An editor's note over the story: set before the text.
            bool seen = c.seen_paragraph;
            nitf::read_block(c, n, front);
            c.seen_paragraph = seen;
        } else {
            c.report.warn("W-NITF-UNMAPPED", "in body.head " + name, c.where(n),
                          tag(n) + " in <body.head> has no counterpart in galley: left out");
        }
    }
}

void read_body_end(Context& c, const xmlNode* be, std::vector<Block>& body) {
    for (xmlNode* n : xml::children(be)) {
        std::string name = shown_name(n);
        if (nitf::in_nitf(c, n) && name == "tagline") {
            Inlines text = read_text(c, n);
            if (is_blank(text)) continue;
            Inlines& tagline = c.article.end.tagline;
            if (!tagline.empty()) tagline.push_back({LineBreak{}});
            for (Inline& in : text) tagline.push_back(std::move(in));
        } else {
            // bibliography and anything else: its text, after the body.
            Inlines text = read_text(c, n);
            if (is_blank(text)) {
                c.report.warn("W-NITF-UNMAPPED", "end " + name, c.where(n), tag(n) + " in <body.end>: left out");
                continue;
            }
            c.report.warn("W-NITF-UNMAPPED", "end " + name, c.where(n),
                          tag(n) + " in <body.end> has no counterpart in galley: its text is kept as the last "
                                   "paragraph");
            Block b;
            b.where = c.where(n);
            b.node = Paragraph{std::move(text)};
            body.push_back(std::move(b));
        }
    }
}

std::string file_stem(const std::string& relative_file) {
    std::string name = relative_file.substr(relative_file.find_last_of('/') + 1);
    std::size_t dot = name.find('.');
    return dot == std::string::npos ? name : name.substr(0, dot);
}

// The article's language: xml:lang on <nitf>, its baselang, xml:lang on
// <head>, <docdata> or <body>, then <meta name="language">. Empty when none
// is given (the is used).
std::string article_language(Context& c, const xmlNode* root, const xmlNode* head, const xmlNode* body) {
    std::vector<std::pair<std::string, const xmlNode*>> candidates;
    auto add = [&](const xmlNode* n, const char* attr_name, const char* ns) {
        if (n == nullptr) return;
        if (auto v = xml::attribute(n, attr_name, ns); v && !squash(*v).empty()) candidates.emplace_back(*v, n);
    };
    add(root, "lang", xml::kXmlNamespace);
    add(root, "baselang", nullptr);
    add(head, "lang", xml::kXmlNamespace);
    add(xml::child(head, "docdata"), "lang", xml::kXmlNamespace);
    add(body, "lang", xml::kXmlNamespace);
    if (head != nullptr)
        for (xmlNode* m : xml::children(head)) {
            std::string key = lower_ascii(attr(m, "name").value_or(""));
            if (xml::name(m) == "meta" && (key == "language" || key == "lang" || key == "dc.language"))
                add(m, "content", nullptr);
        }
    for (const auto& [raw, where] : candidates) {
        std::optional<std::string> tag = nitf::language_tag(raw);
        if (!tag) {
            c.report.warn("W-NITF-LANG", "bad", c.where(where), "'" + raw + "' is not a language tag: not used");
            continue;
        }
        if (*tag != raw)
            c.report.warn("W-NITF-LANG", "fixed", c.where(where), "language '" + raw + "' read as '" + *tag + "'");
        return *tag;
    }
    return {};
}

}  // namespace

bool is_nitf(const xml::Document& doc) { return xml::name(doc.root()) == "nitf"; }

Article read_nitf(const xml::Document& doc, const std::string& relative_file, const std::filesystem::path& article_dir,
                  ImageResolver& images, Diagnostics& diags) {
    const xmlNode* root = doc.root();
    Article a;
    a.file = relative_file;
    a.where = doc.where(root);
    Context c{doc, images, article_dir, diags, a, {}, {}, false, false};
    if (root->ns != nullptr && root->ns->href != nullptr) c.ns = reinterpret_cast<const char*>(root->ns->href);

    if (const auto& dt = doc.ignored_doctype()) {
        std::string ids;
        if (!dt->public_id.empty()) ids = " PUBLIC \"" + dt->public_id + "\"";
        if (!dt->system_id.empty()) ids += (dt->public_id.empty() ? " SYSTEM \"" : " \"") + dt->system_id + "\"";
        diags.warning("W-NITF-DOCTYPE", dt->where,
                      "DOCTYPE accepted but not loaded (<!DOCTYPE " + dt->name + ids +
                          ">): galley never reads a DTD, so no entity or default attribute of it applies");
    }
    if (!c.ns.empty() && !nitf_namespace(c.ns))
        c.report.warn("W-NITF-NAMESPACE", "ns", c.where(root),
                      "<nitf> is in the namespace '" + c.ns + "', which is not NITF's: read as NITF all the same");

    Gathered g;
    const xmlNode* head = nullptr;
    const xmlNode* body = nullptr;
    for (xmlNode* n : xml::children(root)) {
        std::string name = shown_name(n);
        if (nitf::in_nitf(c, n) && name == "head" && head == nullptr)
            head = n;
        else if (nitf::in_nitf(c, n) && name == "body" && body == nullptr)
            body = n;
        else
            c.report.warn("W-NITF-UNMAPPED", "in nitf " + name, c.where(n),
                          tag(n) + " in <nitf> is neither <head> nor <body>: left out");
    }
    // The language first: text in another language is marked against it.
    a.lang = article_language(c, root, head, body);
    if (a.lang.empty())
        c.report.warn("W-NITF-LANG", "none", c.where(root),
                      "no language given (xml:lang or baselang on <nitf>, xml:lang on <head> or <body>, <meta "
                      "name=\"language\">): the article takes the issue's");

    if (head != nullptr) read_head(c, head, g);

    std::vector<Block> front;  // body.head notes, set before the text
    std::vector<Block> blocks;
    if (body != nullptr) {
        for (xmlNode* n : xml::children(body)) {
            std::string name = shown_name(n);
            if (!nitf::in_nitf(c, n)) {
                c.report.warn("W-NITF-UNMAPPED", "in body " + name, c.where(n),
                              tag(n) + " in <body> is not NITF markup: left out");
            } else if (name == "body.head") {
                read_body_head(c, n, g, front);
            } else if (name == "body.content") {
                nitf::read_body_content(c, n, blocks);
            } else if (name == "body.end") {
                // read after the content, below
            } else {
                c.report.warn("W-NITF-UNMAPPED", "body " + name, c.where(n),
                              tag(n) + " directly in <body>, outside <body.content>: read as body content");
                nitf::read_block(c, n, blocks);
            }
        }
        for (xmlNode* n : xml::children(body))
            if (nitf::in_nitf(c, n) && xml::name(n) == "body.end") read_body_end(c, n, blocks);
    }
    a.body = std::move(front);
    for (Block& b : blocks) a.body.push_back(std::move(b));

    // Headline, deck, kicker.
    if (is_blank(a.head.headline)) a.head.headline = std::move(g.title);
    if (is_blank(a.head.deck)) {
        a.head.deck = std::move(g.abstract);
    } else if (g.abstract_node != nullptr && !is_blank(g.abstract)) {
        c.report.warn("W-NITF-UNMAPPED", "abstract", c.where(g.abstract_node),
                      "<abstract> is not used: the deck comes from <hl2>, and galley has one");
    }
    a.head.kicker = std::move(g.series);
    a.meta.rights = !is_blank(g.body_rights) ? std::move(g.body_rights) : std::move(g.copyright);

    // The date: the first source that reads as one.
    for (const auto& d : g.dates) {
        auto date = normalise_nitf_date(d.text);
        if (!date) {
            c.report.warn("W-NITF-DATE", "bad", d.where,
                          d.what + " '" + d.text + "' is not a date galley understands: left out");
            continue;
        }
        if (!date->iso)
            c.report.warn("W-NITF-DATE", "lenient", d.where,
                          d.what + " '" + d.text + "' is not ISO 8601: read as " + date->value);
        a.meta.published = date->value;
        break;
    }

    // The id: docdata/doc-id, made to fit; else the file name.
    std::string id = fit_id(g.doc_id);
    if (!id.empty()) {
        if (id != g.doc_id)
            c.report.warn("W-NITF-ID", "id", g.doc_id_where,
                          "doc-id '" + g.doc_id + "' does not fit galley's id pattern: the article id is '" + id + "'");
    } else {
        id = fit_id(file_stem(relative_file));
        if (id.empty()) id = "nitf";
        c.report.warn("W-NITF-ID", "id", g.doc_id.empty() ? c.where(root) : g.doc_id_where,
                      (g.doc_id.empty() ? std::string("no <doc-id id-string>")
                                        : "doc-id '" + g.doc_id + "' has no letter or digit") +
                          ": the article id '" + id + "' comes from the file name");
    }
    a.id = id;

    if (is_blank(a.head.headline))
        diags.error("E-NITF-NO-HEADLINE", c.where(body != nullptr ? body : root),
                    "the story has no headline: no <hl1> in <body.head>/<hedline> and no <title> in <head>");
    if (a.body.empty())
        diags.error("E-NITF-EMPTY", c.where(body != nullptr ? body : root),
                    "the story has no text: <body.content> holds no paragraph, list, table or picture");
    c.report.flush(diags);
    return a;
}

}  // namespace galley::read

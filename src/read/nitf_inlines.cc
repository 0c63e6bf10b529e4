// NITF mixed content -> model::Inlines, and the reporter every part uses.
#include <algorithm>
#include <set>

#include "base/xml_space.h"
#include "read/inline_reader.h"
#include "read/nitf_context.h"

namespace galley::read::nitf {
namespace {

using namespace galley::model;

// NITF's semantic inline elements: galley has no counterpart, their text is
// the content (mapped, not reported).
const std::set<std::string_view, std::less<>>& text_only_names() {
    static const std::set<std::string_view, std::less<>> names{
        "pronounce", "q",        "classifier", "org",           "location", "money",           "num",
        "chron",     "copyrite", "copyrite.year", "copyrite.holder", "virtloc", "event",       "function",
        "object.title", "postaddr", "addressee", "care.of",     "delivery.point", "postcode", "delivery.office",
        "region",    "country",  "alt-code",   "story.date",    "name.given", "name.family", "person",
        "byttl",     "span",     "abbr",       "acronym"};
    return names;
}

std::string lower_ascii(std::string s) {
    for (char& ch : s)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
}

// The link rules of the article schema (linkUrl): http(s) with a host, or
// mailto; no white space, control characters or " < > \ ^ ` { | }. The
// scheme is lowercased first, leniently.
std::optional<std::string> usable_href(std::string href) {
    href = squash(href);
    std::size_t colon = href.find(':');
    if (colon == std::string::npos) return std::nullopt;
    std::string scheme = lower_ascii(href.substr(0, colon));
    if (scheme != "http" && scheme != "https" && scheme != "mailto") return std::nullopt;
    href = scheme + href.substr(colon);
    for (std::size_t i = 0; i < href.size(); ++i) {
        unsigned char ch = static_cast<unsigned char>(href[i]);
        if (ch <= 0x20 || ch == 0x7F) return std::nullopt;
        if (std::string_view("\"<>\\^`{|}").find(static_cast<char>(ch)) != std::string_view::npos)
            return std::nullopt;
        // C1 controls, U+0080..U+009F, are \xC2\x80..\xC2\x9F in UTF-8.
        if (ch == 0xC2 && i + 1 < href.size() && static_cast<unsigned char>(href[i + 1]) <= 0x9F)
            return std::nullopt;
    }
    if (scheme == "mailto") return href.size() > 7 ? std::optional(href) : std::nullopt;
    std::string_view rest(href);
    rest.remove_prefix(scheme.size() + 1);
    if (rest.substr(0, 2) != "//") return std::nullopt;
    rest.remove_prefix(2);
    std::size_t host_end = rest.find_first_of("/?#");
    if (host_end == 0 || rest.empty()) return std::nullopt;
    return href;
}

std::string lang_of(const xmlNode* n) {
    if (n == nullptr) return {};
    xmlChar* v = xmlNodeGetLang(n);
    if (v == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

// The language in force around `n` (its parent's, or the article's).
std::string lang_around(const Context& c, const xmlNode* n) {
    if (n->parent != nullptr && n->parent->type == XML_ELEMENT_NODE) {
        std::string l = lang_of(n->parent);
        if (!l.empty()) return l;
    }
    return c.article.lang;
}

void append_text(Inlines& out, std::string s) { out.push_back({Text{std::move(s)}}); }

// The language of a run of text in another language: a tag, fixed or left
// out with a warning.
std::optional<std::string> span_language(Context& c, const xmlNode* n, const std::string& raw) {
    if (squash(raw).empty()) return std::nullopt;
    std::optional<std::string> tag = language_tag(raw);
    if (!tag)
        c.report.warn("W-NITF-LANG", "bad span", c.where(n),
                      "xml:lang '" + raw + "' is not a language tag: the text is kept without it");
    else if (*tag != raw)
        c.report.warn("W-NITF-LANG", "fixed span", c.where(n), "xml:lang '" + raw + "' read as '" + *tag + "'");
    return tag;
}

void convert(Context& c, const xmlNode* element, const TextMode& mode, Inlines& out);

// One child element of mixed content.
void convert_element(Context& c, const xmlNode* n, const TextMode& mode, Inlines& out) {
    std::string name = shown_name(n);
    auto children = [&](const TextMode& m) {
        Inlines inner;
        convert(c, n, m, inner);
        return inner;
    };
    if (!in_nitf(c, n)) {
        c.report.warn("W-NITF-UNMAPPED", "inline " + name, c.where(n),
                      tag(n) + " is not NITF markup: its text is kept");
        convert(c, n, mode, out);
        return;
    }
    if (name == "em") {
        // NITF marks bold as <em class="bold">.
        std::string cls = lower_ascii(xml::attribute(n, "class").value_or(""));
        if (cls.find("bold") != std::string::npos)
            out.push_back({Strong{children(mode)}});
        else
            out.push_back({Emphasis{children(mode)}});
    } else if (name == "strong") {
        out.push_back({Strong{children(mode)}});
    } else if (name == "b" || name == "i" || name == "u") {
        std::string as = name == "b" ? "strong" : "em";
        c.report.warn("W-NITF-UNMAPPED", "inline " + name, c.where(n),
                      tag(n) + " is HTML, not NITF: read as <" + as + ">");
        if (name == "b")
            out.push_back({Strong{children(mode)}});
        else
            out.push_back({Emphasis{children(mode)}});
    } else if (name == "sub") {
        out.push_back({Subscript{children(mode)}});
    } else if (name == "sup") {
        out.push_back({Superscript{children(mode)}});
    } else if (name == "br") {
        out.push_back({LineBreak{}});
    } else if (name == "a") {
        auto href = xml::attribute(n, "href");
        std::optional<std::string> usable = href ? usable_href(*href) : std::nullopt;
        if (mode.in_link || !usable) {
            if (href && !mode.in_link)
                c.report.warn("W-NITF-LINK", "link", c.where(n),
                              "link '" + squash(*href) +
                                  "' is not an http, https or mailto URL: its text is kept without the link");
            convert(c, n, mode, out);
        } else {
            TextMode inner = mode;
            inner.in_link = true;
            out.push_back({Link{*usable, children(inner)}});
        }
    } else if (name == "lang") {
        std::string raw = xml::attribute(n, "lang", xml::kXmlNamespace).value_or("");
        std::optional<std::string> l = span_language(c, n, raw);
        if (!l)
            convert(c, n, mode, out);
        else
            out.push_back({Span{*l, children(mode)}});
    } else if (name == "person" && mode.byline) {
        out.push_back({Person{mode.role, children(mode)}});
    } else if (name == "byttl" && mode.byline) {
        // "<person>Jane Roe</person><byttl>Staff Writer</byttl>" reads
        // "Jane Roe, Staff Writer".
        std::string before = plain_text(out);
        if (!before.empty() && !is_xml_space(static_cast<unsigned char>(before.back())) && before.back() != ',')
            append_text(out, ", ");
        convert(c, n, mode, out);
    } else if (text_only_names().count(name) != 0) {
        convert(c, n, mode, out);
    } else if (name == "p") {
        // A paragraph inside a list item, a cell, a caption: its text.
        append_text(out, " ");
        convert(c, n, mode, out);
        append_text(out, " ");
    } else if (is_block_name(name)) {
        c.report.warn("W-NITF-UNMAPPED", "block in text " + name, c.where(n),
                      tag(n) + " inside text cannot be a block there: its text is kept");
        append_text(out, " ");
        convert(c, n, mode, out);
        append_text(out, " ");
    } else {
        c.report.warn("W-NITF-UNMAPPED", "inline " + name, c.where(n),
                      tag(n) + " is not NITF markup galley knows: its text is kept");
        convert(c, n, mode, out);
    }
}

void convert_node(Context& c, const xmlNode* n, const TextMode& mode, Inlines& out) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        const char* s = reinterpret_cast<const char*>(n->content);
        if (s != nullptr && *s != '\0') append_text(out, s);
        return;
    }
    if (n->type != XML_ELEMENT_NODE) return;  // comments, processing instructions
    // An element in another language than its surroundings keeps it.
    auto own_lang = xml::attribute(n, "lang", xml::kXmlNamespace);
    std::optional<std::string> tag;
    if (own_lang && xml::name(n) != "lang" && *own_lang != lang_around(c, n))
        tag = span_language(c, n, *own_lang);
    if (tag) {
        Inlines inner;
        convert_element(c, n, mode, inner);
        out.push_back({Span{*tag, std::move(inner)}});
    } else {
        convert_element(c, n, mode, out);
    }
}

void convert(Context& c, const xmlNode* element, const TextMode& mode, Inlines& out) {
    TextMode inner = mode;
    inner.skip = nullptr;  // the skip list is for the top level only
    for (const xmlNode* n = element->children; n != nullptr; n = n->next) {
        if (mode.skip != nullptr && std::find(mode.skip->begin(), mode.skip->end(), n) != mode.skip->end())
            continue;
        convert_node(c, n, inner, out);
    }
}

// Blocks have no language in the model: text in another language than the
// article's is wrapped in a Span.
Inlines in_language(Context& c, const xmlNode* n, const std::string& raw, Inlines content) {
    if (raw.empty() || raw == c.article.lang || is_blank(content)) return content;
    std::optional<std::string> lang = span_language(c, n, raw);
    if (!lang || *lang == c.article.lang) return content;
    Inlines wrapped;
    wrapped.push_back({Span{*lang, std::move(content)}});
    return wrapped;
}

}  // namespace

bool in_nitf(const Context& c, const xmlNode* n) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE) return false;
    if (n->ns == nullptr || n->ns->href == nullptr) return true;
    return c.ns == reinterpret_cast<const char*>(n->ns->href);
}

std::string shown_name(const xmlNode* n) {
    std::string name(xml::name(n));
    return name;
}

std::string tag(const xmlNode* n) {
    std::string prefix;
    if (n->ns != nullptr && n->ns->prefix != nullptr) prefix = std::string(reinterpret_cast<const char*>(n->ns->prefix)) + ":";
    return "<" + prefix + shown_name(n) + ">";
}

std::string squash(std::string_view s) { return collapse_xml_space(s); }

std::string plain(const xmlNode* element) { return squash(xml::text(element)); }

Inlines read_text(Context& c, const xmlNode* element, TextMode mode) {
    Inlines out;
    if (element == nullptr) return out;
    convert(c, element, mode, out);
    collapse_whitespace(out);
    return in_language(c, element, lang_of(element), std::move(out));
}

Inlines read_nodes(Context& c, const std::vector<const xmlNode*>& nodes) {
    Inlines out;
    if (nodes.empty()) return out;
    for (const xmlNode* n : nodes) convert_node(c, n, TextMode{}, out);
    collapse_whitespace(out);
    return in_language(c, nodes.front()->parent, lang_of(nodes.front()->parent), std::move(out));
}

std::optional<std::string> language_tag(std::string_view raw) {
    std::string s = squash(raw);
    for (char& ch : s)
        if (ch == '_') ch = '-';
    // [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        std::size_t end = s.find('-', start);
        std::string_view part = std::string_view(s).substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (part.empty() || part.size() > 8) return std::nullopt;
        for (char ch : part) {
            bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
            bool digit = ch >= '0' && ch <= '9';
            if (!letter && !(digit && !first)) return std::nullopt;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return s;
}

bool is_inline_name(std::string_view name) {
    static const std::set<std::string_view, std::less<>> names{"em", "strong", "b", "i", "u", "sub", "sup",
                                                               "br", "a",  "lang"};
    return names.count(name) != 0 || text_only_names().count(name) != 0;
}

// ---- Reporter --------------------------------------------------------------

void Reporter::warn(const std::string& code, const std::string& kind, const SourceLocation& where,
                    const std::string& message) {
    auto [it, inserted] = index_.try_emplace(code + '\x1f' + kind, entries_.size());
    if (inserted) entries_.push_back({code, where, message, {}});
    entries_[it->second].lines.push_back(where.line);
}

void Reporter::metadata_left_out(const std::string& element, const SourceLocation& where) {
    if (metadata_.empty()) metadata_where_ = where;
    auto it = std::find_if(metadata_.begin(), metadata_.end(), [&](const auto& e) { return e.first == element; });
    if (it == metadata_.end())
        metadata_.emplace_back(element, 1);
    else
        ++it->second;
}

namespace {
std::string occurrences(const std::vector<int>& lines) {
    if (lines.size() < 2) return "";
    std::string out = " (" + std::to_string(lines.size()) + " times; also at line";
    out += lines.size() > 2 ? "s " : " ";
    constexpr std::size_t kShown = 5;
    std::size_t shown = std::min(lines.size() - 1, kShown);
    for (std::size_t i = 1; i <= shown; ++i) {
        if (i > 1) out += i == shown && lines.size() - 1 <= kShown ? " and " : ", ";
        out += std::to_string(lines[i]);
    }
    if (lines.size() - 1 > kShown) out += ", ...";
    return out + ")";
}
}  // namespace

void Reporter::flush(Diagnostics& diags) {
    for (const Entry& e : entries_) diags.warning(e.code, e.where, e.message + occurrences(e.lines));
    if (!metadata_.empty()) {
        std::string list;
        for (std::size_t i = 0; i < metadata_.size(); ++i) {
            if (i > 0) list += ", ";
            list += "<" + metadata_[i].first + ">";
            if (metadata_[i].second > 1) list += " (" + std::to_string(metadata_[i].second) + " times)";
        }
        diags.warning("W-NITF-UNMAPPED", metadata_where_,
                      "metadata galley has no place for was left out: " + list);
    }
    entries_.clear();
    index_.clear();
    metadata_.clear();
}

}  // namespace galley::read::nitf

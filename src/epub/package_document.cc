#include "epub/package_document.h"

#include <algorithm>
#include <variant>

#include "epub/accessibility.h"
#include "epub/inline_html.h"
#include "epub/labels.h"
#include "epub/uuid.h"
#include "epub/xml_writer.h"
#include "model/language.h"

namespace galley::epub {
namespace {

void collect_persons(const model::Inlines& content, std::vector<Credit>& out) {
    for (const model::Inline& in : content) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Person>) {
                    std::string name = plain_label(n.content);
                    if (name.empty()) return;
                    auto it = std::find_if(out.begin(), out.end(), [&](const Credit& c) { return c.name == name; });
                    if (it == out.end()) {
                        out.push_back({name, {n.role}});
                    } else if (std::find(it->roles.begin(), it->roles.end(), n.role) == it->roles.end()) {
                        it->roles.push_back(n.role);
                    }
                } else if constexpr (requires { n.content; }) {
                    collect_persons(n.content, out);
                }
            },
            in.node);
    }
}

bool is_number(const std::string& s) {
    if (s.empty() || s.front() == '.' || s.back() == '.') return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

void meta(XmlWriter& w, const std::string& property, const std::string& value, XmlAttributes extra = {}) {
    w.newline();
    XmlAttributes attrs{{"property", property}};
    attrs.insert(attrs.end(), extra.begin(), extra.end());
    w.element("meta", attrs, value);
}

void write_identity(XmlWriter& w, const BookPlan& plan, const PackageParts& parts) {
    const model::Issue& issue = plan.issue();
    w.newline();
    w.element("dc:identifier", {{"id", "pub-id"}}, parts.identifier);
    w.newline();
    w.element("dc:title", {{"id", "title"}}, parts.title);
    meta(w, "title-type", "main", {{"refines", "#title"}});
    for (const std::string& lang : plan.facts().languages) {
        w.newline();
        w.element("dc:language", lang);
    }
    w.newline();
    w.element("dc:date", issue.date);
    if (!issue.publisher.empty()) {
        w.newline();
        w.element("dc:publisher", issue.publisher);
    }
    meta(w, "dcterms:modified", parts.modified);
}

void write_credits(XmlWriter& w, const BookPlan& plan) {
    int creators = 0;
    int contributors = 0;
    for (const Credit& c : issue_credits(plan)) {
        std::string id = c.creator() ? "creator-" + std::to_string(++creators)
                                     : "contributor-" + std::to_string(++contributors);
        w.newline();
        w.element(c.creator() ? "dc:creator" : "dc:contributor", {{"id", id}}, c.name);
        for (model::PersonRole role : c.roles)
            meta(w, "role", marc_relator(role), {{"refines", "#" + id}, {"scheme", "marc:relators"}});
    }
}

void write_subjects_and_rights(XmlWriter& w, const BookPlan& plan) {
    std::vector<std::string> subjects;
    std::vector<std::string> rights;
    for (const ArticleEntry& a : plan.articles()) {
        for (const std::string& k : a.article->meta.keywords)
            if (!k.empty() && std::find(subjects.begin(), subjects.end(), k) == subjects.end()) subjects.push_back(k);
        std::string r = plain_label(a.article->meta.rights);
        if (!r.empty() && std::find(rights.begin(), rights.end(), r) == rights.end()) rights.push_back(r);
    }
    for (const std::string& s : subjects) {
        w.newline();
        w.element("dc:subject", s);
    }
    for (const std::string& r : rights) {
        w.newline();
        w.element("dc:rights", r);
    }
}

void write_collection(XmlWriter& w, const model::Issue& issue) {
    meta(w, "belongs-to-collection", issue.publication, {{"id", "collection"}});
    meta(w, "collection-type", "series", {{"refines", "#collection"}});
    if (!issue.issn.empty()) meta(w, "dcterms:identifier", "urn:issn:" + issue.issn, {{"refines", "#collection"}});
    if (is_number(issue.number)) meta(w, "group-position", issue.number, {{"refines", "#collection"}});
}

void write_accessibility(XmlWriter& w, const BookPlan& plan) {
    AccessibilityMetadata a = accessibility_metadata(plan.facts());
    for (const std::string& v : a.access_modes) meta(w, "schema:accessMode", v);
    for (const std::string& v : a.access_mode_sufficient) meta(w, "schema:accessModeSufficient", v);
    for (const std::string& v : a.features) meta(w, "schema:accessibilityFeature", v);
    for (const std::string& v : a.hazards) meta(w, "schema:accessibilityHazard", v);
    // galley writes the summary in English, whatever the labels' language.
    XmlAttributes lang;
    if (!same_language(plan.issue().lang, "en")) lang = {{"xml:lang", "en"}};
    meta(w, "schema:accessibilitySummary", a.summary, lang);
}

void write_metadata(XmlWriter& w, const BookPlan& plan, const PackageParts& parts) {
    w.newline();
    w.open("metadata", {{"xmlns:dc", "http://purl.org/dc/elements/1.1/"}});
    write_identity(w, plan, parts);
    write_credits(w, plan);
    write_subjects_and_rights(w, plan);
    write_collection(w, plan.issue());
    write_accessibility(w, plan);
    if (const ImageResource* cover = plan.cover_image()) {
        // For EPUB 2 reading systems, which do not know the cover-image property.
        w.newline();
        w.empty("meta", {{"name", "cover"}, {"content", cover->id}});
    }
    w.close_line();
}

void write_manifest(XmlWriter& w, const PackageParts& parts) {
    w.newline();
    w.open("manifest");
    for (const ManifestItem& item : parts.items) {
        w.newline();
        XmlAttributes attrs{{"id", item.id}, {"href", item.href}, {"media-type", item.media_type}};
        if (!item.properties.empty()) attrs.push_back({"properties", item.properties});
        w.empty("item", attrs);
    }
    w.close_line();
}

void write_spine(XmlWriter& w, const PackageParts& parts, bool rtl) {
    w.newline();
    // An issue in a right-to-left language turns its pages from right to left.
    w.open("spine", {{"toc", "ncx"}, {rtl ? "page-progression-direction" : "", "rtl"}});
    for (const std::string& id : parts.spine) {
        w.newline();
        w.empty("itemref", {{"idref", id}});
    }
    w.close_line();
}

}  // namespace

std::string book_identifier(const model::Issue& issue) {
    if (!issue.identifier.empty()) return issue.identifier;
    return issue_uuid_urn(issue.publication, issue.id);
}

bool Credit::creator() const {
    return std::find(roles.begin(), roles.end(), model::PersonRole::author) != roles.end();
}

std::vector<Credit> issue_credits(const BookPlan& plan) {
    std::vector<Credit> out;
    for (const ArticleEntry& a : plan.articles())
        for (const model::Inlines& byline : a.article->head.bylines) collect_persons(byline, out);
    return out;
}

const char* marc_relator(model::PersonRole role) {
    switch (role) {
        case model::PersonRole::author: return "aut";
        case model::PersonRole::photographer: return "pht";
        case model::PersonRole::contributor: return "ctb";
        case model::PersonRole::editor: return "edt";
    }
    return "ctb";
}

std::string package_document(const BookPlan& plan, const PackageParts& parts) {
    XmlWriter w;
    w.declaration();
    w.open("package", {{"xmlns", "http://www.idpf.org/2007/opf"},
                       {"version", "3.0"},
                       {"unique-identifier", "pub-id"},
                       {"xml:lang", plan.issue().lang}});
    write_metadata(w, plan, parts);
    write_manifest(w, parts);
    write_spine(w, parts, model::right_to_left(plan.issue().lang));
    w.close_line();
    return w.finish();
}

std::string container_xml() {
    XmlWriter w;
    w.declaration();
    w.open("container", {{"version", "1.0"}, {"xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"}});
    w.newline();
    w.open("rootfiles");
    w.newline();
    w.empty("rootfile", {{"full-path", std::string(kPackageDir) + "/" + std::string(kPackageHref)},
                         {"media-type", "application/oebps-package+xml"}});
    w.close_line();
    w.close_line();
    return w.finish();
}

}  // namespace galley::epub

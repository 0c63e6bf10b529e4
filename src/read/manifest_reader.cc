#include "read/manifest_reader.h"

#include "base/xml_space.h"
#include "model/inline.h"

namespace galley::read {
namespace {

// Manifest fields are tokens: trimmed, inner white space collapsed.
std::string token(const xmlNode* n) { return collapse_xml_space(xml::text(n)); }

PictureRef picture(const xml::Document& doc, const xmlNode* n) {
    return {xml::attribute(n, "src").value_or(""), xml::attribute(n, "alt"), doc.where(n)};
}

}  // namespace

Manifest read_manifest(const xml::Document& doc) {
    Manifest m;
    const xmlNode* root = doc.root();
    m.issue.id = xml::attribute(root, "id").value_or("");
    m.issue.lang = xml::attribute(root, "lang", xml::kXmlNamespace).value_or("");
    m.issue.has_manifest = true;
    for (xmlNode* c : xml::children(root)) {
        std::string_view n = xml::name(c);
        if (n == "publication") m.issue.publication = token(c);
        else if (n == "title") m.issue.title = token(c);
        else if (n == "date") m.issue.date = token(c);
        else if (n == "volume") m.issue.volume = token(c);
        else if (n == "number") m.issue.number = token(c);
        else if (n == "publisher") m.issue.publisher = token(c);
        else if (n == "issn") m.issue.issn = token(c);
        else if (n == "identifier") m.issue.identifier = token(c);
        else if (n == "layout") m.issue.layout = token(c);
        else if (n == "logo") m.logo = picture(doc, c);
        else if (n == "cover") m.cover = picture(doc, c);
        else if (n == "house-ad") m.house_ads.push_back(picture(doc, c));
        else if (n == "section") {
            ManifestSection s;
            s.title = xml::attribute(c, "title").value_or("");
            for (xmlNode* a : xml::children(c))
                if (xml::is_element(a, "article")) s.articles.push_back({xml::attribute(a, "src").value_or(""), doc.where(a)});
            m.sections.push_back(std::move(s));
        }
    }
    return m;
}

}  // namespace galley::read

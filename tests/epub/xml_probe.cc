#include "xml_probe.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstdarg>
#include <set>

namespace galley::test {
namespace {

void collect_error(void* ctx, const char* fmt, ...) {
    auto* out = static_cast<std::string*>(ctx);
    char buf[1024];
    va_list args;
    va_start(args, fmt);
    vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    *out += buf;
}

const std::set<std::string>& inline_elements() {
    static const std::set<std::string> names{"em", "strong", "a", "span", "sub", "sup", "small", "time", "b", "i"};
    return names;
}

void walk_words(const xmlNode* node, std::string& text) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            text += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            std::string n = reinterpret_cast<const char*>(c->name);
            bool inl = inline_elements().count(n) > 0;
            if (!inl) text += ' ';
            if (n != "br") walk_words(c, text);
            if (!inl) text += ' ';
        }
    }
}

}  // namespace

XmlProbe::XmlProbe(const std::string& bytes, std::string name) : name_(std::move(name)) {
    xmlSetGenericErrorFunc(&errors_, collect_error);
    doc_ = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), name_.c_str(), nullptr, XML_PARSE_NONET);
    xmlSetGenericErrorFunc(nullptr, nullptr);
    if (doc_ && !errors_.empty()) {
        xmlFreeDoc(doc_);
        doc_ = nullptr;
    }
}

XmlProbe::~XmlProbe() {
    if (doc_) xmlFreeDoc(doc_);
}

xmlNode* XmlProbe::root() const { return doc_ ? xmlDocGetRootElement(doc_) : nullptr; }

std::vector<xmlNode*> XmlProbe::all(const std::string& xpath) const {
    std::vector<xmlNode*> out;
    if (!doc_) return out;
    xmlXPathContext* ctx = xmlXPathNewContext(doc_);
    const std::pair<const char*, const char*> ns[] = {
        {"h", "http://www.w3.org/1999/xhtml"},         {"epub", kOpsNs},
        {"opf", "http://www.idpf.org/2007/opf"},       {"dc", "http://purl.org/dc/elements/1.1/"},
        {"ncx", "http://www.daisy.org/z3986/2005/ncx/"}, {"c", "urn:oasis:names:tc:opendocument:xmlns:container"}};
    for (const auto& [prefix, uri] : ns)
        xmlXPathRegisterNs(ctx, reinterpret_cast<const xmlChar*>(prefix), reinterpret_cast<const xmlChar*>(uri));
    xmlXPathObject* result = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), ctx);
    if (result && result->nodesetval)
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) out.push_back(result->nodesetval->nodeTab[i]);
    xmlXPathFreeObject(result);
    xmlXPathFreeContext(ctx);
    return out;
}

std::string XmlProbe::value(const std::string& xpath) const {
    auto nodes = all(xpath);
    return nodes.empty() ? "" : node_text(nodes.front());
}

std::string attr(const xmlNode* node, const char* name, const char* ns) {
    xmlChar* v = ns ? xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(ns))
                    : xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!v) return "";
    std::string out = reinterpret_cast<const char*>(v);
    xmlFree(v);
    return out;
}

bool has_attr(const xmlNode* node, const char* name, const char* ns) {
    return ns ? xmlHasNsProp(node, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(ns)) != nullptr
              : xmlHasNsProp(node, reinterpret_cast<const xmlChar*>(name), nullptr) != nullptr;
}

std::string node_text(const xmlNode* node) {
    xmlChar* v = xmlNodeGetContent(node);
    if (!v) return "";
    std::string out = reinterpret_cast<const char*>(v);
    xmlFree(v);
    return out;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::vector<std::string> words_of(const xmlNode* node) {
    std::string text;
    walk_words(node, text);
    return split_words(text);
}

}  // namespace galley::test

// SVG: parse from memory with libxml2 (XML_PARSE_NONET, never NOENT, DTDLOAD
// or HUGE), stopping at the first DOCTYPE or entity reference -> the root
// must be <svg> in the SVG namespace -> nothing that reaches outside the file
// or runs code (script elements, on* handlers, non-fragment hrefs, CSS
// url()/@import that is not a fragment) -> the intrinsic size from
// width/height, else the viewBox. Nothing is decoded, so no pixel budget.
#include "media/probe_detail.h"

#include "base/content_root.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <optional>

namespace galley::media_detail {
namespace {

constexpr ImageType svg = ImageType::svg;
constexpr const char* svg_namespace = "http://www.w3.org/2000/svg";
constexpr double max_length_px = 1'000'000;  // 10 m at 96 px/in: anything larger is a mistake

struct ParseState {
    bool doctype = false;
    std::string entity;  // the first entity referenced, if any
    std::string error;   // the first error libxml2 reported
    int error_line = 0;
};

ParseState& state_of(void* ctx) { return *static_cast<ParseState*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    state_of(ctx).doctype = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

void on_entity_decl(void* ctx, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {
    state_of(ctx).doctype = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
}

xmlEntityPtr on_get_entity(void* ctx, const xmlChar* name) {
    ParseState& s = state_of(ctx);
    if (s.entity.empty()) s.entity = name != nullptr ? reinterpret_cast<const char*>(name) : "?";
    xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
    return nullptr;
}

#if LIBXML_VERSION >= 21200
void on_error(void* ctx, const xmlError* e) {
#else
void on_error(void* ctx, xmlErrorPtr e) {
#endif
    ParseState& s = state_of(ctx);
    if (e == nullptr || e->level < XML_ERR_ERROR || !s.error.empty()) return;
    s.error = e->message != nullptr ? e->message : "unknown error";
    while (!s.error.empty() && (s.error.back() == '\n' || s.error.back() == ' ')) s.error.pop_back();
    s.error_line = e->line;
}

void on_generic(void*, const char*, ...) {}

struct CtxtFree {
    void operator()(xmlParserCtxtPtr c) const {
        if (c->myDoc != nullptr) xmlFreeDoc(c->myDoc);
        c->myDoc = nullptr;
        xmlFreeParserCtxt(c);
    }
};

std::string_view text(const xmlChar* s) {
    return s != nullptr ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Any url(...) in CSS must be a fragment; @import is never allowed.
bool css_reaches_out(std::string_view css) {
    const std::string s = lower(css);
    if (s.find("@import") != std::string::npos) return true;
    for (std::size_t at = s.find("url("); at != std::string::npos; at = s.find("url(", at + 4)) {
        std::size_t i = at + 4;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\'' || s[i] == '"')) ++i;
        if (i >= s.size() || s[i] != '#') return true;
    }
    return false;
}

std::string content_of(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string s(text(v));
    xmlFree(v);
    return s;
}

std::string value_of(xmlAttrPtr a) {
    xmlChar* v = xmlNodeListGetString(a->doc, a->children, 1);
    std::string s(text(v));
    xmlFree(v);
    return s;
}

// What makes an SVG unsafe to embed, or "" when nothing does.
std::string unsafe_content(xmlNodePtr root) {
    xmlNodePtr n = root;
    for (;;) {
        if (n->type == XML_ELEMENT_NODE) {
            const std::string element = lower(text(n->name));
            if (element == "script") return "contains a script";
            if (element == "style" && css_reaches_out(content_of(n)))
                return "has a style sheet that loads something from outside the file";
            for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
                const std::string attr = lower(text(a->name));
                const std::string raw = value_of(a);
                const std::string_view value = trim(raw);
                if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) return "contains a script (" + attr + ")";
                if (attr == "href" && (value.empty() || value.front() != '#'))
                    return "refers to " + quote_path(value) + "; SVG images must be self-contained";
                if (attr == "style" && css_reaches_out(value))
                    return "has a style that loads something from outside the file";
            }
        }
        // Depth-first, without recursion, never leaving the root.
        if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
            n = n->children;
            continue;
        }
        while (n != root && n->next == nullptr) n = n->parent;
        if (n == root) return "";
        n = n->next;
    }
}

struct Length {
    bool present = false;  // the attribute is there with an absolute length
    double px = 0;
};

// "12", "12px", "3.5in", "80mm", "10cm", "72pt", "6pc". Percentages, em and ex
// depend on the page: treated as absent. Returns nullopt for a value that is
// not a length at all, or not positive and finite.
std::optional<Length> parse_length(std::string_view s) {
    s = trim(s);
    if (s.empty()) return Length{};
    if (s.front() == '+') s.remove_prefix(1);
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc()) return std::nullopt;
    const std::string unit = lower(trim(std::string_view(end, static_cast<std::size_t>(s.data() + s.size() - end))));
    double scale = 0;
    if (unit.empty() || unit == "px")
        scale = 1;
    else if (unit == "in")
        scale = 96;
    else if (unit == "cm")
        scale = 96 / 2.54;
    else if (unit == "mm")
        scale = 96 / 25.4;
    else if (unit == "pt")
        scale = 96.0 / 72;
    else if (unit == "pc")
        scale = 16;
    else if (unit == "%" || unit == "em" || unit == "ex")
        return Length{};
    else
        return std::nullopt;
    const double px = v * scale;
    if (!std::isfinite(px) || px <= 0 || px > max_length_px) return std::nullopt;
    return Length{true, px};
}

// The viewBox's width and height, when it has four numbers and a positive size.
std::optional<std::pair<double, double>> parse_view_box(std::string_view s) {
    double n[4] = {};
    const char* p = s.data();
    const char* end = s.data() + s.size();
    for (int k = 0; k < 4; ++k) {
        while (p < end && (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
        if (p < end && *p == '+') ++p;
        auto [next, ec] = std::from_chars(p, end, n[k]);
        if (ec != std::errc()) return std::nullopt;
        p = next;
    }
    if (!std::isfinite(n[2]) || !std::isfinite(n[3]) || n[2] <= 0 || n[3] <= 0 || n[2] > max_length_px ||
        n[3] > max_length_px)
        return std::nullopt;
    return std::pair{n[2], n[3]};
}

std::uint32_t whole_px(double px) {
    const double up = std::ceil(px - 1e-9);
    return up < 1 ? 1u : static_cast<std::uint32_t>(up);
}

}  // namespace

ProbeResult probe_svg(Bytes bytes, std::string_view name, const ImageLimits&) {
    const std::string who = quote_path(name);
    if (bytes.size() > 0x7fffffff) return ImageProblem{"E-IMAGE-TOO-LARGE", who + " is too large to parse"};
    xmlInitParser();
    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(
        xmlCreateMemoryParserCtxt(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size())));
    if (!ctxt) return damaged(name, svg, "libxml2 could not start");
    xmlCtxtUseOptions(ctxt.get(), XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    ParseState state;
    ctxt->_private = &state;
    xmlSAXHandlerPtr sax = ctxt->sax;
    sax->internalSubset = on_doctype;
    sax->externalSubset = on_doctype;
    sax->entityDecl = on_entity_decl;
    sax->getEntity = on_get_entity;
    sax->getParameterEntity = on_get_entity;
    sax->serror = on_error;
    sax->error = on_generic;
    sax->warning = on_generic;
    sax->fatalError = on_generic;
    sax->initialized = XML_SAX2_MAGIC;
    xmlParseDocument(ctxt.get());

    if (state.doctype)
        return ImageProblem{"E-IMAGE-SVG-UNSAFE",
                            who + " has a DOCTYPE; SVG images must not declare a DTD or entities"};
    if (!state.entity.empty())
        return ImageProblem{"E-IMAGE-SVG-UNSAFE",
                            who + " uses the entity '&" + state.entity + ";'; SVG images must not use entities"};
    if (!ctxt->wellFormed || ctxt->myDoc == nullptr) {
        std::string detail = "it is not well-formed XML";
        if (!state.error.empty())
            detail += " (line " + std::to_string(state.error_line) + ": " + lower_first(state.error) + ")";
        return damaged(name, svg, detail);
    }
    xmlNodePtr root = xmlDocGetRootElement(ctxt->myDoc);
    if (root == nullptr || text(root->name) != "svg" || root->ns == nullptr || text(root->ns->href) != svg_namespace)
        return damaged(name, svg, "its root element is not <svg> in the SVG namespace");
    if (std::string why = unsafe_content(root); !why.empty())
        return ImageProblem{"E-IMAGE-SVG-UNSAFE", who + " " + why};

    auto attribute = [&](const char* attr) -> std::string {
        xmlChar* v = xmlGetNoNsProp(root, reinterpret_cast<const xmlChar*>(attr));
        std::string s(text(v));
        xmlFree(v);
        return s;
    };
    const std::string width_text = attribute("width"), height_text = attribute("height");
    const std::optional<Length> width = parse_length(width_text), height = parse_length(height_text);
    if (!width) return damaged(name, svg, "its width " + quote_path(width_text) + " is not a valid length");
    if (!height) return damaged(name, svg, "its height " + quote_path(height_text) + " is not a valid length");
    const std::optional<std::pair<double, double>> box = parse_view_box(attribute("viewBox"));

    double w = width->px, h = height->px;
    if (!width->present || !height->present) {
        if (!box)
            return ImageProblem{"E-IMAGE-SVG-NO-SIZE",
                                who + " gives no size: it needs a width and a height, or a viewBox"};
        const double aspect = box->second / box->first;
        if (width->present)
            h = w * aspect;
        else if (height->present)
            w = h / aspect;
        else {
            w = box->first;
            h = box->second;
        }
    }
    if (w > max_length_px || h > max_length_px) return damaged(name, svg, "its size is out of range");

    ImageInfo info;
    info.type = svg;
    info.width_px = whole_px(w);
    info.height_px = whole_px(h);
    info.has_alpha = true;
    return info;
}

}  // namespace galley::media_detail

// SVG: parse from memory with libxml2 (XML_PARSE_NONET, never NOENT, DTDLOAD
// or HUGE), stopping at the first DOCTYPE or entity reference -> the root
// must be <svg> in the SVG namespace -> nothing that reaches outside the file
// or runs code (script elements, on* handlers, non-fragment hrefs, CSS
// url()/@import that is not a fragment) -> not too much to draw once its
// references are followed (svg_cost.h) -> the intrinsic size from
// width/height, else the viewBox. Nothing is decoded, so no pixel budget.
#include "media/probe_detail.h"
#include "media/svg_cost.h"

#include "base/content_root.h"
#include "base/utf8.h"
#include "base/xml_prescan.h"
#include "base/xml_space.h"
#include "xml/resources.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <cctype>
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

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// CSS as a browser reads it: comments dropped, escapes decoded
// (`u\72 l(` is `url(`), ASCII lower-cased. Dropping a comment can only join
// tokens, so the check below may refuse more than a browser would load,
// never less.
std::string decoded_css(std::string_view css) {
    std::string out;
    out.reserve(css.size());
    for (std::size_t i = 0; i < css.size();) {
        const char c = css[i];
        if (c == '/' && i + 1 < css.size() && css[i + 1] == '*') {
            const std::size_t close = css.find("*/", i + 2);
            i = close == std::string_view::npos ? css.size() : close + 2;
            continue;
        }
        if (c == '\\' && i + 1 < css.size()) {
            std::size_t j = i + 1;
            char32_t cp = 0;
            int digits = 0;
            while (j < css.size() && digits < 6 && std::isxdigit(static_cast<unsigned char>(css[j]))) {
                const char h = static_cast<char>(std::tolower(static_cast<unsigned char>(css[j])));
                cp = cp * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : h - 'a' + 10);
                ++j, ++digits;
            }
            if (digits > 0) {
                if (j < css.size() && (css[j] == ' ' || css[j] == '\t' || css[j] == '\n')) ++j;
                else if (j + 1 < css.size() && css[j] == '\r' && css[j + 1] == '\n') j += 2;
                utf8::append(out, cp == 0 ? char32_t{0xFFFD} : cp);
            } else if (css[j] == '\n') {
                ++j;  // an escaped newline is nothing
            } else {
                out += css[j++];
            }
            i = j;
            continue;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        ++i;
    }
    return out;
}

// What in a piece of CSS (a style sheet, a style attribute or any
// presentation attribute) could load something, or "". Every url() must be
// a fragment of this file; @import, image-set(), image(), src() and the old
// scripting hooks are never allowed.
std::string css_reaches_out(std::string_view css) {
    if (css.find_first_of("\\/(@-") == std::string_view::npos) return "";  // no function, no rule, no escape
    const std::string s = decoded_css(css);
    for (std::string_view banned : {"@import", "image-set(", "image(", "src(", "expression(", "-moz-binding",
                                    "behavior"})
        if (s.find(banned) != std::string::npos) return std::string(banned);
    for (std::size_t at = s.find("url("); at != std::string::npos; at = s.find("url(", at + 4)) {
        std::size_t i = at + 4;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\'' ||
                                s[i] == '"'))
            ++i;
        if (i >= s.size() || s[i] != '#') return "url()";
    }
    return "";
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

// The elements of a static picture (SVG 1.1 and 2): shapes, text, paint
// servers, filters, structure. Left out on purpose: script, foreignObject
// (it embeds HTML that loads what it likes), the animation elements (set
// and animate write any attribute at run time, href included), SVG fonts
// and font-face-uri, cursor, color-profile, tref, and SVG 2's iframe,
// video, audio and canvas.
constexpr std::string_view kStaticElements[] = {
    "a", "circle", "clipPath", "defs", "desc", "ellipse", "feBlend", "feColorMatrix", "feComponentTransfer",
    "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow",
    "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
    "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    "filter", "g", "image", "line", "linearGradient", "marker", "mask", "metadata", "path", "pattern", "polygon",
    "polyline", "radialGradient", "rect", "stop", "style", "svg", "switch", "symbol", "text", "textPath", "title",
    "tspan", "use", "view"};

constexpr std::string_view kAnimationElements[] = {"animate", "animateColor", "animateMotion", "animateTransform",
                                                   "discard", "mpath", "set"};

// Drawing programs keep their own data in these; renderers ignore it.
constexpr std::string_view kEditorNamespaces[] = {"http://www.inkscape.org/namespaces/inkscape",
                                                  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"};

// Attributes that name a resource to load (SVG, XLink, and the HTML ones a
// foreign element could carry). Only a same-file "#fragment" is allowed.
constexpr std::string_view kReferenceAttributes[] = {
    "href", "src", "data", "action", "formaction", "poster", "background", "lowsrc", "dynsrc", "codebase",
    "classid", "archive", "srcset", "longdesc", "ping", "manifest", "icon", "profile", "usemap"};

template <std::size_t N>
bool one_of(std::string_view s, const std::string_view (&list)[N]) {
    for (std::string_view e : list)
        if (s == e) return true;
    return false;
}

// Why an element may not be in an SVG image, or "".
std::string unsafe_element(xmlNodePtr n, bool in_metadata) {
    const std::string_view name = text(n->name);
    const std::string_view ns = n->ns != nullptr ? text(n->ns->href) : std::string_view();
    if (ns == svg_namespace) {
        if (lower(name) == "script") return "contains a script";
        if (one_of(name, kStaticElements)) return "";
        if (name == "foreignObject") return "contains a <foreignObject>; SVG images must not embed other content";
        if (one_of(name, kAnimationElements))
            return "contains an animation (<" + std::string(name) + ">); SVG images must be static";
        return "contains the element <" + std::string(name.substr(0, 50)) + ">, which is not allowed in SVG images";
    }
    // RDF and the like are fine inside <metadata>, which nothing renders.
    if (in_metadata || one_of(ns, kEditorNamespaces)) return "";
    if (lower(name) == "script") return "contains a script";
    return "contains the element <" + std::string(name.substr(0, 50)) + "> from " +
           (ns.empty() ? std::string("no namespace") : "the namespace " + quote_path(ns)) +
           "; SVG images may hold only SVG elements";
}

// Why an attribute may not be in an SVG image, or "".
std::string unsafe_attribute(xmlAttrPtr a) {
    const std::string attr = lower(text(a->name));
    const std::string_view ns = a->ns != nullptr ? text(a->ns->href) : std::string_view();
    if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) return "contains a script (" + attr + ")";
    if (attr == "base" && ns == "http://www.w3.org/XML/1998/namespace")
        return "sets xml:base; SVG images must be self-contained";
    const std::string raw = value_of(a);
    const std::string_view value = trim_xml_space(raw);
    if (one_of(std::string_view(attr), kReferenceAttributes) && (value.empty() || value.front() != '#'))
        return "refers to " + quote_path(value) + "; SVG images must be self-contained";
    if (std::string what = css_reaches_out(value); !what.empty())
        return attr == "style" ? "has a style that loads something from outside the file"
                               : "has an attribute " + quote_path(attr) + " that loads something from outside the file";
    return "";
}

bool is_svg_metadata(xmlNodePtr n) {
    return n->type == XML_ELEMENT_NODE && text(n->name) == "metadata" && n->ns != nullptr &&
           text(n->ns->href) == svg_namespace;
}

// What makes an SVG unsafe to embed, or "" when nothing does: an element
// not on the allow-list, an attribute that loads something or runs code, a
// style sheet that loads something, an xml-stylesheet instruction.
std::string unsafe_content(xmlDocPtr doc, xmlNodePtr root) {
    for (xmlNodePtr n = doc->children; n != nullptr; n = n->next)
        if (n->type == XML_PI_NODE && text(n->name) == "xml-stylesheet")
            return "has an <?xml-stylesheet?> instruction, which loads a style sheet";
    xmlNodePtr n = root;
    int metadata_depth = 0;  // > 0 inside <metadata>
    for (;;) {
        if (n->type == XML_ELEMENT_NODE) {
            if (std::string why = unsafe_element(n, metadata_depth > 0); !why.empty()) return why;
            if (text(n->name) == "style")
                if (std::string what = css_reaches_out(content_of(n)); !what.empty())
                    return "has a style sheet that loads something from outside the file";
            for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next)
                if (std::string why = unsafe_attribute(a); !why.empty()) return why;
        } else if (n->type == XML_PI_NODE && text(n->name) == "xml-stylesheet") {
            return "has an <?xml-stylesheet?> instruction, which loads a style sheet";
        }
        // Depth-first, without recursion, never leaving the root.
        if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
            if (is_svg_metadata(n)) ++metadata_depth;
            n = n->children;
            continue;
        }
        while (n != root && n->next == nullptr) {
            n = n->parent;
            if (is_svg_metadata(n)) --metadata_depth;
        }
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
    s = trim_xml_space(s);
    if (s.empty()) return Length{};
    if (s.front() == '+') s.remove_prefix(1);
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc()) return std::nullopt;
    const std::string unit = lower(trim_xml_space(std::string_view(end, static_cast<std::size_t>(s.data() + s.size() - end))));
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

ProbeResult probe_svg(Bytes bytes, std::string_view name, const ImageLimits& limits) {
    const std::string who = quote_path(name);
    if (bytes.size() > 0x7fffffff) return ImageProblem{"E-IMAGE-TOO-LARGE", who + " is too large to parse"};
    // libxml2 2.9.14 is quadratic in the attributes of one start tag: count
    // them before it sees the file.
    const std::string_view chars(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (std::optional<PrescanProblem> p = prescan_xml(chars, limits.svg_markup)) {
        if (p->kind == PrescanProblem::Kind::encoding) return unsupported(name, "is an SVG image: " + p->message);
        const bool attributes = p->kind == PrescanProblem::Kind::attributes;
        const std::size_t most = attributes ? limits.svg_markup.max_attributes_per_element
                                            : limits.svg_markup.max_namespaces_per_element;
        return ImageProblem{"E-IMAGE-SVG-UNSAFE",
                            who + " has an element <" + p->element + "> with " + std::to_string(p->count) +
                                (attributes ? " attributes" : " namespace declarations") + " on line " +
                                std::to_string(p->line) + "; galley allows at most " + std::to_string(most)};
    }
    xml::initialise();  // the refusing entity loader, and libxml2 kept off stderr
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
    if (std::string why = unsafe_content(ctxt->myDoc, root); !why.empty())
        return ImageProblem{"E-IMAGE-SVG-UNSAFE", who + " " + why};
    if (std::string why = svg_cost_problem(root, {limits.max_svg_drawn, limits.max_svg_filtered}); !why.empty())
        return ImageProblem{"E-IMAGE-SVG-COMPLEX", who + " " + why};

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
    const std::string view_box_text = attribute("viewBox");
    const std::optional<std::pair<double, double>> box = parse_view_box(view_box_text);

    double w = width->px, h = height->px;
    if (!width->present || !height->present) {
        if (!box && !trim_xml_space(view_box_text).empty())
            return damaged(name, svg,
                           "its viewBox " + quote_path(view_box_text) +
                               " is not four numbers with a positive width and height of at most 1,000,000");
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

#include "read/inline_reader.h"

#include <string>

namespace galley::read {
namespace {

using namespace galley::model;

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

PersonRole role_of(const std::string& r) {
    if (r == "photographer") return PersonRole::photographer;
    if (r == "contributor") return PersonRole::contributor;
    if (r == "editor") return PersonRole::editor;
    return PersonRole::author;
}

// Walks the tree in order; `pending_space` carries a collapsed space that is
// emitted only if more text follows on the same line.
struct Collapser {
    bool at_line_start = true;
    bool pending_space = false;
    Text* last_text = nullptr;

    void run(Inlines& content) {
        for (Inline& in : content) {
            std::visit(
                [&](auto& n) {
                    using T = std::decay_t<decltype(n)>;
                    if constexpr (std::is_same_v<T, Text>) {
                        text(n);
                    } else if constexpr (std::is_same_v<T, LineBreak>) {
                        at_line_start = true;
                        pending_space = false;
                        last_text = nullptr;
                    } else {
                        run(n.content);
                    }
                },
                in.node);
        }
    }

    void text(Text& t) {
        std::string out;
        out.reserve(t.text.size());
        for (char c : t.text) {
            if (is_xml_space(c)) {
                if (!at_line_start) pending_space = true;
                continue;
            }
            if (pending_space) {
                // Keep the space in the run before it when there is one, so
                // "a <em>b</em>" stays "a " + "b" rather than "a" + " b".
                if (out.empty() && last_text != nullptr && last_text != &t)
                    last_text->text += ' ';
                else
                    out += ' ';
                pending_space = false;
            }
            out += c;
            at_line_start = false;
        }
        t.text = std::move(out);
        if (!t.text.empty()) last_text = &t;
    }
};

void drop_empty_text(Inlines& content) {
    std::erase_if(content, [](Inline& in) {
        if (auto* t = std::get_if<Text>(&in.node)) return t->text.empty();
        std::visit(
            [](auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (!std::is_same_v<T, Text> && !std::is_same_v<T, LineBreak>) drop_empty_text(n.content);
            },
            in.node);
        return false;
    });
}

Inlines convert(const xml::Document& doc, const xmlNode* element, Diagnostics& diags) {
    Inlines out;
    for (const xmlNode* c = element->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            const char* s = reinterpret_cast<const char*>(c->content);
            if (s != nullptr && *s != '\0') out.push_back({Text{s}});
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;  // comments, processing instructions
        std::string_view n = xml::name(c);
        if (n == "em") {
            out.push_back({Emphasis{convert(doc, c, diags)}});
        } else if (n == "strong") {
            out.push_back({Strong{convert(doc, c, diags)}});
        } else if (n == "a") {
            out.push_back({Link{xml::attribute(c, "href").value_or(""), convert(doc, c, diags)}});
        } else if (n == "br") {
            out.push_back({LineBreak{}});
        } else if (n == "span") {
            out.push_back({Span{xml::attribute(c, "lang", xml::kXmlNamespace).value_or(""), convert(doc, c, diags)}});
        } else if (n == "sub") {
            out.push_back({Subscript{convert(doc, c, diags)}});
        } else if (n == "sup") {
            out.push_back({Superscript{convert(doc, c, diags)}});
        } else if (n == "person") {
            out.push_back({Person{role_of(xml::attribute(c, "role").value_or("author")), convert(doc, c, diags)}});
        } else {
            diags.error("E-XML-SCHEMA", doc.where(c), "element '" + std::string(n) + "' is not allowed in text");
        }
    }
    return out;
}

}  // namespace

void collapse_whitespace(Inlines& content) {
    Collapser c;
    c.run(content);
    drop_empty_text(content);
}

Inlines read_inlines(const xml::Document& doc, const xmlNode* element, Diagnostics& diags) {
    if (element == nullptr) return {};
    Inlines out = convert(doc, element, diags);
    collapse_whitespace(out);
    return out;
}

}  // namespace galley::read

#include "epub/inline_html.h"

#include <type_traits>
#include <variant>

#include "base/xml_space.h"
#include "model/language.h"

namespace galley::epub {

void write_inlines(XmlWriter& w, const model::Inlines& content, const InlineOptions& options) {
    for (const model::Inline& in : content) {
        std::visit(
            [&](const auto& n) {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, model::Text>) {
                    w.text(n.text);
                } else if constexpr (std::is_same_v<T, model::LineBreak>) {
                    if (options.line_breaks)
                        w.empty("br");
                    else
                        w.text(" ");
                } else if constexpr (std::is_same_v<T, model::Emphasis>) {
                    w.open("em");
                    write_inlines(w, n.content, options);
                    w.close();
                } else if constexpr (std::is_same_v<T, model::Strong>) {
                    w.open("strong");
                    write_inlines(w, n.content, options);
                    w.close();
                } else if constexpr (std::is_same_v<T, model::Link>) {
                    if (options.live_links) {
                        w.open("a", {{"href", n.href}});
                        write_inlines(w, n.content, options);
                        w.close();
                    } else {
                        write_inlines(w, n.content, options);
                    }
                } else if constexpr (std::is_same_v<T, model::Span>) {
                    w.open("span", {{"lang", n.lang},
                                    {"xml:lang", n.lang},
                                    {model::right_to_left(n.lang) ? "dir" : "", "rtl"}});
                    write_inlines(w, n.content, options);
                    w.close();
                } else if constexpr (std::is_same_v<T, model::Subscript>) {
                    w.open("sub");
                    write_inlines(w, n.content, options);
                    w.close();
                } else if constexpr (std::is_same_v<T, model::Superscript>) {
                    w.open("sup");
                    write_inlines(w, n.content, options);
                    w.close();
                } else {
                    static_assert(std::is_same_v<T, model::Person>);
                    w.open("span", {{"class", std::string("person ") + model::role_name(n.role)}});
                    write_inlines(w, n.content, options);
                    w.close();
                }
            },
            in.node);
    }
}

std::string plain_label(const model::Inlines& content) { return collapse_xml_space(model::plain_text(content)); }

}  // namespace galley::epub

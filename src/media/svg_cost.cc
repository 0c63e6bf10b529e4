#include "media/svg_cost.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace galley::media_detail {
namespace {

constexpr std::uint64_t kSaturated = std::uint64_t{1} << 62;
constexpr const char* kXlinkNamespace = "http://www.w3.org/1999/xlink";
constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

std::string_view text_of(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : std::string_view(); }

std::uint64_t add(std::uint64_t a, std::uint64_t b) { return std::min(kSaturated, a + std::min(b, kSaturated)); }

std::string attribute_value(xmlAttrPtr a) {
    xmlChar* v = xmlNodeListGetString(a->doc, a->children, 1);
    std::string s(text_of(v));
    xmlFree(v);
    return s;
}

/// The ids in every url(#id) of `value` ("url(#a)", "url('#a')", "url( \"#a\" )").
void url_targets(std::string_view value, std::vector<std::string>& out) {
    for (std::size_t at = value.find("url("); at != std::string_view::npos; at = value.find("url(", at + 4)) {
        std::size_t i = at + 4;
        while (i < value.size() && (value[i] == ' ' || value[i] == '"' || value[i] == '\'')) ++i;
        if (i >= value.size() || value[i] != '#') continue;
        const std::size_t from = ++i;
        while (i < value.size() && value[i] != ')' && value[i] != '"' && value[i] != '\'' && value[i] != ' ') ++i;
        if (i > from) out.emplace_back(value.substr(from, i - from));
    }
}

/// Elements whose content is drawn only where something refers to them.
bool drawn_by_reference(std::string_view name) {
    for (std::string_view n : {"defs", "symbol", "clipPath", "mask", "pattern", "marker", "filter", "linearGradient",
                               "radialGradient", "title", "desc", "metadata", "style"})
        if (name == n) return true;
    return false;
}

bool is_filter_declaration(std::string_view style) {
    for (std::size_t at = style.find("filter"); at != std::string_view::npos; at = style.find("filter", at + 6)) {
        std::size_t i = at + 6;
        while (i < style.size() && style[i] == ' ') ++i;
        if (i < style.size() && style[i] == ':' && style.find("url(", i) != std::string_view::npos) return true;
    }
    return false;
}

class Counter {
public:
    Counter(xmlNodePtr root, const SvgCostLimits& limits) : limits_(limits) { index(root); }

    std::string problem(xmlNodePtr root) {
        const Cost c = cost(root, 0);
        if (!problem_.empty()) return problem_;
        if (c.drawn > limits_.max_drawn)
            return "draws " + count(c.drawn) + " elements once its <use> and url() references are followed; galley "
                   "allows at most " + std::to_string(limits_.max_drawn);
        if (c.filtered > limits_.max_filtered)
            return "draws " + count(c.filtered) + " elements through a filter once its references are followed; "
                   "galley allows at most " + std::to_string(limits_.max_filtered);
        return "";
    }

private:
    struct Cost {
        std::uint64_t drawn = 0;
        std::uint64_t filtered = 0;
    };
    struct Entry {
        bool done = false;
        Cost cost;
    };

    static std::string count(std::uint64_t n) { return n >= kSaturated ? "more than 4 * 10^18" : std::to_string(n); }

    // Ids, and whether a style sheet sets filters (then every element may
    // be filtered: counted as if it were).
    void index(xmlNodePtr root) {
        std::vector<xmlNodePtr> stack{root};
        while (!stack.empty()) {
            xmlNodePtr n = stack.back();
            stack.pop_back();
            if (n->type != XML_ELEMENT_NODE) continue;
            for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
                const std::string_view name = text_of(a->name);
                const std::string_view ns = a->ns ? text_of(a->ns->href) : std::string_view();
                if (name == "id" && (ns.empty() || ns == kXmlNamespace)) ids_.try_emplace(attribute_value(a), n);
            }
            if (text_of(n->name) == "style") {
                xmlChar* css = xmlNodeGetContent(n);
                if (is_filter_declaration(text_of(css))) sheet_filters_ = true;
                xmlFree(css);
            }
            for (xmlNodePtr c = n->last; c != nullptr; c = c->prev) stack.push_back(c);
        }
    }

    Cost cost(xmlNodePtr n, int depth) {
        if (!problem_.empty()) return {};
        if (depth > limits_.max_depth) {
            problem_ = "nests elements and references more than " + std::to_string(limits_.max_depth) + " deep";
            return {};
        }
        auto [it, fresh] = memo_.try_emplace(n);
        if (!fresh) {
            if (!it->second.done) problem_ = "refers to itself: an element draws one that contains it";
            return it->second.cost;
        }
        Cost c{1, sheet_filters_ ? 1u : 0u};
        std::vector<std::string> targets;
        for (xmlAttrPtr a = n->properties; a != nullptr; a = a->next) {
            const std::string_view name = text_of(a->name);
            const std::string_view ns = a->ns ? text_of(a->ns->href) : std::string_view();
            const std::string value = attribute_value(a);
            if (name == "href" && (ns.empty() || ns == kXlinkNamespace) && text_of(n->name) == "use" &&
                value.size() > 1 && value.front() == '#')
                targets.push_back(value.substr(1));
            url_targets(value, targets);
            if ((name == "filter" && value.find("url(") != std::string::npos) ||
                (name == "style" && is_filter_declaration(value)))
                c.filtered = 1;
        }
        for (xmlNodePtr child = n->children; child != nullptr; child = child->next) {
            if (child->type != XML_ELEMENT_NODE || drawn_by_reference(text_of(child->name))) continue;
            const Cost k = cost(child, depth + 1);
            c.drawn = add(c.drawn, k.drawn);
            c.filtered = add(c.filtered, k.filtered);
            if (!problem_.empty()) return {};
        }
        for (const std::string& id : targets) {
            auto target = ids_.find(id);
            if (target == ids_.end()) continue;
            const Cost k = cost(target->second, depth + 1);
            if (!problem_.empty()) return {};
            c.drawn = add(c.drawn, k.drawn);
            c.filtered = add(c.filtered, k.filtered);
        }
        Entry& e = memo_[n];  // the map may have grown: look it up again
        e.done = true;
        e.cost = c;
        return c;
    }

    const SvgCostLimits& limits_;
    std::unordered_map<std::string, xmlNodePtr> ids_;
    std::unordered_map<xmlNodePtr, Entry> memo_;
    bool sheet_filters_ = false;
    std::string problem_;
};

}  // namespace

std::string svg_cost_problem(xmlNodePtr root, const SvgCostLimits& limits) {
    Counter counter(root, limits);
    return counter.problem(root);
}

}  // namespace galley::media_detail

#include "layout/layer.h"

#include <libxml/tree.h>

#include <array>
#include <map>
#include <utility>

#include "base/file_read.h"
#include "layout/registry.h"
#include "layout/suggest.h"
#include "layout/tag_positions.h"
#include "layout/value_parse.h"
#include "xml/document.h"

namespace galley::layout {
namespace {

constexpr std::array<std::string_view, 4> kRootAttributes{"name", "extends", "description", "abstract"};

// Names people bring from CSS or other tools, and the field galley uses.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kSynonyms{{
    {"margin-left", "margin-inner"},
    {"margin-right", "margin-outer"},
    {"bleed-left", "bleed-inner"},
    {"bleed-right", "bleed-outer"},
    {"font-size", "size"},
    {"line-height", "leading"},
    {"font-family", "font"},
    {"family", "font"},
    {"font-weight", "weight"},
    {"text-align", "align"},
    {"alignment", "align"},
    {"color", "colour"},
    {"text-indent", "first-line-indent"},
    {"letter-spacing", "tracking"},
}};

bool valid_layout_name(std::string_view n) {
    if (n.empty()) return false;
    for (std::size_t i = 0; i < n.size(); ++i) {
        char c = n[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
        if (!ok) return false;
    }
    return true;
}

bool is_blank_text(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

std::string family_noun(Family f) {
    switch (f) {
        case Family::global: return "group";
        case Family::paragraph_style: return "paragraph style";
        case Family::character_style: return "character style";
        case Family::headline_tier: return "headline tier";
        case Family::box: return "box";
    }
    return "group";
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// Reads one file's elements into a Layer, reporting into diags.
class LayerReader {
public:
    LayerReader(const xml::Document& doc, std::string_view bytes, Diagnostics& diags)
        : doc_(doc), tags_(scan_start_tags(bytes)), diags_(diags) {
        index_elements(doc.root());
    }

    bool read(Layer& layer) {
        xmlNode* root = doc_.root();
        layer.root_where = tag_where(root);
        if (!xml::is_element(root, "layout")) {
            error("E-LAYOUT-NOT-A-LAYOUT", tag_where(root),
                  "the root element is <" + std::string(xml::name(root)) +
                      ">; a layout file's root element is <layout>");
            return false;
        }
        base_dir_ = layer.file.parent_path();
        read_header(root, layer);
        check_text(root);
        for (xmlNode* el : xml::children(root)) read_group(el, layer);
        return !failed_;
    }

private:
    void index_elements(xmlNode* node) {
        if (node == nullptr || node->type != XML_ELEMENT_NODE) return;
        order_.emplace(node, order_.size());
        for (xmlNode* c : xml::children(node)) index_elements(c);
    }

    const TagPosition* tag_of(const xmlNode* node) const {
        auto it = order_.find(node);
        if (it == order_.end() || it->second >= tags_.size()) return nullptr;
        const TagPosition& t = tags_[it->second];
        std::string_view written = t.name;
        if (std::size_t colon = written.find(':'); colon != std::string_view::npos) written.remove_prefix(colon + 1);
        return written == xml::name(node) ? &t : nullptr;
    }

    SourceLocation tag_where(const xmlNode* node) const {
        if (const TagPosition* t = tag_of(node)) return {doc_.file(), t->line, t->column};
        return doc_.where(node);
    }

    SourceLocation attr_where(const xmlNode* node, std::string_view attr, bool value) const {
        if (const TagPosition* t = tag_of(node))
            if (const AttributePosition* a = t->attribute(attr))
                return value ? SourceLocation{doc_.file(), a->value_line, a->value_column}
                             : SourceLocation{doc_.file(), a->line, a->column};
        return doc_.where(node);
    }

    void error(const char* code, SourceLocation where, std::string message) {
        failed_ = true;
        diags_.error(code, std::move(where), std::move(message));
    }

    // Attributes of an element, in document order: (name, value).
    static std::vector<std::pair<std::string, std::string>> attributes_of(const xmlNode* node) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
            std::string name = reinterpret_cast<const char*>(a->name);
            if (a->ns != nullptr && a->ns->prefix != nullptr)
                name = reinterpret_cast<const char*>(a->ns->prefix) + (":" + name);
            const char* ns = a->ns != nullptr ? reinterpret_cast<const char*>(a->ns->href) : nullptr;
            out.emplace_back(name, xml::attribute(node, reinterpret_cast<const char*>(a->name), ns).value_or(""));
        }
        return out;
    }

    void check_text(const xmlNode* el) {
        for (const xmlNode* c = el->children; c != nullptr; c = c->next) {
            if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && !is_blank_text(xml::text(c))) {
                error("E-LAYOUT-BAD-VALUE", {doc_.file(), xml::line(c), 0},
                      "unexpected text inside <" + std::string(xml::name(el)) + ">; settings are attributes");
                return;
            }
        }
    }

    void read_header(const xmlNode* root, Layer& layer) {
        for (const auto& [name, value] : attributes_of(root)) {
            if (name == "name") {
                if (!valid_layout_name(value)) {
                    error("E-LAYOUT-BAD-VALUE", attr_where(root, name, true),
                          "bad value '" + value + "' for the layout name: expected lowercase letters, digits and "
                          "hyphens, starting with a letter or digit");
                } else if (value != layer.name) {
                    error("E-LAYOUT-NAME-MISMATCH", attr_where(root, name, true),
                          "the layout is named '" + value + "' but its file is '" + layer.file.filename().string() +
                              "'; a layout's name is its file name without .xml");
                }
            } else if (name == "extends") {
                layer.extends_where = attr_where(root, name, true);
                if (value.empty()) {
                    error("E-LAYOUT-BAD-VALUE", layer.extends_where,
                          "bad value '' for extends: expected a layout name or a path");
                } else {
                    layer.extends = value;
                }
            } else if (name == "description") {
                layer.description = value;
            } else if (name == "abstract") {
                if (value == "true" || value == "false") {
                    layer.abstract = value == "true";
                } else {
                    error("E-LAYOUT-BAD-VALUE", attr_where(root, name, true),
                          "bad value '" + value + "' for abstract: expected true or false");
                }
            } else {
                std::vector<std::string> known(kRootAttributes.begin(), kRootAttributes.end());
                std::optional<std::string> s = closest_match(name, known);
                error("E-LAYOUT-UNKNOWN-SETTING", attr_where(root, name, false),
                      "unknown attribute '" + name + "' on <layout>; " +
                          (s ? "did you mean '" + *s + "'?" : "<layout> takes " + join(known)));
            }
        }
    }

    void read_group(const xmlNode* el, Layer& layer) {
        std::string element(xml::name(el));
        const Group* group = find_group(element);
        if (group == nullptr) {
            std::vector<std::string> names;
            for (const Group& g : groups()) names.emplace_back(g.element);
            std::optional<std::string> s = closest_match(element, names);
            error("E-LAYOUT-UNKNOWN-SETTING", tag_where(el),
                  "unknown element <" + element + ">; " +
                      (s ? "did you mean <" + *s + ">?" : "a layout holds " + join(names)));
            return;
        }
        for (const xmlNode* child : xml::children(el)) {
            error("E-LAYOUT-UNKNOWN-SETTING", tag_where(child),
                  "unexpected element <" + std::string(xml::name(child)) + "> inside <" + element +
                      ">; settings are attributes");
        }
        check_text(el);

        std::string instance;
        if (group->family != Family::global) {
            std::optional<std::string> sel = xml::attribute(el, std::string(group->selector).c_str());
            if (!sel) {
                error("E-LAYOUT-MISSING-NAME", tag_where(el),
                      "<" + element + "> needs a " + std::string(group->selector) + " attribute naming the " +
                          family_noun(group->family) + " it sets, for example " + std::string(group->selector) +
                          "=\"" + group->instances.front() + "\"");
                return;
            }
            bool known = false;
            for (const std::string& i : group->instances) known = known || i == *sel;
            if (!known) {
                std::optional<std::string> s = closest_match(*sel, group->instances);
                error("E-LAYOUT-UNKNOWN-SETTING", attr_where(el, group->selector, true),
                      "unknown " + family_noun(group->family) + " '" + *sel + "'; " +
                          (s ? "did you mean '" + *s + "'?" : "expected one of " + join(group->instances)));
                return;
            }
            instance = *sel;
        }

        for (const auto& [attr, value] : attributes_of(el)) {
            if (group->family != Family::global && attr == group->selector) continue;
            std::string key = element + "." + (instance.empty() ? "" : instance + ".") + attr;
            const Setting* setting = find_setting(key);
            if (setting == nullptr) {
                error("E-LAYOUT-UNKNOWN-SETTING", attr_where(el, attr, false), unknown_setting_message(*group, key, attr));
                continue;
            }
            SourceLocation where = attr_where(el, attr, true);
            std::size_t index = setting_index(*setting);
            if (auto seen = seen_.find(index); seen != seen_.end()) {
                error("E-LAYOUT-DUPLICATE-SETTING", where,
                      "'" + key + "' is set twice in this file (first on line " + std::to_string(seen->second) + ")");
                continue;
            }
            seen_.emplace(index, where.line);
            std::string why;
            std::optional<Value> v = parse_value(*setting->spec, value, base_dir_, why);
            if (!v) {
                error("E-LAYOUT-BAD-VALUE", where, "bad value '" + value + "' for " + key + ": " + why);
                continue;
            }
            layer.assignments.push_back({index, std::move(*v), where});
        }
    }

    static std::string unknown_setting_message(const Group& group, const std::string& key, const std::string& attr) {
        std::string prefix = key.substr(0, key.size() - attr.size());
        std::vector<std::string> fields;
        for (const SettingSpec& spec : setting_specs())
            if (spec.group == group.element) fields.emplace_back(spec.field);
        auto did_you_mean = [&](const std::string& k) { return "unknown setting '" + key + "'; did you mean '" + k + "'?"; };
        for (const auto& [wrong, right] : kSynonyms)
            if (attr == wrong && find_setting(prefix + std::string(right)) != nullptr)
                return did_you_mean(prefix + std::string(right));
        if (std::optional<std::string> s = closest_match(attr, fields)) return did_you_mean(prefix + *s);
        // The right field in the wrong element: <page gutter="..."> for columns.gutter.
        for (const Setting& s : settings())
            if (s.group->family == Family::global && s.spec->field == attr) return did_you_mean(s.key);
        return "unknown setting '" + key + "'; <" + std::string(group.element) + "> takes " + join(fields);
    }

    const xml::Document& doc_;
    std::vector<TagPosition> tags_;
    std::map<const xmlNode*, std::size_t> order_;
    Diagnostics& diags_;
    std::filesystem::path base_dir_;
    std::map<std::size_t, int> seen_;  // setting index -> line first set
    bool failed_ = false;
};

}  // namespace

std::optional<Layer> read_layer(const std::filesystem::path& file, const std::string& display_name,
                                Diagnostics& diags) {
    std::optional<std::string> bytes = read_trusted_file(file, display_name, kMaxLayoutFileBytes, diags);
    if (!bytes) return std::nullopt;
    std::optional<xml::Document> doc = xml::parse(*bytes, display_name, diags);
    if (!doc) return std::nullopt;
    Layer layer;
    layer.file = file;
    layer.name = file.stem().string();
    if (!LayerReader(*doc, *bytes, diags).read(layer)) return std::nullopt;
    return layer;
}

}  // namespace galley::layout

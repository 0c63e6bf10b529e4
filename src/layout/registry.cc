#include "layout/registry.h"

#include <map>
#include <stdexcept>

#include "layout/registry_build.h"
#include "layout/value_text.h"

namespace galley::layout {
namespace detail {
namespace {

// A bound as a number in the setting's canonical unit (points for lengths).
double parse_bound(ValueType type, const std::string& text) {
    std::string error;
    if (type == ValueType::length || type == ValueType::space) {
        if (std::optional<Length> l = parse_length(text, error)) return l->to_pt();
    } else if (std::optional<double> v = parse_decimal(text)) {
        return *v;
    }
    throw std::logic_error("layout registry: bad bound '" + text + "'");
}

}  // namespace

Def::Def(std::string_view group, std::string_view field, ValueType type, std::string default_text,
         std::string_view help) {
    spec_.group = group;
    spec_.field = field;
    spec_.type = type;
    spec_.default_text = std::move(default_text);
    spec_.help = help;
}

Def& Def::range(std::string min, std::string max) {
    spec_.min = parse_bound(spec_.type, min);
    spec_.max = parse_bound(spec_.type, max);
    spec_.min_text = std::move(min);
    spec_.max_text = std::move(max);
    return *this;
}

Def& Def::above(std::string min, std::string max) {
    range(std::move(min), std::move(max));
    spec_.min_exclusive = true;
    return *this;
}

Def& Def::choices(std::vector<std::string> words) {
    spec_.choices = std::move(words);
    return *this;
}

Def& Def::inheritable() {
    spec_.inheritable = true;
    return *this;
}

Def& Def::per(std::string instance, std::string default_text) {
    spec_.instance_defaults.emplace_back(std::move(instance), std::move(default_text));
    return *this;
}

Def& Def::per_each(std::span<const std::string_view> instances, const std::string& default_text) {
    for (std::string_view instance : instances) per(std::string(instance), default_text);
    return *this;
}

}  // namespace detail

namespace {

std::vector<Group> build_groups() {
    std::vector<Group> g;
    g.push_back({"page", Family::global, "", {}, "Trim size, margins, bleed."});
    g.push_back({"columns", Family::global, "", {}, "The column grid of the live area."});
    g.push_back({"grid", Family::global, "", {}, "The baseline grid body text sits on."});
    g.push_back({"fonts", Family::global, "", {}, "The three font roles styles refer to, and extra font folders."});
    g.push_back({"style", Family::paragraph_style, "name", enum_names<ParagraphStyleId>(), "Paragraph styles."});
    g.push_back({"char", Family::character_style, "name", enum_names<CharacterStyleId>(),
                 "Character styles: runs inside a paragraph (em, strong, a, sub, sup, span, person) and the "
                 "drop cap and lead-in."});
    std::vector<std::string> tiers;
    for (int i = 1; i <= kTierCount; ++i) tiers.push_back(std::to_string(i));
    g.push_back({"tier", Family::headline_tier, "priority", tiers,
                 "Headline tiers: an article of priority N (1 = lead) gets tier N, which overrides the size, leading "
                 "and weight of style headline."});
    g.push_back({"span", Family::global, "", {}, "How many columns each kind of element spans."});
    g.push_back({"article", Family::global, "", {}, "How articles and sections follow each other."});
    g.push_back({"dropcap", Family::global, "", {}, "Drop caps and lead-ins on an article's first paragraph."});
    g.push_back({"figure", Family::global, "", {}, "Figures and image resolution."});
    g.push_back({"house-ad", Family::global, "", {}, "The publisher's own adverts (issue.xml's house-ad) in holes."});
    g.push_back({"list", Family::global, "", {}, "Bullet and numbered lists."});
    g.push_back({"separator", Family::global, "", {}, "Separator blocks."});
    g.push_back({"box", Family::box, "name", enum_names<BoxId>(),
                 "Frames of asides, pull quotes, related stories, tables and corrections."});
    g.push_back({"masthead", Family::global, "", {}, "The masthead on page one (its text uses style masthead)."});
    g.push_back({"running-head", Family::global, "", {}, "Running heads on later pages (style running-head)."});
    g.push_back({"folio", Family::global, "", {}, "Page numbers (style folio)."});
    g.push_back({"press", Family::global, "", {}, "The press PDF: marks, output profile, ink."});
    g.push_back({"label", Family::global, "", {},
                 "The words galley adds to the page (jump lines, the related-stories heading), to set in the "
                 "issue's language."});
    return g;
}

std::vector<SettingSpec> build_specs() {
    std::vector<SettingSpec> out;
    detail::add_page_specs(out);
    detail::add_style_specs(out);
    detail::add_element_specs(out);
    detail::add_furniture_specs(out);
    for (const SettingSpec& s : out) {
        const Group* g = find_group(s.group);
        if (g == nullptr || g->family != s.family || !s.bind)
            throw std::logic_error("layout registry: " + std::string(s.group) + "." + std::string(s.field));
    }
    return out;
}

std::vector<Setting> build_settings() {
    std::vector<Setting> out;
    const std::vector<SettingSpec>& specs = setting_specs();
    for (const Group& g : groups()) {
        auto add = [&](const SettingSpec& spec, std::size_t instance, const std::string& instance_name) {
            Setting s;
            s.key = std::string(g.element) + "." + (instance_name.empty() ? "" : instance_name + ".") +
                    std::string(spec.field);
            s.spec = &spec;
            s.group = &g;
            s.instance = instance;
            s.instance_name = instance_name;
            s.default_text = spec.default_for(instance_name);
            s.binding = spec.bind(instance);
            out.push_back(std::move(s));
        };
        if (g.family == Family::global) {
            for (const SettingSpec& spec : specs)
                if (spec.group == g.element) add(spec, 0, "");
        } else {
            for (std::size_t i = 0; i < g.instances.size(); ++i)
                for (const SettingSpec& spec : specs)
                    if (spec.group == g.element) add(spec, i, g.instances[i]);
        }
    }
    return out;
}

}  // namespace

const std::string& SettingSpec::default_for(std::string_view instance) const {
    for (const auto& [name, value] : instance_defaults)
        if (name == instance) return value;
    return default_text;
}

std::string_view type_name(ValueType t) {
    switch (t) {
        case ValueType::length: return "length";
        case ValueType::number: return "number";
        case ValueType::integer: return "integer";
        case ValueType::boolean: return "boolean";
        case ValueType::choice: return "choice";
        case ValueType::text: return "text";
        case ValueType::colour: return "colour";
        case ValueType::colour_or_none: return "colour or none";
        case ValueType::font_list: return "font list";
        case ValueType::weight: return "weight";
        case ValueType::space: return "space";
        case ValueType::span: return "span";
        case ValueType::path: return "path";
        case ValueType::path_list: return "path list";
    }
    return "text";
}

const std::vector<Group>& groups() {
    static const std::vector<Group> g = build_groups();
    return g;
}

const Group* find_group(std::string_view element) {
    for (const Group& g : groups())
        if (g.element == element) return &g;
    return nullptr;
}

const std::vector<SettingSpec>& setting_specs() {
    static const std::vector<SettingSpec> s = build_specs();
    return s;
}

const std::vector<Setting>& settings() {
    static const std::vector<Setting> s = build_settings();
    return s;
}

const Setting* find_setting(std::string_view key) {
    static const std::map<std::string, std::size_t, std::less<>> index = [] {
        std::map<std::string, std::size_t, std::less<>> m;
        const std::vector<Setting>& all = settings();
        for (std::size_t i = 0; i < all.size(); ++i) m.emplace(all[i].key, i);
        return m;
    }();
    auto it = index.find(key);
    return it == index.end() ? nullptr : &settings()[it->second];
}

std::size_t setting_index(const Setting& s) { return static_cast<std::size_t>(&s - settings().data()); }

std::string template_key(const SettingSpec& spec) {
    std::string out(spec.group);
    if (spec.family != Family::global) {
        const Group* g = find_group(spec.group);
        out += g != nullptr && g->selector == "priority" ? ".<priority>" : ".<name>";
    }
    return out + "." + std::string(spec.field);
}

}  // namespace galley::layout

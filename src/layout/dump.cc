#include "layout/dump.h"

#include "layout/registry.h"
#include "layout/value_parse.h"
#include "layout/value_text.h"

namespace galley::layout {
namespace {

std::string pad(std::string s, std::size_t width) {
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// "Greater than 0mm, at most 2000mm." or "" when unbounded.
std::string range_text(const SettingSpec& s) {
    if (!s.min && !s.max) return "";
    std::string out;
    if (s.min) out += (s.min_exclusive ? "Greater than " : "At least ") + s.min_text;
    if (s.max) out += (out.empty() ? "At most " : ", at most ") + s.max_text;
    return out + ".";
}

std::string choices_text(const SettingSpec& s) {
    if (s.choices.empty()) return "";
    if (s.type == ValueType::span) return "A number of columns, or: " + join(s.choices) + ".";
    if (s.type != ValueType::choice) return "";
    if (s.family == Family::paragraph_style && s.field == "based-on") return "none, or a style name.";
    return "One of: " + join(s.choices) + ".";
}

std::string group_heading(const Group& g) {
    std::string how;
    if (g.family == Family::global) {
        how = "<" + std::string(g.element) + " FIELD=\"...\"/>";
    } else {
        how = "<" + std::string(g.element) + " " + std::string(g.selector) + "=\"...\" FIELD=\"...\"/>, " +
              std::string(g.selector) + " one of: " + join(g.instances);
    }
    return "[" + std::string(g.element) + "] " + std::string(g.help) + "\n    Written " + how + "\n";
}

}  // namespace

std::string describe_settings() {
    std::string out =
        "Layout settings: key, type, default, help. GROUP.FIELD is written <GROUP FIELD=\"value\"/>;\n"
        "GROUP.<name>.FIELD is written <GROUP name=\"NAME\" FIELD=\"value\"/> (tier uses priority=\"N\").\n"
        "Lengths take a unit: mm, pt, in, cm or pc.\n";
    for (const Group& g : groups()) {
        out += "\n" + group_heading(g);
        for (const SettingSpec& s : setting_specs()) {
            if (s.group != g.element) continue;
            std::string def = s.default_text.empty() ? "(empty)" : s.default_text;
            out += "  " + pad(template_key(s), 42) + " " + pad(std::string(type_name(s.type)), 15) + " default " +
                   def + "\n";
            std::string help(s.help);
            for (const std::string& extra : {range_text(s), choices_text(s)})
                if (!extra.empty()) help += " " + extra;
            out += "      " + help + "\n";
            if (!s.instance_defaults.empty()) {
                std::string per;
                for (const auto& [instance, value] : s.instance_defaults)
                    per += (per.empty() ? "" : "; ") + instance + ": " + value;
                out += "      Except: " + per + ".\n";
            }
        }
    }
    return out;
}

std::string dump_layout(const Layout& layout) {
    std::string out = "layout " + layout.name + "\n";
    out += "description " + layout.description + "\n";
    std::string chain;
    for (const std::string& n : layout.chain) chain += (chain.empty() ? "" : " -> ") + n;
    out += "chain " + chain + "\n";
    for (const Setting& s : settings()) {
        std::string value = format_value(*s.spec, s.binding.fetch(layout));
        out += s.key + (value.empty() ? " =" : " = " + value) + "\n";
    }
    auto mm = [](Length l) { return format_length(l, LengthUnit::mm); };
    out += "derived.live-width = " + mm(layout.live_width()) + "\n";
    out += "derived.live-height = " + mm(layout.live_height()) + "\n";
    out += "derived.column-width = " + mm(layout.column_width()) + "\n";
    for (int i = 0; i < layout.columns.count; ++i)
        out += "derived.column." + std::to_string(i + 1) + ".left = " + mm(layout.column_left(i)) + "\n";
    for (int t = 1; t <= kTierCount; ++t)
        out += "derived.tier." + std::to_string(t) + ".columns = " + std::to_string(layout.tier_columns(t)) + "\n";
    return out;
}

std::string format_summary_line(const LayoutSummary& s) {
    std::string size = format_number(s.width.to_mm()) + " x " + format_number(s.height.to_mm()) + " mm, " +
                       std::to_string(s.columns) + (s.columns == 1 ? " column" : " columns");
    return pad(s.name, 14) + " " + pad(size, 28) + " " + s.description;
}

}  // namespace galley::layout

#include "cli/options.h"

#include <sstream>

namespace galley::cli {
namespace {

const OptionSpec* find_long(const CommandSpec& spec, const std::string& name) {
    for (const OptionSpec& o : spec.options)
        if (o.long_name == name) return &o;
    return nullptr;
}

const OptionSpec* find_short(const CommandSpec& spec, char c) {
    for (const OptionSpec& o : spec.options)
        if (o.short_name == c) return &o;
    return nullptr;
}

}  // namespace

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

std::optional<ParsedArgs> parse_args(const CommandSpec& spec, const std::vector<std::string>& args,
                                     std::string& error) {
    ParsedArgs out;
    bool only_operands = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (only_operands || a.size() < 2 || a[0] != '-') {
            out.operands.push_back(a);
            continue;
        }
        if (a == "--") {
            only_operands = true;
            continue;
        }
        if (a == "-h" || a == "--help") {
            out.help = true;
            continue;
        }
        const OptionSpec* o = nullptr;
        std::optional<std::string> inline_value;
        std::string shown = a;
        if (a.rfind("--", 0) == 0) {
            std::string name = a.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
                shown = "--" + name;
            }
            o = find_long(spec, name);
        } else {
            o = find_short(spec, a[1]);
            shown = a.substr(0, 2);
            if (a.size() > 2) inline_value = a.substr(2);
        }
        if (o == nullptr) {
            error = "unknown option '" + shown + "' for 'galley " + spec.name + "'";
            return std::nullopt;
        }
        if (o->value_name.empty()) {
            if (inline_value) {
                error = "option '" + shown + "' takes no value";
                return std::nullopt;
            }
            out.values[o->long_name] = "";
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size()) {
                error = "option '" + shown + "' needs a value (" + o->value_name + ")";
                return std::nullopt;
            }
            inline_value = args[++i];
        }
        out.values[o->long_name] = *inline_value;
    }
    if (!out.help && static_cast<int>(out.operands.size()) < spec.min_operands) {
        error = "'galley " + spec.name + "' needs at least one INPUT (" + spec.operand + ")";
        return std::nullopt;
    }
    return out;
}

std::string help_text(const CommandSpec& spec) {
    std::ostringstream out;
    out << "Usage: " << spec.usage << "\n\n" << spec.summary << "\n";
    if (!spec.description.empty()) out << "\n" << spec.description << "\n";
    out << "\nOptions:\n";
    std::vector<std::pair<std::string, std::string>> rows;
    for (const OptionSpec& o : spec.options) {
        std::string left = o.short_name ? std::string("-") + o.short_name + ", " : "    ";
        left += "--" + o.long_name;
        if (!o.value_name.empty()) left += " " + o.value_name;
        std::string right = o.help;
        if (!o.default_value.empty()) right += " (default: " + o.default_value + ")";
        rows.emplace_back(left, right);
    }
    rows.emplace_back("-h, --help", "show this help");
    std::size_t width = 0;
    for (auto& r : rows) width = std::max(width, r.first.size());
    for (auto& r : rows) out << "  " << r.first << std::string(width - r.first.size() + 2, ' ') << r.second << "\n";
    return out.str();
}

}  // namespace galley::cli

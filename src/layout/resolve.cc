#include "layout/resolve.h"

#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include "layout/registry.h"
#include "layout/value_parse.h"

namespace galley::layout {
namespace {

constexpr std::string_view kBasedOn = "based-on";

// The registry defaults, parsed once.
const std::vector<Value>& default_values() {
    static const std::vector<Value> values = [] {
        std::vector<Value> out;
        for (const Setting& s : settings()) {
            std::string error;
            std::optional<Value> v = parse_value(*s.spec, s.default_text, {}, error);
            if (!v) throw std::logic_error("layout registry: default of " + s.key + ": " + error);
            out.push_back(std::move(*v));
        }
        return out;
    }();
    return values;
}

class Resolver {
public:
    Resolver(const std::vector<Layer>& chain, Diagnostics& diags) : diags_(diags) {
        const std::size_t n = settings().size();
        written_.assign(n, nullptr);
        written_layer_.assign(n, chain.size());
        // Root-most layer first, so nearer layers overwrite.
        for (std::size_t depth = chain.size(); depth-- > 0;)
            for (const Assignment& a : chain[depth].assignments) {
                written_[a.setting] = &a;
                written_layer_[a.setting] = depth;
            }
        fallback_where_ = chain.front().root_where;
        values_.resize(n);
        where_.resize(n);
        layer_.assign(n, chain.size());
        state_.assign(n, State::pending);
    }

    bool run(Layout& layout, Origins& origins) {
        if (!check_based_on_cycles()) return false;
        const std::vector<Setting>& all = settings();
        for (std::size_t i = 0; i < all.size(); ++i) resolve(i);
        finish_values();
        for (std::size_t i = 0; i < all.size(); ++i) all[i].binding.store(layout, values_[i]);
        origins.by_setting = where_;
        origins.layer_by_setting = layer_;
        origins.root = fallback_where_;
        return true;
    }

private:
    enum class State { pending, done };

    std::size_t index_of(const std::string& key) const {
        const Setting* s = find_setting(key);
        if (s == nullptr) throw std::logic_error("layout registry: no setting " + key);
        return setting_index(*s);
    }

    // The based-on value of a paragraph style ("none" or a style name).
    std::string based_on(const std::string& style) {
        std::size_t i = index_of("style." + style + "." + std::string(kBasedOn));
        resolve(i);
        return std::get<std::string>(values_[i]);
    }

    void resolve(std::size_t i) {
        if (state_[i] == State::done) return;
        const Setting& s = settings()[i];
        if (const Assignment* a = written_[i]) {
            values_[i] = a->value;
            where_[i] = a->where;
            layer_[i] = written_layer_[i];
        } else if (s.group->family == Family::paragraph_style && s.spec->field != kBasedOn &&
                   based_on(s.instance_name) != "none") {
            std::size_t parent = index_of("style." + based_on(s.instance_name) + "." + std::string(s.spec->field));
            resolve(parent);
            values_[i] = values_[parent];
            where_[i] = where_[parent];
            layer_[i] = layer_[parent];
        } else {
            values_[i] = default_values()[i];
            where_[i] = fallback_where_;
        }
        state_[i] = State::done;
    }

    // Every style's based-on chain must end at "none".
    bool check_based_on_cycles() {
        bool ok = true;
        std::set<std::string> reported;
        for (const std::string& style : enum_names<ParagraphStyleId>()) {
            std::vector<std::string> path = {style};
            std::string cur = style;
            while (true) {
                cur = based_on(cur);
                if (cur == "none") break;
                bool seen = false;
                for (const std::string& p : path) seen = seen || p == cur;
                path.push_back(cur);
                if (!seen) continue;
                if (cur == style && !reported.count(style)) {
                    std::string through;
                    for (const std::string& p : path) {
                        through += (through.empty() ? "" : " -> ") + p;
                        reported.insert(p);
                    }
                    std::size_t i = index_of("style." + style + "." + std::string(kBasedOn));
                    diags_.error("E-LAYOUT-STYLE-CYCLE", where_[i],
                                 "paragraph style '" + style + "' is based on itself: " + through);
                    ok = false;
                }
                break;
            }
        }
        return ok;
    }

    // Font roles become their families; grid lines become lengths.
    void finish_values() {
        std::map<std::string, std::vector<std::string>> roles;
        for (const char* role : {"text", "display", "sans"})
            roles[role] = std::get<FontList>(values_[index_of(std::string("fonts.") + role)]).families;
        Length leading = std::get<Length>(values_[index_of("grid.leading")]);
        for (Value& v : values_) {
            if (auto* f = std::get_if<FontList>(&v); f != nullptr && !f->role.empty()) f->families = roles[f->role];
            if (auto* s = std::get_if<Space>(&v); s != nullptr && s->grid_lines) s->length = leading * *s->grid_lines;
        }
    }

    Diagnostics& diags_;
    std::vector<const Assignment*> written_;
    std::vector<std::size_t> written_layer_;  ///< the layer of written_[i]
    std::vector<Value> values_;
    std::vector<SourceLocation> where_;
    std::vector<std::size_t> layer_;
    std::vector<State> state_;
    SourceLocation fallback_where_;
};

}  // namespace

SourceLocation Origins::where(std::string_view key) const {
    const Setting* s = find_setting(key);
    if (s == nullptr || setting_index(*s) >= by_setting.size()) return {};
    return by_setting[setting_index(*s)];
}

bool Origins::set_by_leaf(std::string_view key) const {
    const SourceLocation w = where(key);
    const bool at_root = w.line == root.line && w.column == root.column;
    return w.file == root.file && !at_root;
}

std::size_t Origins::layer(std::string_view key) const {
    const Setting* s = find_setting(key);
    if (s == nullptr || setting_index(*s) >= layer_by_setting.size()) return 0;
    return layer_by_setting[setting_index(*s)];
}

std::optional<Layout> resolve_layers(const std::vector<Layer>& chain, Origins& origins, Diagnostics& diags) {
    if (chain.empty()) return std::nullopt;
    Layout layout;
    if (!Resolver(chain, diags).run(layout, origins)) return std::nullopt;
    return layout;
}

}  // namespace galley::layout

// Internal: the small builder the registry tables are written with, so each
// setting reads as one declaration: key, type, default, help, range, target.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/binding.h"
#include "layout/registry.h"

namespace galley::layout::detail {

class Def {
public:
    Def(std::string_view group, std::string_view field, ValueType type, std::string default_text,
        std::string_view help);

    /// Inclusive bounds, written as a layout file would ("0mm", "20").
    Def& range(std::string min, std::string max);
    /// Lower bound excluded (a size must be greater than 0).
    Def& above(std::string min, std::string max);
    Def& choices(std::vector<std::string> words);
    Def& inheritable();
    /// A different default for one instance of a named family.
    Def& per(std::string instance, std::string default_text);
    /// The same different default for each of `instances`.
    Def& per_each(std::span<const std::string_view> instances, const std::string& default_text);

    /// Lands in a global field: `access` is `(auto& layout) -> auto&`.
    template <class Access>
    Def& to(Access access) {
        spec_.family = Family::global;
        spec_.bind = [access](std::size_t) { return make_binding(access); };
        return *this;
    }

    /// Lands in one field of every instance of a named family.
    template <class T>
    Def& to(T ParagraphStyle::*field) {
        spec_.family = Family::paragraph_style;
        spec_.bind = [field](std::size_t i) {
            return make_binding([i, field](auto& l) -> auto& { return l.paragraph_styles[i].*field; });
        };
        return *this;
    }
    template <class T>
    Def& to(T CharacterStyle::*field) {
        spec_.family = Family::character_style;
        spec_.bind = [field](std::size_t i) {
            return make_binding([i, field](auto& l) -> auto& { return l.character_styles[i].*field; });
        };
        return *this;
    }
    template <class T>
    Def& to(T HeadlineTier::*field) {
        spec_.family = Family::headline_tier;
        spec_.bind = [field](std::size_t i) {
            return make_binding([i, field](auto& l) -> auto& { return l.tiers[i].*field; });
        };
        return *this;
    }
    template <class T>
    Def& to(T Box::*field) {
        spec_.family = Family::box;
        spec_.bind = [field](std::size_t i) {
            return make_binding([i, field](auto& l) -> auto& { return l.boxes[i].*field; });
        };
        return *this;
    }

    SettingSpec take() { return std::move(spec_); }

private:
    SettingSpec spec_;
};

/// The tables, in documentation order.
void add_page_specs(std::vector<SettingSpec>& out);      // page, columns, grid, fonts
void add_style_specs(std::vector<SettingSpec>& out);     // style, char, tier
void add_element_specs(std::vector<SettingSpec>& out);   // span, article, dropcap, figure, list, separator, box
void add_furniture_specs(std::vector<SettingSpec>& out); // masthead, running-head, folio, press

}  // namespace galley::layout::detail

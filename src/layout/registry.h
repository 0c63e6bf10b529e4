// THE declaration of every layout setting: its key, type, default, one line of
// help, the values it accepts and where it lands in the Layout structs. The
// loader, the settings reference (`galley layouts --settings`, docs) and the
// dumps all read this table; no other code declares a default.
//
// Keys have two shapes. Global settings are "GROUP.FIELD" (page.width) and are
// written <GROUP FIELD="..."/> in a layout file. Settings of a named thing
// (a paragraph style, a character style, a headline tier, a box) are
// "GROUP.NAME.FIELD" (style.body.size) and are written
// <GROUP SELECTOR="NAME" FIELD="..."/> (<style name="body" size="9pt"/>).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/settings.h"
#include "layout/value.h"

namespace galley::layout {

/// What a key's middle part names, if anything.
enum class Family { global, paragraph_style, character_style, headline_tier, box };

/// A group of settings: one element name in a layout file.
struct Group {
    std::string_view element;             ///< "page", "style".
    Family family = Family::global;
    std::string_view selector;            ///< Attribute naming the instance ("name", "priority"); "" for globals.
    std::vector<std::string> instances;   ///< Instance names, in order; empty for globals.
    std::string_view help;
};

/// How a value reaches the Layout and comes back out of it.
struct Binding {
    std::function<void(Layout&, const Value&)> store;
    std::function<Value(const Layout&)> fetch;
};

/// One declared setting. For a named family it is a template: "style.*.size"
/// stands for style.body.size, style.deck.size, ...
struct SettingSpec {
    Family family = Family::global;
    std::string_view group;         ///< Element name.
    std::string_view field;         ///< Attribute name.
    ValueType type = ValueType::text;
    std::string default_text;       ///< As a layout file would write it.
    std::string_view help;
    std::vector<std::string> choices;  ///< choice: the allowed words; span: the allowed keywords.
    std::optional<double> min;      ///< In points for lengths and spaces.
    std::optional<double> max;
    bool min_exclusive = false;
    std::string min_text;           ///< The bounds as written, for messages.
    std::string max_text;
    bool inheritable = false;       ///< Accepts "inherit" (character styles).
    /// Defaults that differ per instance ({"em", "true"}); others take default_text.
    std::vector<std::pair<std::string, std::string>> instance_defaults;
    std::function<Binding(std::size_t instance)> bind;

    /// The default for one instance ("" for globals).
    const std::string& default_for(std::string_view instance) const;
};

/// One concrete setting: a spec applied to one instance.
struct Setting {
    std::string key;                ///< "style.body.size".
    const SettingSpec* spec = nullptr;
    const Group* group = nullptr;
    std::size_t instance = 0;       ///< Index into the group's instances; 0 for globals.
    std::string instance_name;      ///< "body", "1", or "" for globals.
    std::string default_text;
    Binding binding;
};

/// Every group, in documentation order.
const std::vector<Group>& groups();
const Group* find_group(std::string_view element);

/// Every spec, in documentation order (grouped by element).
const std::vector<SettingSpec>& setting_specs();

/// Every concrete setting, in documentation order; a setting's position in
/// this vector is its stable index.
const std::vector<Setting>& settings();
const Setting* find_setting(std::string_view key);
std::size_t setting_index(const Setting& s);

/// "style.<name>.size" for a template spec, "page.width" for a global one.
std::string template_key(const SettingSpec& spec);

}  // namespace galley::layout

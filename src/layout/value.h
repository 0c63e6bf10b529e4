// A setting's value while a layout is being loaded: one variant for every
// type a setting can have, before it is stored into the Layout structs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/length.h"
#include "layout/values.h"

namespace galley::layout {

/// The types a setting can have, as the documentation names them.
enum class ValueType {
    length,         ///< "12mm", "9.5pt".
    number,         ///< "0.8", "-20".
    integer,        ///< "5".
    boolean,        ///< "true" | "false".
    choice,         ///< One of a fixed list of words.
    text,           ///< Any string.
    colour,         ///< "#rrggbb".
    colour_or_none, ///< "#rrggbb" | "none".
    font_list,      ///< "Charis SIL, Noto Serif Khmer" | a font role: "text", "display", "sans".
    weight,         ///< 100..900 in steps of 100, or a name ("bold").
    space,          ///< A length, or grid lines: "1line", "0.5lines".
    span,           ///< A column count, or a keyword ("all", "headline").
    path,           ///< A file, relative to the layout file that names it.
    path_list,      ///< Folders, comma-separated, relative to the layout file.
};

/// "length", "number", ... as shown in the settings reference.
std::string_view type_name(ValueType t);

/// No value: "inherit" for character-style settings, "none" for colour_or_none.
struct Unset {
    bool operator==(const Unset&) const = default;
};

using Value = std::variant<Unset, Length, double, int, bool, std::string, Colour, FontList, Space, Span,
                           std::filesystem::path, std::vector<std::filesystem::path>>;

}  // namespace galley::layout

// Reading a setting's text as its declared type (with range and choice
// checks) and writing a value back as stable text.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "layout/registry.h"
#include "layout/value.h"

namespace galley::layout {

/// Parses `text` as a value of `spec`. Relative paths resolve against
/// `base_dir` (the folder of the layout file that wrote them). On failure
/// returns nothing and sets `error` to what was expected, phrased to follow
/// "bad value '...' for KEY: ".
std::optional<Value> parse_value(const SettingSpec& spec, std::string_view text, const std::filesystem::path& base_dir,
                                 std::string& error);

/// A value as stable text: classic-locale numbers, lengths in the unit the
/// spec's default is written in, spaces given in lines with their length.
std::string format_value(const SettingSpec& spec, const Value& value);

}  // namespace galley::layout

// A small JSON reader for the validators' reports (epubcheck --json, Ace's
// report.json). Test code only: strict enough for well-formed reports.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace galley::test {

struct Json {
    using Array = std::vector<Json>;
    using Object = std::vector<std::pair<std::string, Json>>;
    std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<Array>, std::shared_ptr<Object>> value;

    /// The member `key` of an object, or null.
    const Json* get(std::string_view key) const;
    const Array* array() const;
    const Object* object() const;
    std::string string_or(std::string fallback = {}) const;
    double number_or(double fallback = 0) const;
};

/// Parses `text`; nothing when it is not JSON.
std::optional<Json> parse_json(std::string_view text);

}  // namespace galley::test

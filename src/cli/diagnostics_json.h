// --diagnostics=json: every diagnostic as one JSON document on stdout, for
// CMS integration. The format is docs/diagnostics.schema.json (version 1).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace galley::cli {

struct JsonInput {
    std::string input;  ///< the INPUT as given
    std::string issue;  ///< the issue id, or "" when it could not be read
    const Diagnostics* diags = nullptr;
};

/// {"version":1,"inputs":[{"input":..,"issue":..,"diagnostics":[..]}],"errors":N,"warnings":N}
std::string diagnostics_json(const std::vector<JsonInput>& inputs);

/// `text` as a JSON string literal (invalid UTF-8 becomes U+FFFD).
std::string json_string(std::string_view text);

}  // namespace galley::cli

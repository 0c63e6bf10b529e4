// XML's white space (production S of XML 1.0: space, tab, LF, CR), and the
// one rule for text read as a token or a label: trimmed, each run of white
// space one space.
#pragma once

#include <string>
#include <string_view>

namespace galley {

constexpr bool is_xml_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// `text` without the XML white space at either end.
std::string_view trim_xml_space(std::string_view text);

/// `text` trimmed, with each run of XML white space inside it one space.
std::string collapse_xml_space(std::string_view text);

}  // namespace galley

// Where each start tag and attribute of an XML text begins. libxml2 records
// one line per element (the line where its start tag ends) and nothing for
// attributes; layout files put one attribute per line, so the loader scans the
// text itself to point diagnostics at the exact attribute and value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace galley::layout {

struct AttributePosition {
    std::string name;
    int line = 0;          ///< Of the attribute name; lines and columns count from 1.
    int column = 0;
    int value_line = 0;    ///< Of the first character inside the quotes.
    int value_column = 0;
};

struct TagPosition {
    std::string name;      ///< As written, with any prefix.
    int line = 0;          ///< Of the '<'.
    int column = 0;
    std::vector<AttributePosition> attributes;

    /// The attribute named `name`, or null.
    const AttributePosition* attribute(std::string_view attr_name) const;
};

/// Every start tag (and empty-element tag) of `xml`, in document order, which
/// is also the pre-order of the parsed element tree. Comments, processing
/// instructions, CDATA sections, declarations and end tags are skipped.
/// Columns count characters (as libxml2 and the CLI's caret do). Meant for text libxml2 has already parsed without
/// error; on anything else the result is simply incomplete.
std::vector<TagPosition> scan_start_tags(std::string_view xml);

}  // namespace galley::layout

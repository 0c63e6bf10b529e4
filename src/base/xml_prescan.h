// A cheap look at XML bytes BEFORE libxml2 parses them. libxml2 2.9.14
// checks the attributes and the namespace declarations of one start tag
// against each other in O(n^2): 100,000 attributes on one element cost
// minutes of CPU inside the parser, where no callback can stop it. So the
// start tags are counted first, in one linear pass over the raw bytes, and a
// document over the limits never reaches the parser. The pass also refuses
// encodings it cannot see through (UTF-7, UTF-32, EBCDIC, ISO-2022...), so
// the count cannot be dodged by declaring one.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace galley {

/// Per-element limits on markup, checked by prescan_xml(). The defaults are
/// far above anything galley's schemas, layouts or real SVG files use (the
/// largest: a layout <style> with 19 attributes; Inkscape declares about 10
/// namespaces on its root) and far below where libxml2's quadratic checks
/// start to cost (256^2 comparisons are nothing; 40,000^2 took 10 s).
struct MarkupLimits {
    /// Attributes on one element, namespace declarations not counted.
    std::size_t max_attributes_per_element = 256;
    /// Namespace declarations (xmlns, xmlns:p) on one element.
    std::size_t max_namespaces_per_element = 64;
};

/// What prescan_xml() found wrong.
struct PrescanProblem {
    enum class Kind {
        encoding,    ///< an encoding galley does not read (message says which)
        attributes,  ///< an element over max_attributes_per_element
        namespaces,  ///< an element over max_namespaces_per_element
    };
    Kind kind = Kind::encoding;
    int line = 1;         ///< where the element's start tag begins (1 for encodings)
    std::string element;  ///< the element's name as written (ASCII; other characters '?'), or ""
    std::size_t count = 0;  ///< attributes or namespace declarations found on it
    std::string message;  ///< one sentence without a file name
};

/// Scans `bytes`, a whole XML document. The encoding is found as libxml2
/// finds it (byte order mark, first four bytes, then the declaration):
/// UTF-8 and other encodings in which `<`, `>`, `=`, quotes and white space
/// are single ASCII bytes (US-ASCII, ISO-8859-*, windows-125*, KOI8, the
/// EUC family, Shift_JIS, GBK/GB18030, Big5) and UTF-16 are read; any other
/// is refused, since its markup could hide from this pass. Malformed XML is
/// not reported here (the parser does that, with a better message).
std::optional<PrescanProblem> prescan_xml(std::string_view bytes, const MarkupLimits& limits);

}  // namespace galley

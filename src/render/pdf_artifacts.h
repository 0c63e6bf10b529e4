// Marking what a page draws outside the structure tree as /Artifact.
//
// A tagged PDF must tell its real content from artifacts (ISO 32000-1
// 14.8.2.2): everything a page paints is either inside a marked-content
// sequence that belongs to a structure element (one with an /MCID) or
// inside an /Artifact sequence. Cairo 1.16 marks the content of the
// elements it is given and nothing else: running heads, folios, jump lines,
// rules and boxes (the typesetter's `artifact` tags) come out unmarked, and
// screen readers and checkers take unmarked content for untagged text.
//
// mark_artifacts() reads one page's content stream and encloses each run
// of painting that no structure element covers in `/Artifact BMC ... EMC`.
// A run opens before the first thing painted where no element covers it:
// the operands of a text-show operator, the first segment of a path that
// is painted (not one that only clips), an XObject, a shading, an inline
// image. It closes before the next BT or ET, the next sequence that
// belongs to an element, the EMC of the sequence it was opened in, or the
// stream's end: so runs never cross a text object or a path, and nest with
// every other sequence (cairo's /Span with /ActualText, which has no
// /MCID, ends up inside a run or holding one). Content inside a structure
// element or an /Artifact sequence is left alone, byte for byte.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley::render {

/// The content stream with its unmarked painting enclosed in /Artifact
/// sequences, or nothing when there is none (the stream is right as it is).
std::optional<std::string> mark_artifacts(std::string_view content);

}  // namespace galley::render

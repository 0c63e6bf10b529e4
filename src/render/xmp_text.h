// Text inside the elements of an XMP metadata packet, for the packets the
// screen PDF (pdf_finish) and the press PDF (press/pdf_passes) carry.
#pragma once

#include <string>
#include <string_view>

namespace galley::render {

/// `text` with XML's markup characters as entities, and a space for each
/// C0 control but tab, LF and CR, which XML 1.0 cannot hold.
std::string xmp_text(std::string_view text);

}  // namespace galley::render

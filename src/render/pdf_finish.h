// The finishing pass over cairo's PDF, in memory, with libqpdf: what cairo
// 1.16 cannot write.
//
//   catalog  /Lang (the document language), /ViewerPreferences
//            /DisplayDocTitle
//   info     /CreationDate and /ModDate in PDF form from the given time, or
//            none (cairo would have written the wall clock)
//   XMP      a metadata stream repeating title, authors, subject, keywords,
//            language, dates and tools
//   tree     /Alt on Figure elements, /Lang where an element's language
//            differs, /T (the headline) on Art elements: matched to cairo's
//            structure tree by walking it in order beside the elements drawn
//   links    Link annotations (URI actions, or /Dest to any page, forward
//            too), each with a Link structure element under the element it
//            was drawn in
//   images   the PNGs passed through (png_passthrough.h): each stand-in
//            image cairo wrote becomes the PNG's data, /FlateDecode under
//            the PNG predictors, in its colour space (/Indexed for a palette)
//   artifacts  what the pages paint outside every structure element,
//              enclosed in /Artifact sequences (pdf_artifacts.h)
//   /ID      derived from the content (QPDFWriter's deterministic ID)
//
// Everything else is kept as cairo wrote it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"
#include "render/draw.h"
#include "render/png_passthrough.h"

namespace galley::render {

struct FinishInput {
    const page::Document* document = nullptr;
    const std::vector<StructureElement>* elements = nullptr;
    const std::vector<PlacedLink>* links = nullptr;
    const std::vector<PngPassthrough>* passthrough = nullptr;  ///< by marker index
    std::optional<std::int64_t> date;  ///< seconds since the epoch, UTC
    int threads = 1;                    ///< for marking artifacts in the pages' contents
};

/// Returns the finished PDF, or nothing with E-PDF-FINISH.
std::optional<std::string> finish_pdf(const std::string& cairo_pdf, const FinishInput& input, Diagnostics& diags);

}  // namespace galley::render

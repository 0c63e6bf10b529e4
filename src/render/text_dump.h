// A stable, readable text form of laid-out pages, one line per item, for
// golden layout tests (as SILE's debug outputter): diffs of it show what
// moved. Numbers are in points with two decimals, classic locale; font
// paths are relative to the fonts folder; images are named by file name.
//
//   document title="..." lang=en pages=2
//   page 1 size=595.28x841.89 label="1"
//     begin Art title="Headline"
//       text x=12.34 y=56.78 size=9.00 font=charis-sil/CharisSIL-Regular.ttf "the words"
//     end Art
//   outline level=1 page=1 y=0.00 "Section"
//
// Items are indented two spaces per open structure tag (tags may span
// pages). The complete grammar is in docs/pdf.md.
#pragma once

#include <string>

#include "page/page.h"

namespace galley::render {

std::string dump_document(const page::Document& document);

}  // namespace galley::render

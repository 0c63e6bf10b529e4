// IPTC NITF 3.x stories -> model::Article, the same model the galley article
// reader builds (docs/nitf.md has the mapping). A file whose root element is
// <nitf> (no namespace, the NITF namespace or any other) comes here instead
// of going through the article schema.
//
// Real NITF is messy, so this reader is lenient and says what it did:
// unknown elements keep their text and are reported (W-NITF-UNMAPPED, one
// warning per kind per file, occurrences counted), dates in several formats
// are normalised to xs:date / xs:dateTime, ids are made to fit the id
// pattern. What it cannot turn into an article (no headline, no body text)
// is an error. Images resolve through the same ImageResolver as every
// article's, with the same refusals.
#pragma once

#include <filesystem>
#include <string>

#include "model/article.h"
#include "read/image_resolver.h"
#include "xml/document.h"

namespace galley::read {

/// Whether `doc`'s root element is <nitf> (whatever its namespace).
bool is_nitf(const xml::Document& doc);

/// Reads a <nitf> document. `relative_file` is its path inside the issue
/// folder ('/' separated), `article_dir` its folder, against which media
/// paths resolve. Problems go to `diags`; the article is usable only when
/// no error was added. A DOCTYPE that xml::parse accepted (ignored_doctype)
/// is reported here as W-NITF-DOCTYPE.
model::Article read_nitf(const xml::Document& doc, const std::string& relative_file,
                         const std::filesystem::path& article_dir, ImageResolver& images, Diagnostics& diags);

}  // namespace galley::read

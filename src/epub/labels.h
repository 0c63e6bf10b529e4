// The few words galley itself adds to the book (headings such as "Contents",
// landmark names, the volume and number) come from the layout's label
// settings (layout::Labels, label.*): English by default. Where a document's
// language differs from the labels' (label.lang), a label is marked with the
// labels' language so screen readers pronounce it correctly.
#pragma once

#include <string_view>

#include "epub/xml_writer.h"
#include "layout/settings.h"

namespace galley::epub {

/// Whether `doc_lang` is the labels' language (same primary subtag).
bool same_language(std::string_view doc_lang, std::string_view label_lang);

/// {lang, xml:lang} = the labels' language when it differs from
/// `doc_lang`, and dir when the two are written in opposite directions;
/// otherwise empty attributes (skipped by XmlWriter).
XmlAttributes label_lang_attributes(const layout::Labels& labels, std::string_view doc_lang);

}  // namespace galley::epub

// The frame every XHTML content document shares: XML declaration, the HTML
// doctype, <html> with lang and xml:lang, a <head> with title and the
// stylesheet, and the <body>. Also unique ids within one document.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "epub/xml_writer.h"
#include "model/inline.h"

namespace galley::epub {

struct PageSpec {
    std::string href;        ///< This document, relative to the package folder.
    std::string title;       ///< Plain text for <title>.
    std::string lang;        ///< BCP 47; written as lang and xml:lang.
    std::string body_class;  ///< Empty for none.
};

/// Writes everything up to and including the opening <body>.
void begin_xhtml(XmlWriter& w, const PageSpec& spec);
/// Closes <body> and <html> and returns the document.
std::string end_xhtml(XmlWriter& w);

/// dir="rtl" or dir="ltr" for an element in `lang` inside text in `around`
/// when the two are written in opposite directions; otherwise an empty
/// attribute (skipped by XmlWriter). Empty `lang` (inherited): empty.
XmlAttribute dir_attribute(std::string_view lang, std::string_view around);

/// dir="rtl" or dir="ltr" for a paragraph (or caption, list item, cell) of
/// `content` in a document in `lang`, when its text reads the other way
/// (model::paragraph_direction, the rule print sets it by: an English
/// sentence in an Arabic story, an Arabic one in an English story);
/// otherwise an empty attribute.
XmlAttribute text_dir_attribute(const model::Inlines& content, std::string_view lang);

/// Ids unique within one document: "fig", "fig-2", "fig-3"...
class IdSet {
public:
    std::string make(const std::string& base);

private:
    std::map<std::string, int> used_;
};

/// The XHTML and EPUB namespaces.
inline constexpr const char* kXhtmlNs = "http://www.w3.org/1999/xhtml";
inline constexpr const char* kEpubNs = "http://www.idpf.org/2007/ops";

}  // namespace galley::epub

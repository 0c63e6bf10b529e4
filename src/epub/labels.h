// The few words galley itself adds to the book (headings such as "Contents",
// landmark names, the accessibility summary). They are English; when a
// document's language is another, the label is marked lang="en" so screen
// readers pronounce it correctly.
#pragma once

#include <string>
#include <string_view>

#include "epub/xml_writer.h"

namespace galley::epub {

struct Labels {
    std::string lang = "en";
    std::string contents = "Contents";
    std::string cover = "Cover";
    std::string start = "Start of content";
    std::string correction = "Correction";
    std::string corrections = "Corrections";
    std::string related = "Related articles";
    std::string volume = "Vol.";
    std::string number = "No.";
    std::string landmarks = "Landmarks";
};

const Labels& labels();

/// Whether `doc_lang` is the labels' language (same primary subtag).
bool same_language(std::string_view doc_lang, std::string_view label_lang);

/// {lang, xml:lang} = the labels' language when it differs from
/// `doc_lang`, and dir when the two are written in opposite directions;
/// otherwise empty attributes (skipped by XmlWriter).
XmlAttributes label_lang_attributes(std::string_view doc_lang);

}  // namespace galley::epub

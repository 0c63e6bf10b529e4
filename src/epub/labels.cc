#include "epub/labels.h"

#include <array>
#include <cstdio>

#include "epub/xhtml_page.h"
#include "model/language.h"

namespace galley::epub {

bool same_language(std::string_view doc_lang, std::string_view label_lang) {
    return model::same_language(doc_lang, label_lang);
}

XmlAttributes label_lang_attributes(const layout::Labels& labels, std::string_view doc_lang) {
    if (same_language(doc_lang, labels.lang)) return {{"", ""}, {"", ""}, {"", ""}};
    return {{"lang", labels.lang}, {"xml:lang", labels.lang}, dir_attribute(labels.lang, doc_lang)};
}

std::string format_display_date(const CivilTime& t, std::string_view lang) {
    static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",
                                                        "May",     "June",     "July",      "August",
                                                        "September", "October", "November", "December"};
    const bool english = lang == "en" || lang.substr(0, 3) == "en-";
    if (!english) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
        return buf;
    }
    return std::to_string(t.day) + " " + months[static_cast<std::size_t>(t.month - 1)] + " " + std::to_string(t.year);
}

}  // namespace galley::epub

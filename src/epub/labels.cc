#include "epub/labels.h"

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

}  // namespace galley::epub

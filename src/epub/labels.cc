#include "epub/labels.h"

#include "epub/xhtml_page.h"

namespace galley::epub {
namespace {

std::string_view primary_subtag(std::string_view tag) {
    std::size_t dash = tag.find('-');
    return dash == std::string_view::npos ? tag : tag.substr(0, dash);
}

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
        if (x != y) return false;
    }
    return true;
}

}  // namespace

const Labels& labels() {
    static const Labels english;
    return english;
}

bool same_language(std::string_view doc_lang, std::string_view label_lang) {
    return iequal(primary_subtag(doc_lang), primary_subtag(label_lang));
}

XmlAttributes label_lang_attributes(std::string_view doc_lang) {
    if (same_language(doc_lang, labels().lang)) return {{"", ""}, {"", ""}, {"", ""}};
    return {{"lang", labels().lang}, {"xml:lang", labels().lang}, dir_attribute(labels().lang, doc_lang)};
}

}  // namespace galley::epub

// Short function words per language: each list holds the articles and the
// short prepositions and conjunctions (at most six bytes: "einem", "della")
// a headline line should not end on. Longer words ("about", "after") and
// pronouns stand well enough at a line end. The primary subtag is read here
// rather than with model::same_language: linebreak depends on base only.
#include "typeset/linebreak/short_words.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace galley::typeset {
namespace {

struct Language {
    std::string_view tag;
    std::vector<std::string_view> words;
};

// Unsorted: the lists are short, and looked up only at the spaces of
// display paragraphs.
const std::array<Language, 7> kLanguages{{
    {"en", {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "and",
            "or", "nor", "but", "as", "per", "via", "than"}},
    {"fr", {"le", "la", "les", "un", "une", "des", "de", "du", "à", "au", "aux", "en", "et", "ou",
            "par", "pour", "sur", "sans", "dans", "avec", "chez", "vers"}},
    {"de", {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "und", "oder",
            "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für",
            "um"}},
    {"es", {"el", "la", "los", "las", "un", "una", "unos", "de", "del", "a", "al", "en", "y", "e", "o", "u",
            "con", "por", "para", "sin", "sobre"}},
    {"pt", {"o", "a", "os", "as", "um", "uma", "de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas",
            "e", "ou", "com", "por", "para", "sem"}},
    {"it", {"il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "della", "a", "al", "alla", "da",
            "in", "nel", "nella", "con", "su", "per", "tra", "fra", "e", "o"}},
    {"nl", {"de", "het", "een", "van", "in", "op", "aan", "met", "voor", "naar", "bij", "om", "tot", "en", "of"}},
}};

std::string_view primary(std::string_view lang) {
    const std::size_t dash = lang.find_first_of("-_");
    return dash == std::string_view::npos ? lang : lang.substr(0, dash);
}

bool same_ascii_insensitive(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

}  // namespace

bool short_function_word(std::string_view lang, std::string_view word) {
    if (word.empty() || word.size() > 6) return false;
    const std::string_view tag = primary(lang);
    for (const Language& l : kLanguages) {
        if (!same_ascii_insensitive(l.tag, tag)) continue;
        return std::any_of(l.words.begin(), l.words.end(),
                           [&](std::string_view w) { return same_ascii_insensitive(w, word); });
    }
    return false;
}

}  // namespace galley::typeset

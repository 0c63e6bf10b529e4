#include "model/language.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace galley::model {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

/// The tag's primary language and its script subtag ("" when it has none),
/// both lower case.
struct Subtags {
    std::string primary;
    std::string script;
};

Subtags subtags_of(std::string_view lang) {
    std::string tag = lower(lang);
    std::string_view rest = tag;
    std::size_t dash = rest.find_first_of("-_");
    Subtags out{std::string(rest.substr(0, dash)), {}};
    // A four-letter subtag after the primary one (and any extended
    // language subtags) is the script.
    while (dash != std::string_view::npos) {
        rest = rest.substr(dash + 1);
        dash = rest.find_first_of("-_");
        std::string_view sub = rest.substr(0, dash);
        if (sub.size() == 4 && std::all_of(sub.begin(), sub.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            out.script = std::string(sub);
            break;
        }
        if (sub.size() != 3) break;  // past the extended language subtags
    }
    return out;
}

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

bool right_to_left(std::string_view lang) {
    constexpr std::array<std::string_view, 5> kRtlScripts{"arab", "hebr", "syrc", "thaa", "nkoo"};
    // Arabic and its regional varieties, Persian, Urdu and the other
    // languages usually written in Arabic script; Hebrew and Yiddish;
    // Syriac and Aramaic; Dhivehi (Thaana); N'Ko.
    constexpr std::array<std::string_view, 33> kRtlLanguages{
        "ar",  "arz", "ary", "aeb", "apc", "acm", "ajp", "afb", "ars", "fa", "prs", "ur",  "ps",  "sd", "ug", "ckb", "ks",
        "pnb", "bal", "glk", "mzn", "azb", "lrc", "sdh", "bqi", "he", "iw",  "yi",  "ji",  "syr", "arc", "dv", "nqo"};
    const Subtags t = subtags_of(lang);
    if (!t.script.empty()) return among(kRtlScripts, t.script);
    return among(kRtlLanguages, t.primary);
}

bool indents_by_characters(std::string_view lang) {
    constexpr std::array<std::string_view, 6> kScripts{"hani", "hans", "hant", "jpan", "hira", "kana"};
    // Chinese (the macrolanguage and its varieties, Literary Chinese) and Japanese.
    constexpr std::array<std::string_view, 11> kLanguages{"zh",  "cmn", "yue", "wuu", "hak", "nan",
                                                          "gan", "hsn", "cjy", "lzh", "ja"};
    const Subtags t = subtags_of(lang);
    if (!t.script.empty()) return among(kScripts, t.script);
    return among(kLanguages, t.primary);
}

bool full_width_punctuation(std::string_view lang) { return indents_by_characters(lang); }

bool stacks_marks(std::string_view lang) {
    constexpr std::array<std::string_view, 3> kScripts{"khmr", "mymr", "tibt"};
    // Khmer; Burmese and the other languages of Myanmar written in its
    // script (Shan, Mon, the Karen languages); Tibetan and Dzongkha.
    constexpr std::array<std::string_view, 9> kLanguages{"km", "my", "shn", "mnw", "ksw", "pwo", "kjp", "bo", "dz"};
    const Subtags t = subtags_of(lang);
    if (!t.script.empty()) return among(kScripts, t.script);
    return among(kLanguages, t.primary);
}

bool justifies_between_letters(std::string_view lang) {
    constexpr std::array<std::string_view, 4> kScripts{"thai", "laoo", "khmr", "mymr"};
    // Thai and the Tai languages of Thailand written in its script
    // (Northern Thai, Isan, Southern Thai); Lao; Khmer and Northern
    // Khmer; Burmese and the languages of Myanmar written in its script.
    constexpr std::array<std::string_view, 13> kLanguages{"th",  "nod", "tts", "sou", "lo",  "km", "kxm",
                                                          "my",  "shn", "mnw", "ksw", "pwo", "kjp"};
    const Subtags t = subtags_of(lang);
    if (!t.script.empty()) return among(kScripts, t.script);
    return among(kLanguages, t.primary);
}

bool same_language(std::string_view a, std::string_view b) { return subtags_of(a).primary == subtags_of(b).primary; }

}  // namespace galley::model

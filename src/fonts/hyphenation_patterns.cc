#include "fonts/hyphenation_patterns.h"

#include <algorithm>
#include <map>
#include <system_error>

namespace galley::fonts {
namespace {

namespace fs = std::filesystem;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - ('a' - 'A')) : c; }

bool all_of_kind(std::string_view s, bool (*kind)(char)) { return !s.empty() && std::all_of(s.begin(), s.end(), kind); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

std::string to_upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), upper);
    return out;
}

/// A tag reduced to what pattern files distinguish.
struct LanguageRegion {
    std::string language;  ///< lower case, 2..8 letters
    std::string region;    ///< upper case (2 letters or 3 digits), or empty
};

std::vector<std::string_view> subtags(std::string_view tag) {
    std::vector<std::string_view> parts;
    while (true) {
        std::size_t sep = tag.find_first_of("-_");
        parts.push_back(tag.substr(0, sep));
        if (sep == std::string_view::npos) break;
        tag = tag.substr(sep + 1);
    }
    return parts;
}

/// language [-script] [-region] [...]; nothing when the language subtag is malformed.
std::optional<LanguageRegion> parse_tag(std::string_view tag) {
    std::vector<std::string_view> parts = subtags(tag);
    if (parts[0].size() < 2 || parts[0].size() > 8 || !all_of_kind(parts[0], is_alpha)) return std::nullopt;
    LanguageRegion lr{to_lower(parts[0]), {}};
    std::size_t i = 1;
    if (i < parts.size() && parts[i].size() == 4 && all_of_kind(parts[i], is_alpha)) ++i;  // script
    if (i < parts.size()) {
        std::string_view r = parts[i];
        if ((r.size() == 2 && all_of_kind(r, is_alpha)) || (r.size() == 3 && all_of_kind(r, is_digit)))
            lr.region = to_upper(r);
    }
    return lr;
}

/// hyph_<tag>.dic files in `dir`, keyed by language, then region ("" for none).
using PatternIndex = std::map<std::string, std::map<std::string, fs::path>>;

PatternIndex index_patterns(const fs::path& dir) {
    PatternIndex index;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (!it->is_regular_file(type_ec)) continue;
        const std::string name = it->path().filename().string();
        const std::string folded = to_lower(name);
        if (folded.size() <= 9 || folded.rfind("hyph_", 0) != 0 || folded.substr(folded.size() - 4) != ".dic") continue;
        std::optional<LanguageRegion> lr = parse_tag(std::string_view(name).substr(5, name.size() - 9));
        if (!lr) continue;
        // Two files for one tag (hyph_en_US.dic, HYPH_EN_us.dic): keep the bytewise first.
        auto [slot, inserted] = index[lr->language].try_emplace(lr->region, it->path());
        if (!inserted && it->path().filename() < slot->second.filename()) slot->second = it->path();
    }
    return index;
}

std::string default_region(const std::string& language) { return language == "en" ? "US" : to_upper(language); }

}  // namespace

std::optional<fs::path> hyphenation_patterns_for(const fs::path& patterns_dir, std::string_view bcp47_lang) {
    std::optional<LanguageRegion> wanted = parse_tag(bcp47_lang);
    if (!wanted) return std::nullopt;
    const PatternIndex index = index_patterns(patterns_dir);
    auto language = index.find(wanted->language);
    if (language == index.end()) return std::nullopt;
    const auto& regions = language->second;

    // 1. the tag's own region, 2. the language alone, 3. its default region.
    const std::string order[] = {wanted->region, std::string{}, default_region(wanted->language)};
    for (const std::string& region : order) {
        auto hit = regions.find(region);
        if (hit != regions.end()) return hit->second;
    }
    return regions.begin()->second;  // 4. the smallest region: the name that sorts first
}

std::vector<std::string> hyphenation_languages(const fs::path& patterns_dir) {
    std::vector<std::string> tags;
    for (const auto& [language, regions] : index_patterns(patterns_dir))
        for (const auto& entry : regions) tags.push_back(entry.first.empty() ? language : language + "-" + entry.first);
    std::sort(tags.begin(), tags.end());
    return tags;
}

}  // namespace galley::fonts

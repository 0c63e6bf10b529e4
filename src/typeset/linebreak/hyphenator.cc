// Hyphenation with libhyphen (Liang's algorithm, "Word Hy-phen-a-tion by
// Com-put-er", 1983; Németh's extensions for LibreOffice).
//
//   breaks(word)
//     analyse_word: punctuation around the word, URLs, e-mail, digits,
//       acronyms, explicit and soft hyphens, the letter runs (word_shape.cc)
//     soft hyphens present -> they and the explicit hyphens are the breaks
//     else for each letter run: lowercase, encode in the dictionary's
//       charset (UTF-8 or ISO8859-1), hnj_hyphen_hyphenate3 -> odd digits
//       mark breaks after a character; keep the standard ones that leave
//       min_left / min_right characters, map them back to byte offsets
//
// libhyphen only reads the dictionary while hyphenating (checked against
// its source, 2.8.8), so one loaded dictionary serves every thread.
#include "typeset/linebreak/hyphenator.h"

#include <hyphen.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "fonts/hyphenation_patterns.h"
#include "typeset/linebreak/word_shape.h"

namespace galley::typeset {

struct HyphenDictHandle {
    HyphenDict* dict = nullptr;
    bool utf8 = true;
    ~HyphenDictHandle() {
        if (dict != nullptr) hnj_hyphen_free(dict);
    }
};

namespace {

/// The charset named on the first line of a .dic file.
std::string declared_charset(const std::filesystem::path& dic) {
    std::ifstream in(dic, std::ios::binary);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    return line;
}

/// The lowercased letters of `run` in the dictionary's encoding; false when a
/// character cannot be written in it.
bool encode_run(const detail::WordShape& w, const detail::LetterRun& run, bool utf8, std::string& out) {
    out.clear();
    for (std::size_t i = run.first; i < run.last; ++i) {
        char32_t cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(w.chars[i].cp)));
        if (utf8) {
            utf8::append(out, cp);
            continue;
        }
        if (cp == 0x2019) cp = U'\'';
        if (cp > 0xFF) return false;
        out += static_cast<char>(static_cast<unsigned char>(cp));
    }
    return true;
}

/// Pattern breaks inside `run`, as characters to break after.
std::vector<std::size_t> pattern_breaks(HyphenDict* dict, bool utf8, const detail::WordShape& w,
                                        const detail::LetterRun& run, const HyphenationRules& rules) {
    std::vector<std::size_t> after;
    std::string encoded;
    if (!encode_run(w, run, utf8, encoded)) return after;
    const int size = static_cast<int>(encoded.size());
    std::vector<char> hyphens(encoded.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int left = static_cast<int>(std::min<std::size_t>(rules.min_left, 64));
    const int right = static_cast<int>(std::min<std::size_t>(rules.min_right, 64));
    const int failed = hnj_hyphen_hyphenate3(dict, encoded.c_str(), size, hyphens.data(), nullptr, &rep, &pos, &cut,
                                             left, right, 0, 0);
    const std::size_t length = run.last - run.first;  // characters; libhyphen numbers them for UTF-8 too
    for (std::size_t i = 0; failed == 0 && i + 1 < length; ++i) {
        if ((hyphens[i] & 1) == 0) continue;
        if (rep != nullptr && rep[i] != nullptr) continue;  // non-standard (Schiff-fahrt): would change the text
        const std::size_t k = run.first + i;                // break after character k
        if (i + 1 < rules.min_left || length - (i + 1) < rules.min_right) continue;
        if (detail::is_apostrophe(w.chars[k].cp) || detail::is_apostrophe(w.chars[k + 1].cp)) continue;
        after.push_back(k);
    }
    if (rep != nullptr) {
        for (int i = 0; i < size; ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return after;
}

}  // namespace

Hyphenator::Hyphenator(std::unique_ptr<HyphenDictHandle> dict) : dict_(std::move(dict)) {}
Hyphenator::~Hyphenator() = default;

std::unique_ptr<Hyphenator> Hyphenator::load(const std::filesystem::path& dic, std::string& error) {
    const std::string charset = declared_charset(dic);
    if (charset.empty()) {
        error = "cannot read " + dic.string();
        return nullptr;
    }
    if (charset != "UTF-8" && charset != "ISO8859-1") {
        error = dic.string() + ": unsupported encoding \"" + charset + "\" (UTF-8 and ISO8859-1 are)";
        return nullptr;
    }
    auto handle = std::make_unique<HyphenDictHandle>();
    handle->dict = hnj_hyphen_load(dic.c_str());
    if (handle->dict == nullptr) {
        error = "libhyphen cannot load " + dic.string();
        return nullptr;
    }
    handle->utf8 = handle->dict->utf8 != 0;
    return std::unique_ptr<Hyphenator>(new Hyphenator(std::move(handle)));
}

std::vector<HyphenBreak> Hyphenator::breaks(std::string_view word, const HyphenationRules& rules) const {
    const detail::WordShape w = detail::analyse_word(word, rules);
    std::vector<HyphenBreak> out;
    if (w.whole) return out;
    auto after = [&](std::size_t k, bool hyphen) { out.push_back({w.chars[k].offset + w.chars[k].size, hyphen}); };
    for (std::size_t k : w.soft_hyphens) after(k, true);
    for (std::size_t k : w.explicit_breaks) after(k, false);
    for (const detail::LetterRun& run : w.runs)
        for (std::size_t k : pattern_breaks(dict_->dict, dict_->utf8, w, run, rules)) after(k, true);
    std::sort(out.begin(), out.end(), [](const HyphenBreak& a, const HyphenBreak& b) { return a.offset < b.offset; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const HyphenBreak& a, const HyphenBreak& b) { return a.offset == b.offset; }),
              out.end());
    return out;
}

struct HyphenatorCache::Slot {
    std::filesystem::path file;  // empty: the language has no patterns
    std::once_flag once;
    std::shared_ptr<const Hyphenator> hyphenator;
};

HyphenatorCache::HyphenatorCache(std::filesystem::path patterns_dir) : dir_(std::move(patterns_dir)) {}

std::shared_ptr<const Hyphenator> HyphenatorCache::for_language(std::string_view bcp47, Diagnostics* diagnostics) {
    const std::string tag(bcp47);
    std::string key = tag;
    std::transform(key.begin(), key.end(), key.begin(), [](char c) {
        return c == '_' ? '-' : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    });
    std::shared_ptr<Slot> slot;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (auto hit = by_tag_.find(key); hit != by_tag_.end()) {
            slot = hit->second;
        } else {
            const auto file = fonts::hyphenation_patterns_for(dir_, tag);
            auto& shared = by_file_[file.value_or(std::filesystem::path{})];
            if (!shared) {
                shared = std::make_shared<Slot>();
                shared->file = file.value_or(std::filesystem::path{});
            }
            slot = by_tag_[key] = shared;
        }
    }
    std::call_once(slot->once, [&] {
        if (slot->file.empty()) return;
        std::string error;
        slot->hyphenator = Hyphenator::load(slot->file, error);
        if (!slot->hyphenator && diagnostics != nullptr)
            diagnostics->warning("W-HYPHEN-PATTERNS", SourceLocation{slot->file.string(), 0, 0},
                                 error + "; text in \"" + tag + "\" is not hyphenated");
    });
    return slot->hyphenator;
}

}  // namespace galley::typeset

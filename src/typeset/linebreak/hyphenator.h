// Hyphenation points of words, from libhyphen and the pattern files bundled
// in layouts/hyphenation/ (Liang's patterns, as TeX and LibreOffice use them).
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace galley::typeset {

/// What may be hyphenated, from the layout. Lengths count characters.
struct HyphenationRules {
    std::size_t min_word_length = 5;  ///< letters in a word (or compound part) before it is hyphenated
    std::size_t min_left = 2;         ///< characters before a break (at least the patterns' LEFTHYPHENMIN)
    std::size_t min_right = 3;        ///< characters after a break (at least the patterns' RIGHTHYPHENMIN)
    bool capitalized = true;          ///< hyphenate "Cambodia"
    bool all_caps = false;            ///< hyphenate "USAID" and mixed case like "iPhone"
    bool with_digits = false;         ///< words with digits: break at their hyphens and hyphenate their
                                      ///< letter-only parts (never inside a number); false: leave them whole
};

/// A place where a line may end inside a word.
struct HyphenBreak {
    std::size_t offset = 0;  ///< bytes: the line ends with word[0, offset), the next starts at word[offset]
    bool add_hyphen = true;  ///< draw a hyphen at the line end; false after an explicit hyphen or dash
    bool operator==(const HyphenBreak&) const = default;
};

struct HyphenDictHandle;

/// One loaded pattern file. Read-only after load: `breaks` may be called
/// from several threads at once.
class Hyphenator {
public:
    /// Loads a libhyphen .dic file (UTF-8 or ISO8859-1, as its first line
    /// says). Nothing, with `error` set, when it cannot be used.
    static std::unique_ptr<Hyphenator> load(const std::filesystem::path& dic, std::string& error);
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    /// Where the UTF-8 (NFC) `word` may break, in increasing order. A word
    /// is what lies between spaces: punctuation and quotes around it
    /// (“word,”) are kept whole and only its letters hyphenate. Explicit
    /// hyphens and dashes allow a break after them without a new hyphen.
    /// When the word holds soft hyphens (U+00AD) they are its only
    /// hyphenation points (the break comes after the U+00AD, which the
    /// caller does not draw). URLs, e-mail addresses, words with digits
    /// (unless rules.with_digits), acronyms (unless rules.all_caps),
    /// letter runs over 100 characters and malformed UTF-8 get no breaks.
    /// Patterns are written for NFC text: decomposed accents hyphenate poorly.
    std::vector<HyphenBreak> breaks(std::string_view word, const HyphenationRules& rules = {}) const;

private:
    explicit Hyphenator(std::unique_ptr<HyphenDictHandle> dict);
    std::unique_ptr<HyphenDictHandle> dict_;
};

/// Loads each language's patterns once, on first use; safe to share
/// between threads. A load does not block lookups of other languages (the
/// German patterns take libhyphen 2.8.8 about 4.5 s to load; English 10 ms).
class HyphenatorCache {
public:
    /// `patterns_dir`: usually <data dir>/layouts/hyphenation.
    explicit HyphenatorCache(std::filesystem::path patterns_dir);

    /// The hyphenator for a BCP 47 tag (fonts::hyphenation_patterns_for
    /// picks the file), or null when the language has no patterns. A file
    /// that fails to load is reported once, as W-HYPHEN-PATTERNS in
    /// `diagnostics` when given, and the language is then left unhyphenated.
    std::shared_ptr<const Hyphenator> for_language(std::string_view bcp47, Diagnostics* diagnostics = nullptr);

private:
    struct Slot;  // one pattern file, loaded once
    std::filesystem::path dir_;
    std::mutex mutex_;  // guards the maps, never held while loading
    std::map<std::string, std::shared_ptr<Slot>> by_tag_;
    std::map<std::filesystem::path, std::shared_ptr<Slot>> by_file_;
};

}  // namespace galley::typeset

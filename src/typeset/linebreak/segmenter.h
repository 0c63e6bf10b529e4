// Line-break opportunities inside runs of scripts written without spaces
// between words: Khmer, Thai, Lao, Myanmar (UAX #14 class SA, found with
// ICU's dictionaries) and CJK ideographs, kana and Hangul (breaks between
// characters, with UAX #14's rules for punctuation and small kana).
// The paragraph builder puts zero-width glue at these offsets, so that a
// justified Khmer line has somewhere to stretch.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace galley::typeset {

/// Why a break is allowed there.
enum class ScriptBreakKind : unsigned char {
    word,        ///< between words of a class-SA script (dictionary segmentation)
    ideographic, ///< between CJK / Hangul characters
};

struct ScriptBreak {
    std::size_t offset = 0;  ///< bytes into the text: a line may end before text[offset]
    ScriptBreakKind kind = ScriptBreakKind::word;
    bool operator==(const ScriptBreak&) const = default;
};

/// A repetition or abbreviation mark (Khmer lek too U+17D7, Thai mai yamok
/// U+0E46 and paiyannoi U+0E2F, Lao ko la U+0EC6 and U+0EAF): it belongs to
/// the word before it, even across the space Thai writes before it, and
/// never begins a line.
bool ends_word_before(char32_t c);

/// A character no line may begin with even after a space (UAX #14, rule
/// LB13: classes CL, CP, EX, IS and SY): a closing bracket, "!", "?", a
/// comma or full stop, a slash. "and / or" may break after the slash, never
/// before it. Nor an en or em dash set between spaces (UAX #14 allows the
/// break; a desk does not: "the frogs reply –" ends a line, "– the" never
/// begins one, and a dash that ends a verse line is never left alone).
bool no_break_before(char32_t c);

/// Whether `utf8` holds any character that needs a Segmenter (class SA,
/// ideographs, kana, Hangul). Cheap; lets Latin text skip ICU entirely.
bool needs_segmentation(std::string_view utf8);

/// ICU's line breaker (UAX #14 with dictionaries) for one language. Costly to
/// make, cheap to reuse; not for concurrent use: one per thread.
class Segmenter {
public:
    /// `bcp47`: the text's language (tailors CJK rules); "" for the root.
    explicit Segmenter(std::string_view bcp47 = {});
    ~Segmenter();
    Segmenter(const Segmenter&) = delete;
    Segmenter& operator=(const Segmenter&) = delete;

    /// Whether ICU could make the breaker; when not, breaks() finds nothing
    /// and error() says why.
    bool ok() const;
    const std::string& error() const;

    /// Offsets, increasing, strictly inside `utf8`, where a line may break
    /// with a class-SA or CJK character on either side. Breaks after spaces
    /// are left out (spaces are glue already), as are mandatory breaks.
    std::vector<ScriptBreak> breaks(std::string_view utf8);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace galley::typeset

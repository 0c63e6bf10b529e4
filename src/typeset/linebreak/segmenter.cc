// Word boundaries for class-SA scripts and CJK, from ICU's line
// BreakIterator (UAX #14, "Unicode Line Breaking Algorithm", with ICU's
// dictionary break engines for Thai, Lao, Khmer and Myanmar).
//
//   breaks(text)
//     open the UTF-8 text as a UText (ICU then reports UTF-8 byte offsets)
//     walk the line BreakIterator's boundaries
//     keep a boundary when it is soft (not a hard line end), is not right
//       after white space, does not cut a cluster (virama, combining mark),
//       is not before a repetition or abbreviation mark (Khmer ៗ, Thai ๆ ฯ),
//       and has a class-SA or CJK character next to it
#include "typeset/linebreak/segmenter.h"

#include <vector>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "typeset/linebreak/utf8.h"

namespace galley::typeset {
namespace {

enum class Side { other, dictionary, ideographic };

Side classify(UChar32 c) {
    if (c < 0) return Side::other;
    switch (static_cast<ULineBreak>(u_getIntPropertyValue(c, UCHAR_LINE_BREAK))) {
    case U_LB_COMPLEX_CONTEXT:
        return Side::dictionary;
    case U_LB_IDEOGRAPHIC:
    case U_LB_CONDITIONAL_JAPANESE_STARTER:
    case U_LB_H2:
    case U_LB_H3:
    case U_LB_JL:
    case U_LB_JV:
    case U_LB_JT:
        return Side::ideographic;
    default:
        return Side::other;
    }
}

/// Whether a break between `before` and `after` would cut a written cluster:
/// after a virama (the Khmer coeng, Myanmar and Thai viramas: combining class
/// 9) or before a combining mark. ICU's dictionaries do propose such breaks
/// in misspelt Khmer ("យុត្ដិធម៌").
bool splits_cluster(UChar32 before, UChar32 after) {
    if (after < 0) return true;
    if (u_getCombiningClass(before) == 9) return true;
    const int8_t type = u_charType(after);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
           after == 0x200C || after == 0x200D;
}

/// The character that starts at byte `offset`; -1 when malformed.
UChar32 char_at(std::string_view s, std::size_t offset) {
    std::size_t len = 1;
    while (len < 4 && offset + len < s.size() && (static_cast<unsigned char>(s[offset + len]) & 0xC0) == 0x80) ++len;
    std::vector<utf8::Char> c;
    if (!utf8::decode(s.substr(offset, len), c) || c.size() != 1) return -1;
    return static_cast<UChar32>(c[0].cp);
}

/// The character that ends just before byte `offset`; -1 when malformed.
UChar32 char_before(std::string_view s, std::size_t offset) {
    std::size_t start = offset - 1;
    while (start > 0 && offset - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return char_at(s, start);
}

/// `text` with every subscript DA (coeng U+17D2 + DA U+178A) written as
/// subscript TA (coeng + TA U+178F), or "" when it has none. The two
/// subscripts look the same, and much Khmer text types DA where the
/// spelling has TA ("សន្ដិភាព", "យុត្ដិធម៌"); ICU's dictionary holds the
/// spelling, so without this it cuts such words apart ("សន្ដិ|ភាព") and
/// lets the next one go ("យុត្ដរ|បស់"). The two letters are as long in
/// UTF-8, so every offset stays that of `text`.
std::string with_subscript_ta_as_ta(std::string_view text) {
    static constexpr std::string_view kSubscriptDa = "\xE1\x9F\x92\xE1\x9E\x8A";
    std::size_t at = text.find(kSubscriptDa);
    if (at == std::string_view::npos) return {};
    std::string out(text);
    for (; at != std::string_view::npos; at = text.find(kSubscriptDa, at + kSubscriptDa.size()))
        out[at + kSubscriptDa.size() - 1] = '\x8F';
    return out;
}

}  // namespace

struct Segmenter::Impl {
    std::unique_ptr<icu::BreakIterator> iterator;
    std::string error;
};

Segmenter::Segmenter(std::string_view bcp47) : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = bcp47.empty() ? icu::Locale::getRoot()
                                             : icu::Locale::forLanguageTag(icu::StringPiece(bcp47.data(),
                                                                             static_cast<int32_t>(bcp47.size())), status);
    if (U_SUCCESS(status)) impl_->iterator.reset(icu::BreakIterator::createLineInstance(locale, status));
    if (U_FAILURE(status) || !impl_->iterator) {
        impl_->iterator.reset();
        impl_->error = std::string("ICU line breaker: ") + u_errorName(status);
    }
}

Segmenter::~Segmenter() = default;

bool Segmenter::ok() const { return impl_->iterator != nullptr; }
const std::string& Segmenter::error() const { return impl_->error; }

std::vector<ScriptBreak> Segmenter::breaks(std::string_view text) {
    std::vector<ScriptBreak> out;
    if (!impl_->iterator || text.empty() || text.size() > static_cast<std::size_t>(INT32_MAX)) return out;
    // ICU reads a copy with every subscript DA written as subscript TA;
    // the offsets are the same in `text`, which the checks below read.
    const std::string spelled = with_subscript_ta_as_ta(text);
    const std::string_view looked_up = spelled.empty() ? text : std::string_view(spelled);
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, looked_up.data(), static_cast<int64_t>(looked_up.size()), &status);
    if (U_FAILURE(status)) return out;
    icu::BreakIterator& it = *impl_->iterator;
    it.setText(ut, status);
    for (int32_t b = U_SUCCESS(status) ? it.first() : icu::BreakIterator::DONE; b != icu::BreakIterator::DONE;
         b = it.next()) {
        const auto offset = static_cast<std::size_t>(b);
        if (offset == 0 || offset >= text.size()) continue;
        if (it.getRuleStatus() >= UBRK_LINE_HARD) continue;
        const UChar32 before = char_before(text, offset);
        if (before < 0 || u_isUWhiteSpace(before)) continue;
        const UChar32 after = char_at(text, offset);
        // (The marks are class SA: ICU's dictionaries do break before them.)
        if (splits_cluster(before, after) || ends_word_before(static_cast<char32_t>(after))) continue;
        const Side left = classify(before), right = classify(after);
        if (left == Side::other && right == Side::other) continue;
        const bool dictionary = left == Side::dictionary || right == Side::dictionary;
        out.push_back({offset, dictionary ? ScriptBreakKind::word : ScriptBreakKind::ideographic});
    }
    // Detach the iterator from the text before the UText goes away.
    UErrorCode reset = U_ZERO_ERROR;
    UText* empty = utext_openUTF8(nullptr, "", 0, &reset);
    it.setText(empty, reset);
    utext_close(ut);
    utext_close(empty);
    return out;
}

bool ends_word_before(char32_t c) {
    return c == 0x17D7 || c == 0x0E46 || c == 0x0EC6 || c == 0x0E2F || c == 0x0EAF;
}

bool no_break_before(char32_t c) {
    // A spaced en or em dash ("reply – the") stays with the word before.
    if (c == 0x2013 || c == 0x2014) return true;
    switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK)) {
    case U_LB_CLOSE_PUNCTUATION:
    case U_LB_CLOSE_PARENTHESIS:
    case U_LB_EXCLAMATION:
    case U_LB_INFIX_NUMERIC:
    case U_LB_BREAK_SYMBOLS:
        return true;
    default:
        return false;
    }
}

bool needs_segmentation(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80 || (byte & 0xC0) == 0x80) continue;  // ASCII, or inside a sequence
        if (classify(char_at(text, i)) != Side::other) return true;
    }
    return false;
}

}  // namespace galley::typeset

#include "typeset/compose/shorten.h"

#include <vector>

#include "base/utf8.h"
#include "typeset/text/chars.h"

namespace galley::typeset {
namespace {

constexpr const char* kEllipsis = "\u2026";

// The longest of `cuts` (byte offsets, shortest first) whose prefix with an
// ellipsis fits `room`; the widths grow with the prefix, so a binary search.
std::string longest_fitting(TextSetter& setter, const std::string& text, const std::vector<std::size_t>& cuts,
                            layout::ParagraphStyleId style, double room) {
    std::string best;
    std::size_t lo = 0, hi = cuts.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        std::string candidate = text.substr(0, cuts[mid]);
        while (!candidate.empty() && (candidate.back() == ' ' || candidate.back() == ',' || candidate.back() == ';'))
            candidate.pop_back();
        candidate += kEllipsis;
        if (setter.measure(candidate, style) <= room) {
            best = std::move(candidate);
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return best;
}

}  // namespace

std::string shortened_to_fit(TextSetter& setter, const std::string& text, layout::ParagraphStyleId style, double room) {
    if (setter.measure(text, style) <= room) return text;
    std::vector<std::size_t> words, characters;
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        const std::size_t length = d.length == 0 ? 1 : d.length;
        if (at > 0 && text[at] == ' ' && text[at - 1] != ' ') words.push_back(at);
        const std::size_t next = at + length;
        const bool mark_follows = next < text.size() && [&] {
            const utf8::Decoded n = utf8::decode(text, next);
            return n.length > 0 && text::is_non_starter(n.code_point);
        }();
        if (!mark_follows && next < text.size()) characters.push_back(next);
        at = next;
    }
    std::string by_word = longest_fitting(setter, text, words, style, room);
    if (!by_word.empty()) return by_word;
    return longest_fitting(setter, text, characters, style, room);
}

}  // namespace galley::typeset

// Step 1 of setting a paragraph: the inline tree flattened into one UTF-8
// string with style runs. Character styles are resolved here (emphasis,
// strong, links, spans with their language, sub/superscripts, people), and
// the drop cap and lead-in are cut out and restyled.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "layout/settings.h"
#include "model/inline.h"
#include "typeset/text/run_style.h"

namespace galley::typeset::text {

/// A stretch [start, end) of the paragraph text in one style.
struct TextRun {
    std::size_t start = 0;
    std::size_t end = 0;
    int style = 0;  ///< StyleTable id
    int link = -1;  ///< index into CollectedText::links, -1 for none
};

struct CollectedText {
    std::string text;                ///< all text, sanitised; a LineBreak is '\n'
    std::vector<TextRun> runs;       ///< contiguous, covering `text`, none empty
    std::vector<std::string> links;  ///< hrefs
    /// Byte ranges [first, second) of the people's names (model::Person).
    std::vector<std::pair<std::size_t, std::size_t>> names;
};

/// Flattens `content`; plain text gets style `base_style`.
CollectedText collect(const model::Inlines& content, int base_style, const layout::Layout& layout,
                      StyleTable& styles);

/// Applies character style `c` on top of the runs' styles in [begin, end),
/// splitting runs at the ends.
void restyle(CollectedText& t, std::size_t begin, std::size_t end, const layout::CharacterStyle& c,
             StyleTable& styles, double paragraph_size);

/// Sets the size of the runs in [begin, end) (a drop cap).
void resize(CollectedText& t, std::size_t begin, std::size_t end, double size, StyleTable& styles);

/// The drop cap of `text`: leading opening punctuation and the first
/// character with its combining marks, after leading spaces. Empty
/// (begin == end) when the text does not start with something to drop, or
/// not in an alphabet with capitals (in_alphabet_with_capitals: a Thai
/// vowel cut off its consonant, a Chinese character).
std::pair<std::size_t, std::size_t> dropcap_range(const std::string& text);

/// The end of the `words`-th space-separated word at or after `from` (not
/// past a line break).
std::size_t words_end(const std::string& text, std::size_t from, int words);

/// The run holding byte `offset` (offset < text size).
std::size_t run_at(const CollectedText& t, std::size_t offset);

}  // namespace galley::typeset::text

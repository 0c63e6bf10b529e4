// Short function words a ragged display line should not end on: an
// article, preposition or conjunction left at a headline's line end reads
// as a dangling word ("marred by claims of / gang rape"), so headline desks
// carry it over to the next line. Plain text in, yes or no out.
#pragma once

#include <string_view>

namespace galley::typeset {

/// Whether `word` (as written, any case of its ASCII letters, trailing
/// punctuation not included) is one of the short articles, prepositions and
/// conjunctions of `lang` (English, French, German, Spanish, Portuguese,
/// Italian and Dutch, by primary subtag) that should not end a ragged line
/// of display type. False for other languages and an empty tag.
bool short_function_word(std::string_view lang, std::string_view word);

}  // namespace galley::typeset

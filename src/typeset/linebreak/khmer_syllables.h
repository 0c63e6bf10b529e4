// Where a Khmer word may be broken across lines: between two of its
// syllables, with no hyphen (Khmer writes none). ICU's dictionary finds the
// breaks between words; a compound it holds as one word ("ទទួលស្គាល់",
// "សេរីភាព") leaves a narrow column no place to break but before or after
// it, and the line before is set with spaces several times their width.
// A desk breaks such a word between syllables instead; this finds the
// places where that is safe to do from the spelling alone.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace galley::typeset {

/// Offsets, increasing, strictly inside `text`, where a line may end between
/// two syllables of a Khmer word. `word_edges` (increasing) are the offsets
/// where words meet (ICU's breaks); any character that is not a Khmer letter
/// or sign ends a word too. Read from the written clusters (a consonant or
/// independent vowel with its subscripts and signs), a word is broken only
/// between two full syllables, where the spelling says unambiguously that
/// one ends and the next begins:
///  - after a cluster that carries a vowel, or after one consonant that
///    follows it and closes its syllable; never after a minor syllable, a
///    consonant or cluster said with a short inherent vowel ("ម|នុស្ស",
///    "ប្រ|កាស"), nor after two bare consonants (ambiguous: "ពិភព" ends in
///    a syllable of its own, in "កាលបរិច្ឆេទ" the second begins one);
///  - before a cluster that carries a vowel, or an independent vowel
///    ("សេ|រី|ភាព", "ការ|ពារ"), but not before a word's last cluster when its
///    only vowel is i or u, which Khmer often leaves unsaid ("ជាតិ", "ហេតុ");
///  - before a cluster with a subscript consonant only after a syllable that
///    is closed already ("ទទួល|ស្គាល់", "សេច|ក្ដី"): otherwise the base of
///    the subscript closes the syllable before ("សន្តិ", "ចិត្ត");
///  - leaving at least two characters of the word on either side.
std::vector<std::size_t> khmer_syllable_breaks(std::string_view text, std::span<const std::size_t> word_edges);

/// Whether `text` holds a Khmer letter (U+1780..U+17B3). Cheap.
bool has_khmer_letters(std::string_view text);

}  // namespace galley::typeset

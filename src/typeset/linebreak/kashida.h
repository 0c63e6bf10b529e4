// Where an Arabic word may be lengthened: the place for a kashida (a
// tatweel, U+0640, drawn between two joined letters), the way Arabic type
// is justified instead of letter-spacing, which would break the joins.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace galley::typeset {

/// The byte offset in `word` (UTF-8) of the letter a kashida goes before,
/// or nothing when the word has no place for one. A place lies between two
/// letters of the Arabic script that join (the first joins on both sides,
/// the second at least to the right), never inside lam-alef, which a font
/// sets as one ligature; marks after the first letter stay with it. One
/// place per word, chosen the way Arabic typesetters do: after a letter of
/// the seen and sad families (س ش ص ض), else before the word's last letter,
/// else the last place in the word. Words with digits, letters written left
/// to right or a tatweel of their own (the author's) get none.
std::optional<std::size_t> kashida_point(std::string_view word);

}  // namespace galley::typeset

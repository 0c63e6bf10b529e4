// Finding the bundled libhyphen pattern file (layouts/hyphenation/) for a
// language tag, so hyphenation does not depend on what the machine has
// installed.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace galley::fonts {

/// The pattern file in `patterns_dir` for the BCP 47 tag `bcp47_lang`
/// ("en-GB", "de-CH", "fr", "en-Latn-US"). Pattern files are named
/// hyph_<language>[_<REGION>].dic. Tags and file names are compared without
/// regard to case, and `_` is accepted in place of `-`. The first of these
/// that exists wins:
///   1. the tag's language and region (en-GB -> hyph_en_GB.dic);
///   2. the language alone (fr-CA -> hyph_fr.dic);
///   3. the language's default region: US for English, otherwise the region
///      spelled like the language (de-CH -> hyph_de_DE.dic, es-MX ->
///      hyph_es_ES.dic);
///   4. the language's file whose name sorts first.
/// Returns nothing for a language without patterns (km), a malformed tag, or
/// a directory that does not exist. Reads only the directory listing.
std::optional<std::filesystem::path> hyphenation_patterns_for(const std::filesystem::path& patterns_dir,
                                                              std::string_view bcp47_lang);

/// The tags of the pattern files in `patterns_dir` ("de-DE", "en-GB",
/// "en-US", "es-ES", "fr"), sorted, without duplicates; empty when the
/// directory does not exist.
std::vector<std::string> hyphenation_languages(const std::filesystem::path& patterns_dir);

}  // namespace galley::fonts

#include "fonts/hyphenation_patterns.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;
using galley::fonts::hyphenation_languages;
using galley::fonts::hyphenation_patterns_for;

namespace {

fs::path bundled_patterns() { return galley::test::source_dir() / "layouts" / "hyphenation"; }

/// The file name chosen for `tag`, or "" when none.
std::string chosen(std::string_view tag, const fs::path& dir = bundled_patterns()) {
    auto path = hyphenation_patterns_for(dir, tag);
    return path ? path->filename().string() : std::string{};
}

}  // namespace

TEST_CASE("the bundled hyphenation languages") {
    CHECK(hyphenation_languages(bundled_patterns()) ==
          std::vector<std::string>{"de-DE", "en-GB", "en-US", "es-ES", "fr"});
}

TEST_CASE("English: a region picks its own patterns, the bare language picks US") {
    CHECK(chosen("en") == "hyph_en_US.dic");
    CHECK(chosen("en-US") == "hyph_en_US.dic");
    CHECK(chosen("en-GB") == "hyph_en_GB.dic");
    CHECK(chosen("EN_gb") == "hyph_en_GB.dic");
    CHECK(chosen("en_us") == "hyph_en_US.dic");
    CHECK(chosen("en-Latn-GB") == "hyph_en_GB.dic");
}

TEST_CASE("a region without its own patterns falls back to the language's default") {
    CHECK(chosen("de") == "hyph_de_DE.dic");
    CHECK(chosen("de-CH") == "hyph_de_DE.dic");
    CHECK(chosen("de-AT") == "hyph_de_DE.dic");
    CHECK(chosen("fr") == "hyph_fr.dic");
    CHECK(chosen("fr-CA") == "hyph_fr.dic");
    CHECK(chosen("es") == "hyph_es_ES.dic");
    CHECK(chosen("es-MX") == "hyph_es_ES.dic");
    CHECK(chosen("es-419") == "hyph_es_ES.dic");
}

TEST_CASE("a language without bundled patterns, or a malformed tag, finds nothing") {
    CHECK(chosen("km") == "");
    CHECK(chosen("km-KH") == "");
    CHECK(chosen("") == "");
    CHECK(chosen("e") == "");
    CHECK(chosen("-GB") == "");
    CHECK(chosen("en GB") == "");
    CHECK(chosen("hyph") == "");
}

TEST_CASE("a missing patterns directory finds nothing") {
    galley::test::TempDir tmp;
    CHECK(chosen("en", tmp.path() / "missing") == "");
    CHECK(hyphenation_languages(tmp.path() / "missing").empty());
}

TEST_CASE("the chosen file is the full path inside the directory") {
    auto path = hyphenation_patterns_for(bundled_patterns(), "en-GB");
    REQUIRE(path.has_value());
    CHECK(*path == bundled_patterns() / "hyph_en_GB.dic");
    CHECK(fs::is_regular_file(*path));
}

TEST_CASE("without a default-region file the language's first file by name is used") {
    galley::test::TempDir tmp;
    tmp.write("hyph_pt_BR.dic", "UTF-8\n");
    tmp.write("hyph_pt_AO.dic", "UTF-8\n");
    CHECK(chosen("pt", tmp.path()) == "hyph_pt_AO.dic");
    CHECK(chosen("pt-BR", tmp.path()) == "hyph_pt_BR.dic");
    tmp.write("hyph_pt_PT.dic", "UTF-8\n");
    CHECK(chosen("pt", tmp.path()) == "hyph_pt_PT.dic");
    CHECK(chosen("pt-MZ", tmp.path()) == "hyph_pt_PT.dic");
}

TEST_CASE("file names are matched without regard to case, other files are ignored") {
    galley::test::TempDir tmp;
    tmp.write("HYPH_NL_nl.DIC", "UTF-8\n");
    tmp.write("hyph_nl_NL.LICENSE.txt", "licence\n");
    tmp.write("README.md", "# patterns\n");
    tmp.write("hyph_.dic", "UTF-8\n");
    CHECK(chosen("nl-BE", tmp.path()) == "HYPH_NL_nl.DIC");
    CHECK(hyphenation_languages(tmp.path()) == std::vector<std::string>{"nl-NL"});
}

TEST_CASE("every bundled pattern file has its licence file") {
    for (const auto& entry : fs::directory_iterator(bundled_patterns())) {
        if (entry.path().extension() != ".dic") continue;
        fs::path licence = entry.path();
        licence.replace_extension(".LICENSE.txt");
        CAPTURE(entry.path());
        CHECK(fs::is_regular_file(licence));
    }
}

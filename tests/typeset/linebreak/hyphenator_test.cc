#include "typeset/linebreak/hyphenator.h"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "support/test_support.h"

using galley::typeset::HyphenationRules;
using galley::typeset::HyphenBreak;
using galley::typeset::Hyphenator;
using galley::typeset::HyphenatorCache;

namespace {

std::filesystem::path bundled_patterns() { return galley::test::source_dir() / "layouts" / "hyphenation"; }

/// One cache for the whole suite: loading patterns is the slow part.
HyphenatorCache& cache() {
    static HyphenatorCache c(bundled_patterns());
    return c;
}

/// The word with its breaks marked: "=" where a hyphen is added, "|" where
/// the line may end without one.
std::string marked(std::string_view lang, const std::string& word, const HyphenationRules& rules = {}) {
    auto h = cache().for_language(lang);
    REQUIRE(h != nullptr);
    std::string out;
    std::size_t last = 0;
    for (const HyphenBreak& b : h->breaks(word, rules)) {
        out += word.substr(last, b.offset - last) + (b.add_hyphen ? "=" : "|");
        last = b.offset;
    }
    return out + word.substr(last);
}

}  // namespace

TEST_CASE("English words against the bundled en-US patterns") {
    CHECK(marked("en-US", "hyphenation") == "hy=phen=ation");
    CHECK(marked("en", "typography") == "ty=pog=ra=phy");
    CHECK(marked("en", "newspaper") == "news=pa=per");
    CHECK(marked("en", "trafficking") == "traf=fick=ing");
    CHECK(marked("en", "prostitution") == "pros=ti=tu=tion");
    CHECK(marked("en", "table") == "ta=ble");
}

TEST_CASE("British English has its own patterns") {
    CHECK(marked("en-GB", "hyphenation") == "hy=phen=a=tion");
}

TEST_CASE("break offsets are bytes into the word as given") {
    auto h = cache().for_language("en");
    REQUIRE(h != nullptr);
    CHECK(h->breaks("hyphenation") == std::vector<HyphenBreak>{{2, true}, {6, true}});
}

TEST_CASE("punctuation and quotes around a word stay whole, only its letters hyphenate") {
    CHECK(marked("en", "“hyphenation,”") == "“hy=phen=ation,”");
    CHECK(marked("en", "(typography)") == "(ty=pog=ra=phy)");
    CHECK(marked("en", "Cambodia’s") == "Cam=bo=dia’s");
}

TEST_CASE("minimum word length and fragment lengths") {
    HyphenationRules rules;
    rules.min_left = 4;
    CHECK(marked("en", "hyphenation", rules) == "hyphen=ation");
    rules = {};
    rules.min_right = 6;
    CHECK(marked("en", "hyphenation", rules) == "hy=phenation");
    rules = {};
    rules.min_word_length = 12;
    CHECK(marked("en", "hyphenation", rules) == "hyphenation");
    SUBCASE("the patterns' own minimum wins when it is larger (en-US: RIGHTHYPHENMIN 3)") {
        rules = {};
        rules.min_right = 1;
        CHECK(marked("en", "table", rules) == "ta=ble");
    }
}

TEST_CASE("numbers, URLs, e-mail addresses and acronyms are never hyphenated") {
    CHECK(marked("en", "USAID") == "USAID");
    CHECK(marked("en", "2008") == "2008");
    CHECK(marked("en", "2008,") == "2008,");
    CHECK(marked("en", "https://x.org") == "https://x.org");
    CHECK(marked("en", "https://example.org/information-technology") == "https://example.org/information-technology");
    CHECK(marked("en", "www.information.org") == "www.information.org");
    CHECK(marked("en", "name@example.com") == "name@example.com");
    CHECK(marked("en", "<editor@newspaper.com>") == "<editor@newspaper.com>");
    CHECK(marked("en", "iPhone") == "iPhone");
    CHECK(marked("en", "1990-2000") == "1990-2000");
    CHECK(marked("en", "G7-summit") == "G7-summit");
    CHECK(marked("en", "example.org") == "example.org");
}

TEST_CASE("the rules can allow capitals, acronyms and words with digits") {
    HyphenationRules rules;
    rules.capitalized = false;
    CHECK(marked("en", "Cambodia", rules) == "Cambodia");
    CHECK(marked("en", "Hyphenation") == "Hy=phen=ation");
    rules = {};
    rules.all_caps = true;
    CHECK(marked("en", "NEWSPAPER", rules) == "NEWS=PA=PER");
    rules = {};
    rules.with_digits = true;
    CHECK(marked("en", "G7-summit", rules) == "G7-|sum=mit");
    CHECK(marked("en", "1990-2000", rules) == "1990-2000");  // never inside a number range
}

TEST_CASE("explicit hyphens and dashes: a break after them without another hyphen") {
    CHECK(marked("en", "anti-trafficking") == "anti-|traf=fick=ing");
    CHECK(marked("en", "(self-driving)") == "(self-|driv=ing)");
    CHECK(marked("en", "mid—century") == "mid—|cen=tury");
    CHECK(marked("en", "e-mail") == "e-mail");  // one letter before the hyphen: too short
    CHECK(marked("en", "well‑known") == "well‑known");  // U+2011 is a non-breaking hyphen
}

TEST_CASE("soft hyphens in the text are the only hyphenation points of their word") {
    CHECK(marked("en", "co\u00ADoperate") == "co\u00AD=operate");
    CHECK(marked("en", "hyphen\u00ADation") == "hyphen\u00AD=ation");
    CHECK(marked("en", "\u00ADtable") == "\u00ADtable");  // nothing before it: no break
}

// The only test that loads the German patterns: libhyphen needs about 4.5 s.
TEST_CASE("German patterns are ISO8859-1: words are converted and offsets mapped back") {
    CHECK(marked("de-DE", "Silbentrennung") == "Sil=ben=tren=nung");
    CHECK(marked("de", "Käsebrötchen") == "Kä=se=bröt=chen");
    CHECK(marked("de-CH", "Überraschung") == "Über=ra=schung");
    CHECK(marked("de", "Straßenbahn") == "Stra=ßen=bahn");
    auto h = cache().for_language("de");
    REQUIRE(h != nullptr);
    CHECK(h->breaks("Käsebrötchen") == std::vector<HyphenBreak>{{3, true}, {5, true}, {10, true}});
}

TEST_CASE("French and Spanish words") {
    CHECK(marked("fr", "anticonstitutionnellement") == "an=ti=cons=ti=tu=tion=nel=le=ment");
    CHECK(marked("fr-CA", "électricité") == "élec=tri=cité");
    CHECK(marked("es-MX", "hispanoamericano") == "his=pa=noa=me=ri=cano");
}

TEST_CASE("malformed UTF-8 gets no breaks") {
    const std::string bad = "hyphen\xC3" "(ation";
    CHECK(marked("en", bad) == bad);
}

TEST_CASE("a language without patterns has no hyphenator") {
    CHECK(cache().for_language("km") == nullptr);
    CHECK(cache().for_language("not a tag") == nullptr);
}

TEST_CASE("the cache loads a pattern file once for all the tags that use it") {
    CHECK(cache().for_language("en") == cache().for_language("en-US"));
    CHECK(cache().for_language("fr-CA") == cache().for_language("FR"));
}

TEST_CASE("a pattern file that cannot be used is reported once and leaves the language unhyphenated") {
    galley::test::TempDir dir;
    dir.write("hyph_xx_XX.dic", "KOI8-R\n1a1\n");
    HyphenatorCache c(dir.path());
    galley::Diagnostics diags;
    CHECK(c.for_language("xx", &diags) == nullptr);
    CHECK(c.for_language("xx-XX", &diags) == nullptr);
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all()[0].code == "W-HYPHEN-PATTERNS");
    CHECK(diags.all()[0].severity == galley::Severity::warning);
    CHECK(diags.all()[0].message ==
          (dir.path() / "hyph_xx_XX.dic").string() +
              ": unsupported encoding \"KOI8-R\" (UTF-8 and ISO8859-1 are); text in \"xx\" is not hyphenated");
}

TEST_CASE("Hyphenator::load reports a missing file") {
    std::string error;
    CHECK(Hyphenator::load("/nonexistent/hyph_en.dic", error) == nullptr);
    CHECK(error == "cannot read /nonexistent/hyph_en.dic");
}

TEST_CASE("one hyphenator serves several threads at once") {
    auto h = cache().for_language("en");
    REQUIRE(h != nullptr);
    const std::vector<std::string> words{"hyphenation", "typography", "newspaper", "anti-trafficking", "prostitution"};
    std::vector<std::vector<HyphenBreak>> expected;
    for (const auto& w : words) expected.push_back(h->breaks(w));
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 2000; ++round) {
                if (cache().for_language(round % 2 ? "en" : "en-US") != h) ++mismatches[static_cast<std::size_t>(t)];
                for (std::size_t i = 0; i < words.size(); ++i)
                    if (h->breaks(words[i]) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
            }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == std::vector<int>(4, 0));
}

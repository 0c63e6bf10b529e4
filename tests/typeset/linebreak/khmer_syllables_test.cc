#include "typeset/linebreak/khmer_syllables.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "typeset/linebreak/utf8.h"

using galley::typeset::has_khmer_letters;
using galley::typeset::khmer_syllable_breaks;

namespace {

/// The text with "·" where a line may break between syllables; `edges` are
/// the word boundaries, given as "|" in `text` (taken out before the call).
std::string marked(const std::string& text_with_edges) {
    std::string text;
    std::vector<std::size_t> edges;
    for (char ch : text_with_edges) {
        if (ch == '|')
            edges.push_back(text.size());
        else
            text += ch;
    }
    const std::vector<std::size_t> breaks = khmer_syllable_breaks(text, edges);
    std::string out;
    std::size_t b = 0, e = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (e < edges.size() && edges[e] == i) {
            out += "|";
            ++e;
        }
        if (b < breaks.size() && breaks[b] == i) {
            out += "·";
            ++b;
        }
        out += text[i];
    }
    CHECK(b == breaks.size());  // all of them strictly inside, increasing
    return out;
}

}  // namespace

// Words of the Universal Declaration of Human Rights in Khmer (the shared
// UDHR corpus, udhr-km.txt) that ICU's dictionary holds as one word.

TEST_CASE("a Khmer word breaks before a syllable that begins with a vowelled cluster") {
    CHECK(marked("សេរីភាព") == "សេ·រី·ភាព");
    CHECK(marked("ការពារ") == "ការ·ពារ");
    CHECK(marked("ការងារ") == "ការ·ងារ");
    CHECK(marked("កំណើត") == "កំ·ណើត");
    CHECK(marked("ចំណែក") == "ចំ·ណែក");
    CHECK(marked("ទន្លេសាប") == "ទន្លេ·សាប");
}

TEST_CASE("a Khmer word breaks before a subscript cluster only after a closed syllable") {
    CHECK(marked("ទទួលស្គាល់") == "ទទួល·ស្គាល់");
    CHECK(marked("សេចក្ដី") == "សេច·ក្ដី");
    CHECK(marked("ដំណោះស្រាយ") == "ដំ·ណោះ·ស្រាយ");
    // After an open syllable the subscript's base is its final.
    CHECK(marked("ចិត្ត") == "ចិត្ត");
    CHECK(marked("សន្តិ") == "សន្តិ");
    CHECK(marked("មនុស្ស") == "មនុស្ស");
    // A nasal, a doubled consonant, a subscript SA close the syllable
    // before even after a final: "kɑn-laeng", "ma-haa-san-ni-baat",
    // "thae-reak-saa".
    CHECK(marked("ទីកន្លែង") == "ទីកន្លែង");
    CHECK(marked("មហាសន្និបាត") == "មហាសន្និ·បាត");
    CHECK(marked("ថែរក្សា") == "ថែរក្សា");
    CHECK(marked("ប្រាក់បៀវត្ស") == "ប្រាក់·បៀវត្ស");
}

TEST_CASE("a Khmer word breaks after a final written as a consonant with its subscript") {
    CHECK(marked("អង្គការ") == "អង្គ·ការ");
    CHECK(marked("មនុស្សជាតិ") == "មនុស្ស·ជាតិ");
    CHECK(marked("សកម្មភាព") == "សកម្ម·ភាព");
    // A silent ending ends the word in a compound.
    CHECK(marked("សិទ្ធិមនុស្ស") == "សិទ្ធិ·មនុស្ស");
}

TEST_CASE("a Khmer word is not broken where the spelling leaves the syllables in doubt") {
    // After a minor syllable (a consonant or cluster with its short
    // inherent vowel).
    CHECK(marked("មនុស្ស") == "មនុស្ស");
    CHECK(marked("ប្រកាស") == "ប្រកាស");
    // Between bare consonants: "sa-kal", "pi-phop".
    CHECK(marked("សកល") == "សកល");
    CHECK(marked("ពិភព") == "ពិភព");
    // Before an i or u that ends the word or follows a vowel: often silent.
    CHECK(marked("ជាតិ") == "ជាតិ");
    CHECK(marked("ហេតុផល") == "ហេតុផល");
    CHECK(marked("សមាជិក") == "សមាជិក");
    // After a closed syllable, a consonant begins the next.
    CHECK(marked("បណ្ដុះបណ្ដាល") == "បណ្ដុះបណ្ដាល");
    // After an i or u the next consonant may begin a syllable of its own.
    CHECK(marked("អធិបតេយ្យ") == "អធិបតេយ្យ");
    CHECK(marked("សុខភាព") == "សុខភាព");
    CHECK(marked("សតិសម្បជញ្ញៈ") == "សតិសម្បជញ្ញៈ");
    // An onset cluster with u is no silent ending.
    CHECK(marked("ក្នុងអំឡុង") == "ក្នុងអំ·ឡុង");
    CHECK(marked("កម្រិតជីវភាព") == "កម្រិតជីវ·ភាព");
}

TEST_CASE("a Khmer syllable break leaves two characters of its word on either side") {
    CHECK(marked("ទទួល") == "ទទួល");  // "ទ·ទួល" would leave one letter
    CHECK(marked("ការ") == "ការ");
}

TEST_CASE("Khmer syllable breaks stay inside the words ICU found and skip everything else") {
    // The edges are word ends: the syllable rules start again after each.
    CHECK(marked("ការ|មិន|ទទួលស្គាល់") == "ការ|មិន|ទទួល·ស្គាល់");
    CHECK(marked("ដោយ|សេរី") == "ដោយ|សេ·រី");
    // Spaces, Latin, digits and punctuation end words; the Khmer full stop
    // too.
    CHECK(marked("Tonle Sap (ទន្លេសាប) 2008") == "Tonle Sap (ទន្លេ·សាប) 2008");
    CHECK(marked("សេរីភាព។ សេរីភាព") == "សេ·រី·ភាព។ សេ·រី·ភាព");
    CHECK(marked("no Khmer here") == "no Khmer here");
    CHECK(marked("") == "");
}

TEST_CASE("malformed Khmer and malformed UTF-8 give no syllable breaks") {
    // Marks with no base, a coeng at the end: read without a break before
    // a mark.
    CHECK(marked("\xE1\x9F\x92\xE1\x9E\xB6\xE1\x9E\x80\xE1\x9E\xB6") == "\xE1\x9F\x92\xE1\x9E\xB6\xE1\x9E\x80\xE1\x9E\xB6");
    CHECK(marked("សេរី\xE1\x9F\x92") == "សេ·រី\xE1\x9F\x92");
    CHECK(khmer_syllable_breaks("សេរី\xE1\x9E", {}).empty());
}

TEST_CASE("on any mix of Khmer, marks and other text, a syllable break falls before a letter and never cuts a cluster") {
    // Deterministic pseudo-random strings from the Khmer block, spaces and
    // ASCII letters, with word edges anywhere.
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    int breaks_seen = 0;
    for (int round = 0; round < 2000; ++round) {
        std::vector<char32_t> cps;
        const int n = 1 + static_cast<int>(next() % 24);
        for (int i = 0; i < n; ++i) {
            const std::uint32_t r = next() % 10;
            cps.push_back(r == 0 ? U' ' : r == 1 ? U'a' : static_cast<char32_t>(0x1780 + next() % 0x5E));
        }
        std::string text;
        std::vector<std::size_t> starts;  // byte offset of each character
        for (char32_t c : cps) {
            starts.push_back(text.size());
            galley::typeset::utf8::append(text, c);
        }
        std::vector<std::size_t> edges;
        for (std::size_t i = 1; i < starts.size(); ++i)
            if (next() % 7 == 0) edges.push_back(starts[i]);
        const std::vector<std::size_t> breaks = khmer_syllable_breaks(text, edges);
        std::size_t last = 0;
        for (std::size_t at : breaks) {
            CAPTURE(text);
            CHECK(at > last);
            CHECK(at < text.size());
            const auto k = static_cast<std::size_t>(std::find(starts.begin(), starts.end(), at) - starts.begin());
            REQUIRE(k < cps.size());
            REQUIRE(k > 0);
            // A consonant or independent vowel follows; no coeng precedes.
            CHECK((cps[k] >= 0x1780 && cps[k] <= 0x17B3));
            CHECK(cps[k - 1] != 0x17D2);
            // Two characters of Khmer on either side.
            CHECK(k >= 2);
            CHECK(cps.size() - k >= 2);
            last = at;
            ++breaks_seen;
        }
    }
    CHECK(breaks_seen > 100);  // the strings did exercise the rules
}

TEST_CASE("has_khmer_letters finds a Khmer consonant or independent vowel") {
    CHECK(has_khmer_letters("ទន្លេសាប"));
    CHECK(has_khmer_letters("Tonle Sap ឥ"));
    CHECK_FALSE(has_khmer_letters("Tonle Sap"));
    CHECK_FALSE(has_khmer_letters("១៩៤៨"));  // Khmer digits only
    CHECK_FALSE(has_khmer_letters("ภาษาไทย"));
}

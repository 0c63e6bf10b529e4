#include "typeset/linebreak/segmenter.h"

#include <doctest/doctest.h>

#include <string>

using galley::typeset::needs_segmentation;
using galley::typeset::ScriptBreakKind;
using galley::typeset::Segmenter;

namespace {

/// The text with its breaks marked: "|" between words of a class-SA script,
/// "/" between CJK characters.
std::string marked(std::string_view lang, const std::string& text) {
    Segmenter s(lang);
    REQUIRE(s.ok());
    std::string out;
    std::size_t last = 0;
    for (const auto& b : s.breaks(text)) {
        REQUIRE(b.offset > last);
        REQUIRE(b.offset < text.size());
        out += text.substr(last, b.offset - last) + (b.kind == ScriptBreakKind::word ? "|" : "/");
        last = b.offset;
    }
    return out + text.substr(last);
}

}  // namespace

// Excerpts of the Universal Declaration of Human Rights
// (the shared UDHR corpus: udhr-km.txt, udhr-th.txt, udhr-zh-Hans.txt).

TEST_CASE("Khmer is broken between words, where the builder adds zero-width glue") {
    CHECK(marked("km", "ដោយយល់ឃើញថា ការទទួលស្គាល់សេចក្ដីថ្លៃថ្នូរជាប់ពីកំណើត") ==
          "ដោយ|យល់ឃើញ|ថា ការ|ទទួលស្គាល់|សេចក្ដី|ថ្លៃថ្នូរ|ជាប់|ពី|កំណើត");
}

TEST_CASE("a Khmer subscript cluster is never cut, even where ICU's dictionary proposes it") {
    // ICU 72 offers a break after the coeng (U+17D2) of "យុត្ថិ", a
    // misspelling of "យុត្តិ" with a subscript THA.
    CHECK(marked("km", "សេរីភាព យុត្ថិធម៌ និងសន្ដិភាព") == "សេរីភាព យុត្ថិ|ធម៌ និង|សន្ដិភាព");
}

TEST_CASE("a subscript DA is looked up as the subscript TA it stands for, so words are not cut apart") {
    // The UDHR's Khmer types coeng DA (U+17D2 U+178A) where the spelling,
    // and ICU's dictionary, has coeng TA (U+17D2 U+178F); the two look the
    // same. Read as typed, ICU cut "សន្ដិ|ភាព" and "ប្រតិ|បត្ដិ", and after
    // "យុត្ដ" broke inside "របស់" ("យុត្ដរ|បស់").
    CHECK(marked("km", "សេរីភាព យុត្ដិធម៌ និងសន្ដិភាព") == "សេរីភាព យុត្ដិធម៌ និង|សន្ដិភាព");
    CHECK(marked("km", "បុគ្គលិកលក្ខណៈគតិយុត្ដរបស់ខ្លួន") == "បុគ្គលិក|លក្ខណៈ|គតិ|យុត្ដ|របស់|ខ្លួន");
    CHECK(marked("km", "ដោយសហប្រតិបត្ដិការ") == "ដោយ|សហប្រតិបត្ដិ|ការ");
    // The text itself is not changed: the breaks are offsets into it, and
    // the same with either spelling.
    CHECK(marked("km", "និងសន្តិភាព") == "និង|សន្តិភាព");
}

TEST_CASE("no break before a repetition or abbreviation mark, which ICU's dictionaries offer") {
    for (const std::string text : {"ពលរដ្ឋគ្រប់ៗប្រទេស", "មនុស្សម្នាក់ៗអាច", "ต่างๆนานา", "กรุงเทพฯเป็น"}) {
        CAPTURE(text);
        const std::string m = marked(text.find("\u0e01") != std::string::npos || text.find("\u0e15") != std::string::npos ? "th" : "km", text);
        for (const char* mark : {"|ៗ", "|ๆ", "|ฯ"}) CHECK(m.find(mark) == std::string::npos);
    }
    CHECK(galley::typeset::ends_word_before(0x17D7));
    CHECK(galley::typeset::ends_word_before(0x0E46));
    CHECK(!galley::typeset::ends_word_before(U'a'));
    CHECK(!galley::typeset::ends_word_before(0x17D4));  // the Khmer full stop is class BA: ICU keeps it
}

TEST_CASE("Thai is broken between words") {
    CHECK(marked("th", "โดยที่การยอมรับนับถือเกียรติศักดิ์ประจำตัว") ==
          "โดยที่|การ|ยอมรับ|นับถือ|เกียรติศักดิ์|ประจำ|ตัว");
}

TEST_CASE("Lao and Myanmar use ICU's dictionaries too") {
    CHECK(marked("lo", "ປະຊາຊົນລາວ") == "ປະຊາຊົນ|ລາວ");
    CHECK(marked("my", "မြန်မာနိုင်ငံတော်အစိုးရ") == "မြန်မာနိုင်ငံ|တော်အစိုးရ");
}

TEST_CASE("Chinese breaks between characters but not inside brackets' and stops' rules") {
    CHECK(marked("zh-Hans", "联合国大会通过并颁布《世界人权宣言》。这一具有历史意义") ==
          "联/合/国/大/会/通/过/并/颁/布/《世/界/人/权/宣/言》。/这/一/具/有/历/史/意/义");
}

TEST_CASE("Japanese and Korean") {
    CHECK(marked("ja", "日本語の文章です。かな") == "日/本/語/の/文/章/で/す。/か/な");
    CHECK(marked("ko", "대한민국 헌법") == "대/한/민/국 헌/법");
}

TEST_CASE("breaks after spaces and in Latin text are left to the paragraph builder") {
    CHECK(marked("en", "anti-trafficking drive, marred") == "anti-trafficking drive, marred");
    CHECK(marked("km", "Khmer ខ្មែរភាសា text") == "Khmer ខ្មែរ|ភាសា text");
    CHECK(marked("zh", "1948 年 12 月") == "1948 年 12 月");
}

TEST_CASE("needs_segmentation spots the scripts that need a Segmenter") {
    CHECK_FALSE(needs_segmentation("Anti-trafficking drive marred by claims — “café”"));
    CHECK_FALSE(needs_segmentation(""));
    CHECK(needs_segmentation("Phnom Penh ភ្នំពេញ"));
    CHECK(needs_segmentation("กรุงเทพ"));
    CHECK(needs_segmentation("世界人权宣言"));
    CHECK(needs_segmentation("한국어"));
}

TEST_CASE("malformed UTF-8 and empty text do not upset the segmenter") {
    Segmenter s("km");
    CHECK(s.breaks("").empty());
    const std::string bad = "ដោយ\xFF\xFEយល់ឃើញ\xE1\x9E";
    for (const auto& b : s.breaks(bad)) CHECK(b.offset < bad.size());
    CHECK_FALSE(needs_segmentation("\xFF\xFE\xE1"));
}

TEST_CASE("a Segmenter is reusable across texts") {
    Segmenter s("th");
    const auto first = s.breaks("โดยที่การยอมรับ");
    s.breaks("นับถือเกียรติศักดิ์");
    CHECK(s.breaks("โดยที่การยอมรับ") == first);
}

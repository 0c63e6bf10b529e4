#include "fonts/font_library.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;
using galley::Diagnostics;
using galley::fonts::FaceMatch;
using galley::fonts::FaceRequest;
using galley::fonts::FontLibrary;

namespace {

fs::path bundled_fonts() { return galley::test::source_dir() / "fonts"; }

std::unique_ptr<FontLibrary> open_bundled(Diagnostics& diagnostics) {
    return FontLibrary::open({bundled_fonts()}, diagnostics);
}

bool inside(const fs::path& file, const fs::path& dir) {
    const std::string f = fs::weakly_canonical(file).string();
    const std::string d = fs::weakly_canonical(dir).string() + "/";
    return f.rfind(d, 0) == 0;
}

struct BundledFace {
    const char* family;
    int weight;
    bool italic;
    const char* file;
    const char* style;
};

// Every face in fonts/, with the names fontconfig gives it.
const BundledFace kBundledFaces[] = {
    {"Charis SIL", 400, false, "CharisSIL-Regular.ttf", "Regular"},
    {"Charis SIL", 400, true, "CharisSIL-Italic.ttf", "Italic"},
    {"Charis SIL", 700, false, "CharisSIL-Bold.ttf", "Bold"},
    {"Charis SIL", 700, true, "CharisSIL-BoldItalic.ttf", "Bold Italic"},
    {"Noto Serif Display", 400, false, "NotoSerifDisplay-Regular.ttf", "Regular"},
    {"Noto Serif Display", 400, true, "NotoSerifDisplay-Italic.ttf", "Italic"},
    {"Noto Serif Display", 700, false, "NotoSerifDisplay-Bold.ttf", "Bold"},
    {"Noto Serif Display", 700, true, "NotoSerifDisplay-BoldItalic.ttf", "Bold Italic"},
    {"Lato", 400, false, "Lato-Regular.ttf", "Regular"},
    {"Lato", 400, true, "Lato-Italic.ttf", "Italic"},
    {"Lato", 700, false, "Lato-Bold.ttf", "Bold"},
    {"Lato", 700, true, "Lato-BoldItalic.ttf", "Bold Italic"},
    {"Lato", 900, false, "Lato-Black.ttf", "Black"},
    {"DejaVu Serif", 400, false, "DejaVuSerif.ttf", "Book"},
    {"DejaVu Serif", 400, true, "DejaVuSerif-Italic.ttf", "Italic"},
    {"DejaVu Serif", 700, false, "DejaVuSerif-Bold.ttf", "Bold"},
    {"DejaVu Serif", 700, true, "DejaVuSerif-BoldItalic.ttf", "Bold Italic"},
    {"DejaVu Sans", 400, false, "DejaVuSans.ttf", "Book"},
    {"DejaVu Sans", 400, true, "DejaVuSans-Oblique.ttf", "Oblique"},
    {"DejaVu Sans", 700, false, "DejaVuSans-Bold.ttf", "Bold"},
    {"DejaVu Sans", 700, true, "DejaVuSans-BoldOblique.ttf", "Bold Oblique"},
    {"Noto Serif Khmer", 400, false, "NotoSerifKhmer-Regular.ttf", "Regular"},
    {"Noto Serif Khmer", 700, false, "NotoSerifKhmer-Bold.ttf", "Bold"},
    {"Noto Sans Khmer", 400, false, "NotoSansKhmer-Regular.ttf", "Regular"},
    {"Noto Sans Khmer", 700, false, "NotoSansKhmer-Bold.ttf", "Bold"},
};

}  // namespace

TEST_CASE("the bundled fonts open without diagnostics and list exactly the bundled families") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    CHECK(diagnostics.empty());
    CHECK(library->config() != nullptr);
    CHECK(library->families() == std::vector<std::string>{"Charis SIL", "DejaVu Sans", "DejaVu Serif", "Lato",
                                                          "Noto Sans Khmer", "Noto Sans Thai", "Noto Serif Display",
                                                          "Noto Serif Khmer", "Noto Serif Thai", "WenQuanYi Micro Hei",
                                                          "WenQuanYi Micro Hei Mono"});
}

TEST_CASE("every bundled family resolves exactly in every bundled style") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    for (const BundledFace& face : kBundledFaces) {
        CAPTURE(face.family);
        CAPTURE(face.weight);
        CAPTURE(face.italic);
        std::optional<FaceMatch> match = library->find({face.family, face.weight, face.italic});
        REQUIRE(match.has_value());
        CHECK(match->exact);
        CHECK(match->family == face.family);
        CHECK(match->file.filename() == face.file);
        CHECK(match->style == face.style);
        CHECK(match->weight == face.weight);
        CHECK(match->italic == face.italic);
        CHECK(match->index == 0);
        CHECK(inside(match->file, bundled_fonts()));

        Diagnostics resolved;
        CHECK(library->resolve({face.family, face.weight, face.italic}, resolved).has_value());
        CHECK(resolved.empty());
    }
}

TEST_CASE("families that are not bundled are never found exactly, even when the system has them") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    // Some of these are installed system-wide on the build machine
    // (DejaVu Sans Mono, Noto Sans, Open Sans); the pin must hide them.
    for (const char* family : {"Times New Roman", "Arial", "Helvetica", "DejaVu Sans Mono", "Noto Sans",
                               "Open Sans", "Liberation Serif", "serif", "sans-serif", "monospace"}) {
        CAPTURE(family);
        std::optional<FaceMatch> match = library->find({family, 400, false});
        REQUIRE(match.has_value());
        CHECK_FALSE(match->exact);
        CHECK(inside(match->file, bundled_fonts()));
    }
    // The system font set is never loaded into the configuration.
    CHECK(FcConfigGetFonts(library->config(), FcSetSystem) == nullptr);
}

TEST_CASE("a fallback list matches its first family, or the next one that is bundled") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);

    auto first = library->find({"'Charis SIL', Noto Serif Khmer", 700, false});
    REQUIRE(first.has_value());
    CHECK(first->exact);
    CHECK(first->file.filename() == "CharisSIL-Bold.ttf");

    auto second = library->find({"Times New Roman, \"Noto Serif Khmer\"", 400, false});
    REQUIRE(second.has_value());
    CHECK_FALSE(second->exact);
    CHECK(second->family == "Noto Serif Khmer");
    CHECK(second->file.filename() == "NotoSerifKhmer-Regular.ttf");

    CHECK_FALSE(library->find({" , ", 400, false}).has_value());
}

TEST_CASE("family names match regardless of case and blanks, like fontconfig") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    auto match = library->find({"charissil", 400, true});
    REQUIRE(match.has_value());
    CHECK(match->exact);
    CHECK(match->family == "Charis SIL");
    CHECK(match->file.filename() == "CharisSIL-Italic.ttf");
}

TEST_CASE("Khmer is covered by Noto Serif Khmer and Noto Sans Khmer, not by Charis SIL") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    const char32_t ka = U'\u1780';  // KHMER LETTER KA

    auto khmer = library->find({"Noto Serif Khmer", 400, false});
    REQUIRE(khmer.has_value());
    CHECK(library->covers(*khmer, ka));

    auto khmer_sans = library->find({"Noto Sans Khmer", 700, false});
    REQUIRE(khmer_sans.has_value());
    CHECK(library->covers(*khmer_sans, ka));

    auto charis = library->find({"Charis SIL", 400, false});
    REQUIRE(charis.has_value());
    CHECK_FALSE(library->covers(*charis, ka));
    CHECK(library->covers(*charis, U'a'));
    CHECK(library->covers(*charis, U'\u0161'));  // š

    FaceMatch stranger;
    stranger.file = "/nonexistent/font.ttf";
    CHECK_FALSE(library->covers(stranger, U'a'));
}

TEST_CASE("a missing font directory is reported and leaves no library when nothing else was found") {
    galley::test::TempDir tmp;
    const fs::path missing = tmp.path() / "no-such-fonts";
    Diagnostics diagnostics;
    auto library = FontLibrary::open({missing}, diagnostics);
    CHECK(library == nullptr);
    REQUIRE(diagnostics.all().size() == 2);
    const galley::Diagnostic& first = diagnostics.all()[0];
    CHECK(first.severity == galley::Severity::error);
    CHECK(first.code == "E-FONT-DIR-MISSING");
    CHECK(first.where.file == missing.string());
    CHECK(first.message == "font directory does not exist");
    CHECK(diagnostics.all()[1].code == "E-FONT-NONE");
    CHECK(diagnostics.all()[1].message == "no usable font found in: " + missing.string());
}

TEST_CASE("a missing layout font directory beside the bundled one is an error, but the library still opens") {
    galley::test::TempDir tmp;
    Diagnostics diagnostics;
    auto library = FontLibrary::open({bundled_fonts(), tmp.path() / "gone"}, diagnostics);
    REQUIRE(library != nullptr);
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].code == "E-FONT-DIR-MISSING");
    CHECK(library->find({"Lato", 400, false})->exact);
}

TEST_CASE("a file given as a font directory is refused") {
    galley::test::TempDir tmp;
    const fs::path file = tmp.write("fonts.txt", "not a directory");
    Diagnostics diagnostics;
    CHECK(FontLibrary::open({file}, diagnostics) == nullptr);
    REQUIRE(!diagnostics.empty());
    CHECK(diagnostics.all()[0].code == "E-FONT-DIR-MISSING");
    CHECK(diagnostics.all()[0].message == "font directory is not a directory");
}

TEST_CASE("only the directories given are searched, and an unreadable font file is reported") {
    galley::test::TempDir tmp;
    fs::create_directories(tmp.path() / "extra");
    fs::copy_file(bundled_fonts() / "lato" / "Lato-Regular.ttf", tmp.path() / "extra" / "Lato-Regular.ttf");
    // What a clone without Git LFS would hold instead of a font.
    const fs::path pointer = tmp.write("extra/Broken-Regular.ttf",
                                       "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n");
    Diagnostics diagnostics;
    auto library = FontLibrary::open({tmp.path() / "extra"}, diagnostics);
    REQUIRE(library != nullptr);
    CHECK(library->families() == std::vector<std::string>{"Lato"});
    REQUIRE(diagnostics.all().size() == 1);
    CHECK(diagnostics.all()[0].severity == galley::Severity::warning);
    CHECK(diagnostics.all()[0].code == "W-FONT-FILE-IGNORED");
    CHECK(diagnostics.all()[0].where.file == pointer.string());
    CHECK_FALSE(library->find({"Charis SIL", 400, false})->exact);
}

TEST_CASE("opening a font directory writes nothing into it (no fontconfig cache, no .uuid)") {
    galley::test::TempDir tmp;
    fs::copy_file(bundled_fonts() / "lato" / "Lato-Bold.ttf", tmp.path() / "Lato-Bold.ttf");
    Diagnostics diagnostics;
    auto library = FontLibrary::open({tmp.path()}, diagnostics);
    REQUIRE(library != nullptr);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(tmp.path())) names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"Lato-Bold.ttf"});
}

TEST_CASE("resolve reports a family that is not bundled, word for word") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    Diagnostics found;
    const galley::SourceLocation where{"layouts/tabloid.xml", 12, 0};
    CHECK_FALSE(library->resolve({"Times New Roman", 400, false}, found, where).has_value());
    REQUIRE(found.all().size() == 1);
    CHECK(found.all()[0].code == "E-FONT-NOT-FOUND");
    CHECK(found.all()[0].where.file == "layouts/tabloid.xml");
    CHECK(found.all()[0].where.line == 12);
    CHECK(found.all()[0].message ==
          "font family \"Times New Roman\" is not in the font library (available: Charis SIL, DejaVu Sans, "
          "DejaVu Serif, Lato, Noto Sans Khmer, Noto Sans Thai, Noto Serif Display, Noto Serif Khmer, "
          "Noto Serif Thai, WenQuanYi Micro Hei, WenQuanYi Micro Hei Mono)");
}

TEST_CASE("resolve checks every family of a fallback list") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    Diagnostics found;
    auto match = library->resolve({"Charis SIL, Noto Serif Kmer", 400, false}, found);
    REQUIRE(match.has_value());
    CHECK(match->family == "Charis SIL");
    REQUIRE(found.all().size() == 1);
    CHECK(found.all()[0].code == "E-FONT-NOT-FOUND");
    CHECK(found.all()[0].message.rfind("font family \"Noto Serif Kmer\" is not in the font library", 0) == 0);
}

TEST_CASE("resolve warns when a bundled family lacks the requested style") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    Diagnostics found;
    auto match = library->resolve({"Noto Serif Khmer", 400, true}, found);
    REQUIRE(match.has_value());
    CHECK(match->exact);
    CHECK(match->file.filename() == "NotoSerifKhmer-Regular.ttf");
    REQUIRE(found.all().size() == 1);
    CHECK(found.all()[0].severity == galley::Severity::warning);
    CHECK(found.all()[0].code == "W-FONT-STYLE-MISSING");
    CHECK(found.all()[0].message ==
          "font family \"Noto Serif Khmer\" has no face for weight 400 italic; using Regular (weight 400 upright)");
}

TEST_CASE("bold of a family without a bold is its regular face emboldened, and resolve says so") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    auto bold = library->find({"WenQuanYi Micro Hei", 700, false});
    REQUIRE(bold.has_value());
    CHECK(bold->file.filename() == "wqy-microhei.ttc");
    CHECK(bold->weight == 400);
    CHECK(bold->synthetic_bold);
    CHECK_FALSE(library->find({"WenQuanYi Micro Hei", 400, false})->synthetic_bold);
    CHECK_FALSE(library->find({"WenQuanYi Micro Hei", 500, false})->synthetic_bold);
    // Families with a bold use it; a black asked of one with only a bold
    // gets the bold as it is, not thickened further.
    CHECK_FALSE(library->find({"Lato", 700, false})->synthetic_bold);
    CHECK_FALSE(library->find({"Noto Serif Khmer", 700, false})->synthetic_bold);
    auto black = library->find({"Charis SIL", 900, false});
    CHECK(black->file.filename() == "CharisSIL-Bold.ttf");
    CHECK_FALSE(black->synthetic_bold);
    // No slant is made up.
    CHECK_FALSE(library->find({"Noto Serif Khmer", 400, true})->italic);

    Diagnostics found;
    REQUIRE(library->resolve({"WenQuanYi Micro Hei", 700, false}, found).has_value());
    REQUIRE(found.all().size() == 1);
    CHECK(found.all()[0].code == "W-FONT-STYLE-MISSING");
    CHECK(found.all()[0].message ==
          "font family \"WenQuanYi Micro Hei\" has no face for weight 700 upright; using Regular (weight 400 upright), "
          "emboldened");
}

TEST_CASE("a nearby weight falls back to the closest bundled face") {
    Diagnostics diagnostics;
    auto library = open_bundled(diagnostics);
    REQUIRE(library != nullptr);
    CHECK(library->find({"Lato", 800, false})->file.filename() == "Lato-Black.ttf");
    CHECK(library->find({"Lato", 600, false})->file.filename() == "Lato-Bold.ttf");
    CHECK(library->find({"Charis SIL", 300, false})->file.filename() == "CharisSIL-Regular.ttf");
}

TEST_CASE("split_family_list trims blanks and quotes and drops empty entries") {
    using galley::fonts::split_family_list;
    CHECK(split_family_list("Charis SIL, Noto Serif Khmer") ==
          std::vector<std::string>{"Charis SIL", "Noto Serif Khmer"});
    CHECK(split_family_list(" 'Charis SIL' ,\"Lato\",, ") == std::vector<std::string>{"Charis SIL", "Lato"});
    CHECK(split_family_list("").empty());
    CHECK(split_family_list("Lato").size() == 1);
}

TEST_CASE("every bundled font folder carries its licence and nothing but fonts") {
    std::vector<std::string> folders;
    for (const auto& entry : fs::directory_iterator(bundled_fonts())) {
        if (!entry.is_directory()) continue;
        folders.push_back(entry.path().filename().string());
        bool licence = fs::exists(entry.path() / "OFL.txt") || fs::exists(entry.path() / "LICENSE");
        CAPTURE(entry.path());
        CHECK(licence);
        for (const auto& file : fs::directory_iterator(entry.path())) {
            const std::string name = file.path().filename().string();
            CAPTURE(name);
            const std::string ext = file.path().extension().string();
            CHECK((ext == ".ttf" || ext == ".ttc" || name == "OFL.txt" || name == "LICENSE"));
        }
    }
    std::sort(folders.begin(), folders.end());
    CHECK(folders ==
          std::vector<std::string>{"charis-sil", "dejavu", "lato", "noto-khmer", "noto-serif-display", "noto-thai",
                                   "wqy-microhei"});
}

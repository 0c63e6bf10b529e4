// Fonts: the layout's faces are embedded subset to the text the book shows
// (default), whole, or not at all; a fallback family only when it covers text
// the first family cannot.
#include <doctest/doctest.h>
#include <hb.h>

#include <regex>
#include <set>

#include "epub/font_embed.h"
#include "epub_test_support.h"
#include "fixture_issues.h"
#include "xml_probe.h"

namespace galley::test {
namespace {

std::set<char32_t> unicodes_of(const std::string& font, unsigned index = 0) {
    hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, index);
    hb_set_t* set = hb_set_create();
    hb_face_collect_unicodes(face, set);
    std::set<char32_t> out;
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(set, &cp)) out.insert(static_cast<char32_t>(cp));
    hb_set_destroy(set);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return out;
}

unsigned glyph_count_of(const std::string& font, unsigned index = 0) {
    hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, index);
    const unsigned n = hb_face_get_glyph_count(face);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return n;
}

struct FaceDecl {
    std::string family;
    int weight = 400;
    bool italic = false;
    std::string url;
};

std::vector<FaceDecl> font_faces(const std::string& css) {
    static const std::regex block(
        R"re(@font-face \{\s*font-family: "([^"]+)";\s*font-weight: (\d+);\s*font-style: (\w+);\s*src: url\("\.\./([^"]+)"\);\s*\})re");
    std::vector<FaceDecl> out;
    for (std::sregex_iterator it(css.begin(), css.end(), block), end; it != end; ++it)
        out.push_back({(*it)[1], std::stoi((*it)[2]), (*it)[3] == "italic", (*it)[4]});
    return out;
}

}  // namespace

TEST_CASE("fonts: subset by default, each subset keeping every character of the book its face has") {
    epub::EpubBuild book = build_or_fail(sample_issue());
    std::map<std::string, std::string> files = zip_map(book.bytes);
    std::set<char32_t> text;
    for (const auto& [name, data] : files)
        if (name.size() > 6 && name.substr(name.size() - 6) == ".xhtml") epub::collect_text_codepoints(data, text);
    std::vector<FaceDecl> faces = font_faces(files.at("EPUB/css/galley.css"));
    REQUIRE(faces.size() == book.stats.fonts);
    std::set<std::string> families;
    for (const FaceDecl& f : faces) {
        CAPTURE(f.url);
        families.insert(f.family);
        const std::string& embedded = files.at("EPUB/" + f.url);
        auto match = bundled_fonts().find({f.family, f.weight, f.italic});
        REQUIRE(match.has_value());
        CHECK(match->exact);
        std::string original = read_file(match->file);
        CHECK(embedded.size() < original.size() / 3);
        std::set<char32_t> in_original = unicodes_of(original, static_cast<unsigned>(match->index));
        std::set<char32_t> in_subset = unicodes_of(embedded);
        for (char32_t cp : text) {
            if (!in_original.count(cp)) continue;
            CAPTURE(static_cast<unsigned>(cp));
            CHECK(in_subset.count(cp) == 1);
        }
        CHECK(in_subset.size() <= text.size() + 4);
    }
    // The layout's three families, and the Khmer fallbacks since the sample has Khmer text.
    for (const char* family : {"Charis SIL", "Noto Serif Display", "Lato", "Noto Serif Khmer"}) {
        CAPTURE(family);
        CHECK(families.count(family) == 1);
    }
    CHECK(book.stats.font_bytes_saved() > 5'000'000);
}

TEST_CASE("fonts: a fallback family is embedded only when the text needs it") {
    TempDir tmp;
    epub::EpubBuild book = build_or_fail(read_issue_or_fail(write_no_images_issue(tmp)));
    std::string css = zip_map(book.bytes).at("EPUB/css/galley.css");
    for (const FaceDecl& f : font_faces(css)) {
        CAPTURE(f.family);
        CHECK(f.family.find("Khmer") == std::string::npos);
        CHECK(f.family.find("Thai") == std::string::npos);
        CHECK(f.family.find("WenQuanYi") == std::string::npos);
    }
    // The families are still named, so the reading system falls back the same way.
    CHECK(css.find("\"Charis SIL\", \"Noto Serif Khmer\", \"Noto Serif Thai\", \"WenQuanYi Micro Hei\", serif") != std::string::npos);
}

TEST_CASE("fonts: --epub-fonts=full embeds whole files, none embeds nothing") {
    epub::EpubOptions full;
    full.fonts = epub::FontMode::full;
    epub::EpubBuild whole = build_or_fail(sample_issue(), full);
    std::map<std::string, std::string> files = zip_map(whole.bytes);
    // A face of a collection (WenQuanYi Micro Hei's .ttc) is taken out of
    // it whole, every glyph and code point: an EPUB cannot hold a collection.
    std::size_t embedded = 0, from_collections = 0, collection_files = 0;
    bool any_collection = false;
    for (const FaceDecl& f : font_faces(files.at("EPUB/css/galley.css"))) {
        CAPTURE(f.family);
        auto match = bundled_fonts().find({f.family, f.weight, f.italic});
        REQUIRE(match.has_value());
        const std::string& bytes = files.at("EPUB/" + f.url);
        embedded += bytes.size();
        const std::string file = read_file(match->file);
        if (match->file.extension() == ".ttc") {
            any_collection = true;
            from_collections += bytes.size();
            collection_files += file.size();
            CHECK(bytes.compare(0, 4, "ttcf") != 0);
            CHECK(glyph_count_of(bytes) == glyph_count_of(file, static_cast<unsigned>(match->index)));
            CHECK(unicodes_of(bytes) == unicodes_of(file, static_cast<unsigned>(match->index)));
        } else {
            CHECK(bytes == file);
        }
    }
    CHECK(any_collection);
    CHECK(whole.stats.font_embedded_bytes == embedded);
    // Only the collection's other face and shared tables are left out.
    CHECK(whole.stats.font_bytes_saved() == collection_files - from_collections);

    epub::EpubOptions none;
    none.fonts = epub::FontMode::none;
    epub::EpubBuild bare = build_or_fail(sample_issue(), none);
    CHECK(bare.stats.fonts == 0);
    std::map<std::string, std::string> bare_files = zip_map(bare.bytes);
    CHECK(bare_files.at("EPUB/css/galley.css").find("@font-face") == std::string::npos);
    for (const auto& [name, data] : bare_files) CHECK(name.rfind("EPUB/fonts/", 0) != 0);
    XmlProbe opf(bare_files.at("EPUB/package.opf"), "package.opf");
    CHECK(opf.count("//opf:item[starts-with(@media-type, 'font/')]") == 0);

    CHECK(epub::font_mode_from_name("subset") == epub::FontMode::subset);
    CHECK(epub::font_mode_from_name("full") == epub::FontMode::full);
    CHECK(epub::font_mode_from_name("none") == epub::FontMode::none);
    CHECK_FALSE(epub::font_mode_from_name("woff").has_value());
}

TEST_CASE("fonts: without a font library nothing is embedded and the build still succeeds") {
    Diagnostics diags;
    auto book = epub::build_epub(sample_issue(), tabloid_layout(), nullptr, {}, diags);
    REQUIRE(book.has_value());
    CHECK(book->stats.fonts == 0);
    CHECK(diags.empty());
}

TEST_CASE("fonts: the characters collected for a subset include the letters a shaper composes from the text's marks") {
    auto collected = [](const std::string& xhtml) {
        std::set<char32_t> out;
        epub::collect_text_codepoints(xhtml, out);
        return out;
    };
    // Vietnamese typed decomposed, as the UDHR's is in part: "thế" as
    // ê + U+0301; "Nhận" as â + U+0323 (the shaper takes â apart first);
    // "ệ" as e + U+0302 + U+0323 (put in canonical order first).
    const std::set<char32_t> vi = collected("<p>th\u00EA\u0301 Nh\u00E2\u0323n h&#x65;\u0302\u0323</p>");
    for (char32_t cp : {U'\u00EA', U'\u0301', U'\u1EBF', U'\u00E2', U'\u0323', U'\u1EA1', U'\u1EAD', U'\u1EB9',
                        U'\u1EC7', U'\u0302'}) {
        CAPTURE(static_cast<unsigned>(cp));
        CHECK(vi.count(cp) == 1);
    }
    // Markup in between does not stop it; a mark after a space or at the
    // start composes with nothing.
    CHECK(collected("<p>e<span>\u0301</span></p>").count(U'\u00E9') == 1);
    CHECK(collected("<p>\u0301 \u0301</p>") == std::set<char32_t>{U'\u0301', U' '});
    // A mark of the same class left over between blocks the composition:
    // "a" + U+0316 (grave below, no "a" with it) + U+0323 is no "ạ".
    const std::set<char32_t> blocked = collected("<p>a\u0316\u0323</p>");
    CHECK(blocked.count(U'\u1EA1') == 0);
    CHECK(blocked == std::set<char32_t>{U'a', U'\u0316', U'\u0323'});
    // Nothing is added to text that has no combining marks.
    CHECK(collected("<p>Sap &amp; caf\u00E9</p>") ==
          std::set<char32_t>{U'S', U'a', U'p', U' ', U'&', U'c', U'f', U'\u00E9'});
}

}  // namespace galley::test

// write_epub: the file appears whole or not at all, a failed build keeps the
// previous file, and nothing is left behind.
#include <doctest/doctest.h>

#include "base/output_file.h"
#include "epub_test_support.h"
#include "fixture_issues.h"

namespace galley::test {
namespace {

std::vector<std::string> leftovers(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        std::string n = e.path().filename().string();
        if (n.find(kTempSuffix) != std::string::npos) out.push_back(n);
    }
    return out;
}

}  // namespace

TEST_CASE("write_epub: writes <issue id>.epub and reports what it embedded") {
    TempDir tmp;
    const model::Issue& issue = sample_issue();
    CHECK(epub::epub_file_name(issue) == "ppp-2008-06-13.epub");
    std::filesystem::path target = tmp.path() / "out" / epub::epub_file_name(issue);
    Diagnostics diags;
    epub::EpubStats stats;
    REQUIRE(epub::write_epub(issue, tabloid_layout(), &bundled_fonts(), {}, target, diags, &stats));
    CHECK(diags.empty());
    std::string bytes = read_file(target);
    CHECK(bytes == build_or_fail(issue).bytes);
    CHECK(stats.bytes == bytes.size());
    CHECK(stats.sections == 3);
    CHECK(stats.articles == 9);
    CHECK(stats.images >= 10);
    CHECK(stats.fonts > 0);
    CHECK(stats.font_embedded_bytes < stats.font_original_bytes / 4);
    CHECK(stats.font_bytes_saved() == stats.font_original_bytes - stats.font_embedded_bytes);
    CHECK(leftovers(target.parent_path()).empty());
}

TEST_CASE("write_epub: a failed build leaves the previous EPUB intact and no partial file") {
    TempDir tmp;
    std::filesystem::path folder = write_every_block_issue(tmp);
    model::Issue issue = read_issue_or_fail(folder);
    std::filesystem::path target = tmp.path() / "out" / "book.epub";
    Diagnostics first;
    REQUIRE(epub::write_epub(issue, tabloid_layout(), &bundled_fonts(), {}, target, first));
    std::string before = read_file(target);

    // An image disappears between reading and writing.
    std::filesystem::remove(folder / "img" / "dot.gif");
    Diagnostics diags;
    CHECK_FALSE(epub::write_epub(issue, tabloid_layout(), &bundled_fonts(), {}, target, diags));
    CHECK(diags.contains("E-EPUB-IMAGE-READ"));
    CHECK(read_file(target) == before);
    CHECK(leftovers(target.parent_path()).empty());
}

TEST_CASE("write_epub: an unwritable target is E-OUTPUT-WRITE and leaves nothing") {
    TempDir tmp;
    std::filesystem::path target = tmp.path() / "a-file" / "book.epub";
    tmp.write("a-file", "not a folder");
    Diagnostics diags;
    CHECK_FALSE(epub::write_epub(sample_issue(), tabloid_layout(), &bundled_fonts(), {}, target, diags));
    CHECK(diags.contains("E-OUTPUT-WRITE"));
    CHECK_FALSE(std::filesystem::exists(target));
}

TEST_CASE("build_epub: an issue with no article is E-EPUB-EMPTY") {
    model::Issue issue = sample_issue();
    for (model::Section& s : issue.sections) s.articles.clear();
    Diagnostics diags;
    CHECK_FALSE(epub::build_epub(issue, tabloid_layout(), &bundled_fonts(), {}, diags).has_value());
    CHECK(diags.contains("E-EPUB-EMPTY"));
}

}  // namespace galley::test

#include "built_books.h"

#include <doctest/doctest.h>

#include "fixture_issues.h"
#include "xml_probe.h"

namespace galley::test {
namespace {

BuiltBook make(const std::string& name, const model::Issue& issue) {
    BuiltBook b;
    b.name = name;
    b.bytes = build_or_fail(issue).bytes;
    b.entries = read_zip(b.bytes);
    for (const ZipFileEntry& e : b.entries) b.files[e.name] = e.data;
    return b;
}

}  // namespace

const std::vector<BuiltBook>& built_books() {
    static const std::vector<BuiltBook> books = [] {
        std::vector<BuiltBook> out;
        out.push_back(make("sample", sample_issue()));
        TempDir tmp;
        out.push_back(make("one-article", read_issue_or_fail(write_one_article_issue(tmp))));
        out.push_back(make("no-images", read_issue_or_fail(write_no_images_issue(tmp))));
        out.push_back(make("every-block", read_issue_or_fail(write_every_block_issue(tmp))));
        return out;
    }();
    return books;
}

const BuiltBook& built_book(const std::string& name) {
    for (const BuiltBook& b : built_books())
        if (b.name == name) return b;
    FAIL("no built book " << name);
    return built_books().front();
}

std::vector<std::string> manifest_paths(const BuiltBook& book, const std::string& media_type) {
    XmlProbe opf(book.files.at("EPUB/package.opf"), "package.opf");
    std::vector<std::string> out;
    for (xmlNode* item : opf.all("/opf:package/opf:manifest/opf:item"))
        if (attr(item, "media-type") == media_type) out.push_back("EPUB/" + attr(item, "href"));
    return out;
}

}  // namespace galley::test

// libFuzzer target: the whole reader, read -> model, on one issue folder.
//
// An input is an article (or a manifest: whatever its root is), optionally
// followed by "\n--IMAGE--\n" and the bytes of an image. Each input is
// written into a fresh issue folder as story.xml (or issue.xml when its root
// element is <issue>, next to a valid story.xml) plus img/fuzz.<ext> (the
// extension the image's magic bytes call for); the folder also holds valid
// pictures img/photo.jpg, .png, .gif and .svg, so a mutated article that
// names them gets past the probe.
// Then read::read_issue() runs on the folder, as `galley check` does.
//
// The target checks invariants as well as crashes: the reader never throws
// (an escaping exception is a crash), an issue with no error has at least
// one article, every article it returns has an id and a file inside the
// folder, and every diagnostic has a code and a message.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "fuzz_support.h"
#include "read/issue_reader.h"

namespace {

namespace fs = std::filesystem;
using galley::fuzz::scratch;
using galley::fuzz::write_file;

// Valid pictures from the bad-input suite's accept twins (the path is
// compiled in), read once.
std::string fixture(const char* rel) {
    return galley::fuzz::read_file(fs::path(GALLEY_FUZZ_FIXTURES) / rel);
}

const char kArticle[] =
    "<?xml version=\"1.0\"?>\n<article id=\"listed\" xml:lang=\"en\"><meta><published>2024-06-14</published></meta>"
    "<head><headline>Listed</headline></head><body><p>Text.</p></body></article>\n";

struct Folder {
    fs::path root;
    int round = 0;
};

Folder& folder() {
    static Folder f = [] {
        Folder x;
        x.root = scratch() / "issues";
        fs::create_directories(x.root);
        return x;
    }();
    return f;
}

void add_pictures(const fs::path& dir) {
    static const std::string jpg = fixture("img-jpeg-ok/img/photo.jpg"), png = fixture("img-png-ok/img/photo.png"),
                             gif = fixture("img-gif-ok/img/photo.gif"), svg = fixture("img-svg-ok/img/photo.svg");
    write_file(dir / "img/photo.jpg", jpg);
    write_file(dir / "img/photo.png", png);
    write_file(dir / "img/photo.gif", gif);
    write_file(dir / "img/photo.svg", svg);
}

bool root_is_issue(std::string_view xml) {
    // Good enough to pick the file name: the first element after the prolog.
    std::size_t at = 0;
    while ((at = xml.find('<', at)) != std::string_view::npos) {
        if (at + 1 < xml.size() && (xml[at + 1] == '?' || xml[at + 1] == '!')) {
            ++at;
            continue;
        }
        return xml.substr(at + 1, 5) == "issue";
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::string_view xml = input, image;
    if (std::size_t sep = input.find(galley::fuzz::kImageSeparator); sep != std::string_view::npos) {
        xml = input.substr(0, sep);
        image = input.substr(sep + galley::fuzz::kImageSeparator.size());
    }

    // A fresh folder per input: nothing carries over from the last one.
    Folder& f = folder();
    fs::path dir = f.root / ("issue-" + std::to_string(f.round++ % 2));
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    add_pictures(dir);
    write_file(dir / (root_is_issue(xml) ? "issue.xml" : "story.xml"), xml);
    if (!image.empty()) write_file(dir / (std::string("img/fuzz.") + galley::fuzz::extension_for(image)), image);
    if (root_is_issue(xml)) write_file(dir / "story.xml", kArticle);  // something for the manifest to list

    galley::Diagnostics diags;
    galley::read::IssueReadResult r = galley::read::read_issue(dir, galley::read::ReadOptions{}, diags);

    if (r.issue) {
        std::size_t articles = 0;
        for (const auto& s : r.issue->sections) {
            for (const auto& a : s.articles) {
                ++articles;
                if (a.id.empty()) __builtin_trap();
                if (a.file.empty() || a.file[0] == '/' || a.file.find("..") != std::string::npos) __builtin_trap();
            }
        }
        if (!diags.has_errors() && articles == 0) __builtin_trap();
    }
    for (const galley::Diagnostic& d : diags.all())
        if (d.code.empty() || d.message.empty()) __builtin_trap();
    return 0;
}

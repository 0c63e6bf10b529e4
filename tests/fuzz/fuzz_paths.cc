// libFuzzer target: the content path resolver (ContentRoot::resolve and
// ::read), with an oracle. Path traversal is the hole pandoc, WeasyPrint and
// calibre each shipped; a crash is not the only failure here: ANY reference
// that resolves to a file outside the issue folder is one.
//
// A fixed tree is made once: an issue folder `root/` with files, and around
// it files whose content says OUTSIDE, reachable through every kind of link
// (relative and absolute, to files and folders, chains, loops, /dev/null, a
// FIFO). The first input byte picks the issue folder as given (the real one
// or a symbolic link to it) and the referring folder; the rest is the
// reference, as an article would write it.
//
// Oracle: when resolve() succeeds, the real path of the result is a regular
// file strictly inside the real issue folder, the relative name has no `..`,
// and read() never returns bytes of an OUTSIDE file.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <climits>
#include <sys/stat.h>
#include <unistd.h>

#include "base/content_root.h"
#include "fuzz_support.h"

namespace {

namespace fs = std::filesystem;
using galley::fuzz::scratch;
using galley::fuzz::write_file;

struct Tree {
    fs::path base, root, root_link, real_root;
    std::vector<fs::path> referring;
};

const Tree& tree() {
    static const Tree t = [] {
        Tree x;
        x.base = scratch() / "paths";
        x.root = x.base / "root";
        x.root_link = x.base / "rootlink";
        write_file(x.base / "outside.jpg", "OUTSIDE");
        write_file(x.base / "outside/dir/x.jpg", "OUTSIDE");
        write_file(x.root / "img/photo.jpg", "INSIDE");
        write_file(x.root / "img/sub/deep.jpg", "INSIDE");
        write_file(x.root / "story.xml", "INSIDE");
        auto link = [&](const std::string& at, const std::string& to) { fs::create_symlink(to, x.root / at); };
        link("in", "img");
        link("img/self.jpg", "photo.jpg");
        link("up", "..");
        link("img/up2", "../..");
        link("abs-in", (x.root / "img/photo.jpg").string());
        link("abs-in-dir", (x.root / "img").string());
        link("abs-via-link", (x.root_link / "img/photo.jpg").string());
        link("abs-out", (x.base / "outside.jpg").string());
        link("abs-slash", "/");
        link("loop", "loop");
        link("a", "b");
        link("b", "a");
        link("chain", "img/up2");
        link("dev", "/dev/null");
        link("dir-out", "../outside");
        link("dot", ".");
        link("img/sub/back", "../../img/photo.jpg");
        if (::mkfifo((x.root / "fifo").c_str(), 0644) != 0) std::abort();
        fs::create_symlink(x.root, x.root_link);
        x.real_root = fs::canonical(x.root);
        x.referring = {"", "img", "img/sub", "in", "..", x.root / "img", x.root_link / "img", x.base / "outside"};
        return x;
    }();
    return t;
}

bool inside(const fs::path& real, const fs::path& root) {
    const std::string r = root.string() + "/";
    return real.string().rfind(r, 0) == 0 && real.string().size() > r.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const Tree& t = tree();
    const std::uint8_t pick = data[0];
    std::string_view reference(reinterpret_cast<const char*>(data + 1), size - 1);
    const galley::ContentRoot root((pick & 1) != 0 ? t.root_link : t.root);
    const fs::path& referring = t.referring[(pick >> 1) % t.referring.size()];

    galley::PathResult r = root.resolve(reference, referring, "image path");
    if (const auto* refusal = std::get_if<galley::PathRefusal>(&r)) {
        if (refusal->code.rfind("E-PATH-", 0) != 0 && refusal->code.rfind("E-FILE-", 0) != 0) __builtin_trap();
        return 0;
    }
    const auto& ok = std::get<galley::ResolvedPath>(r);
    char real[PATH_MAX];
    if (::realpath(ok.absolute.c_str(), real) == nullptr) __builtin_trap();  // resolved to nothing
    if (!inside(real, t.real_root)) __builtin_trap();                        // escaped the issue folder
    struct stat st {};
    if (::lstat(real, &st) != 0 || !S_ISREG(st.st_mode)) __builtin_trap();  // not a regular file
    if (ok.relative.empty() || ok.relative[0] == '/') __builtin_trap();
    for (const auto& part : fs::path(ok.relative))
        if (part == "..") __builtin_trap();

    galley::ReadResult bytes = root.read(ok, 1024);
    if (const auto* b = std::get_if<std::vector<std::uint8_t>>(&bytes)) {
        std::string_view s(reinterpret_cast<const char*>(b->data()), b->size());
        if (s.find("OUTSIDE") != std::string_view::npos) __builtin_trap();  // read outside bytes
    }
    return 0;
}

#include "base/content_root.h"

#include "support/test_support.h"

#include <doctest/doctest.h>

#include <string>
#include <variant>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

namespace galley {
namespace {
namespace fs = std::filesystem;

// An issue folder inside a scratch folder, with a secret next to it:
//   tmp/secret.jpg
//   tmp/issue/cover.jpg, img/photo.jpg, img/sub/, articles/a.xml
struct Issue {
    test::TempDir tmp;
    fs::path dir;
    Issue() : dir(tmp.path() / "issue") {
        tmp.write("secret.jpg", "secret");
        tmp.write("issue/cover.jpg", "cover");
        tmp.write("issue/img/photo.jpg", "JPEGDATA");
        tmp.write("issue/articles/a.xml", "<article/>");
        fs::create_directories(dir / "img" / "sub");
    }
    void link(const std::string& target, const std::string& relative) const {
        fs::create_symlink(target, dir / relative);
    }
};

ResolvedPath accepted(const ContentRoot& root, std::string_view ref, const fs::path& from = {}) {
    PathResult r = root.resolve(ref, from, "image path");
    if (auto* refusal = std::get_if<PathRefusal>(&r)) FAIL_CHECK(refusal->code << ": " << refusal->message);
    REQUIRE(std::holds_alternative<ResolvedPath>(r));
    return std::get<ResolvedPath>(r);
}

void refused(const ContentRoot& root, std::string_view ref, const std::string& code, const std::string& message,
             const fs::path& from = {}) {
    PathResult r = root.resolve(ref, from, "image path");
    REQUIRE_MESSAGE(std::holds_alternative<PathRefusal>(r), "accepted " << ref);
    CHECK(std::get<PathRefusal>(r).code == code);
    CHECK(std::get<PathRefusal>(r).message == message);
}

std::string as_text(const ReadResult& r) {
    REQUIRE(std::holds_alternative<std::vector<std::uint8_t>>(r));
    const auto& v = std::get<std::vector<std::uint8_t>>(r);
    return std::string(v.begin(), v.end());
}

void read_refused(const ReadResult& r, const std::string& code, const std::string& message) {
    REQUIRE(std::holds_alternative<PathRefusal>(r));
    CHECK(std::get<PathRefusal>(r).code == code);
    CHECK(std::get<PathRefusal>(r).message == message);
}

}  // namespace

// --- Accepted ----------------------------------------------------------------

TEST_CASE("'..' that stays inside the issue folder is fine") {
    Issue issue;
    ContentRoot root(issue.dir);
    ResolvedPath p = accepted(root, "img/sub/../photo.jpg");
    CHECK(p.relative == "img/photo.jpg");
    CHECK(p.absolute == fs::canonical(issue.dir / "img" / "photo.jpg"));
    CHECK(accepted(root, "./img//photo.jpg").relative == "img/photo.jpg");
}

TEST_CASE("a reference resolves against the referring file's folder, and may climb to the root") {
    Issue issue;
    ContentRoot root(issue.dir);
    CHECK(accepted(root, "../cover.jpg", "articles").relative == "cover.jpg");
    CHECK(accepted(root, "../img/photo.jpg", issue.dir / "articles").relative == "img/photo.jpg");
    CHECK(accepted(root, "photo.jpg", "img").relative == "img/photo.jpg");
}

TEST_CASE("the issue folder may be given through a symbolic link or with '..'") {
    Issue issue;
    fs::create_symlink(issue.dir, issue.tmp.path() / "alias");
    ContentRoot via_link(issue.tmp.path() / "alias");
    CHECK(via_link.root() == fs::canonical(issue.dir));
    CHECK(accepted(via_link, "../img/photo.jpg", issue.tmp.path() / "alias" / "articles").relative == "img/photo.jpg");
    ContentRoot dotted(issue.dir / "img" / "..");
    CHECK(accepted(dotted, "cover.jpg").relative == "cover.jpg");
}

TEST_CASE("symbolic links that stay inside the folder are followed") {
    Issue issue;
    issue.link("photo.jpg", "img/in.jpg");
    issue.link("img", "pics");
    issue.link("../cover.jpg", "img/up.jpg");
    issue.link((fs::canonical(issue.dir) / "cover.jpg").string(), "img/abs-in.jpg");
    ContentRoot root(issue.dir);
    ResolvedPath in = accepted(root, "img/in.jpg");
    CHECK(in.relative == "img/in.jpg");
    CHECK(in.absolute == fs::canonical(issue.dir / "img" / "photo.jpg"));
    CHECK(accepted(root, "pics/photo.jpg").absolute == in.absolute);
    CHECK(accepted(root, "img/up.jpg").absolute == fs::canonical(issue.dir / "cover.jpg"));
    CHECK(accepted(root, "img/abs-in.jpg").absolute == fs::canonical(issue.dir / "cover.jpg"));
}

// --- Refused: the reference as text -------------------------------------------

TEST_CASE("paths that leave the issue folder are refused") {
    Issue issue;
    ContentRoot root(issue.dir);
    refused(root, "../../etc/passwd", "E-PATH-ESCAPES", "image path '../../etc/passwd' leaves the issue folder",
            "articles");
    refused(root, "../secret.jpg", "E-PATH-ESCAPES", "image path '../secret.jpg' leaves the issue folder");
    refused(root, "img/../../secret.jpg", "E-PATH-ESCAPES",
            "image path 'img/../../secret.jpg' leaves the issue folder");
    refused(root, "img/sub/../../../issue/cover.jpg", "E-PATH-ESCAPES",
            "image path 'img/sub/../../../issue/cover.jpg' leaves the issue folder");
}

TEST_CASE("absolute paths are refused") {
    Issue issue;
    ContentRoot root(issue.dir);
    refused(root, "/etc/passwd", "E-PATH-ABSOLUTE",
            "image path '/etc/passwd' is an absolute path; use a path relative to the file that refers to it");
    refused(root, "//server/x.jpg", "E-PATH-ABSOLUTE",
            "image path '//server/x.jpg' is an absolute path; use a path relative to the file that refers to it");
}

TEST_CASE("URLs are refused, whatever the scheme") {
    Issue issue;
    ContentRoot root(issue.dir);
    const std::string tail = " is a URL; only files inside the issue folder can be used";
    refused(root, "file:///etc/passwd", "E-PATH-URL", "image path 'file:///etc/passwd'" + tail);
    refused(root, "http://x/y.jpg", "E-PATH-URL", "image path 'http://x/y.jpg'" + tail);
    refused(root, "data:image/png;base64,iVBORw0KGgo=", "E-PATH-URL",
            "image path 'data:image/png;base64,iVBORw0KGgo='" + tail);
    refused(root, "HTTPS://x/y.jpg", "E-PATH-URL", "image path 'HTTPS://x/y.jpg'" + tail);
    refused(root, "svn+ssh:x", "E-PATH-URL", "image path 'svn+ssh:x'" + tail);
}

TEST_CASE("percent-encoding is refused, single or double") {
    Issue issue;
    ContentRoot root(issue.dir);
    const std::string tail =
        " contains percent-encoding; paths are written plainly, as the file is named in the folder";
    refused(root, "%2e%2e/x.jpg", "E-PATH-ENCODED", "image path '%2e%2e/x.jpg'" + tail);
    refused(root, "%252e%252e/x.jpg", "E-PATH-ENCODED", "image path '%252e%252e/x.jpg'" + tail);
    refused(root, "..%2F..%2Fetc%2Fpasswd", "E-PATH-ENCODED", "image path '..%2F..%2Fetc%2Fpasswd'" + tail);
    refused(root, "img%2fphoto.jpg", "E-PATH-ENCODED", "image path 'img%2fphoto.jpg'" + tail);
}

TEST_CASE("a plain '%' is part of a file name") {
    Issue issue;
    issue.tmp.write("issue/img/100%.jpg", "x");
    ContentRoot root(issue.dir);
    CHECK(accepted(root, "img/100%.jpg").relative == "img/100%.jpg");
}

TEST_CASE("Windows paths are refused") {
    Issue issue;
    ContentRoot root(issue.dir);
    refused(root, "C:\\x.jpg", "E-PATH-ABSOLUTE",
            "image path 'C:\\x.jpg' is a Windows path; use a path relative to the file that refers to it, with '/' "
            "between folders");
    refused(root, "c:/x.jpg", "E-PATH-ABSOLUTE",
            "image path 'c:/x.jpg' is a Windows path; use a path relative to the file that refers to it, with '/' "
            "between folders");
    refused(root, "\\\\server\\x.jpg", "E-PATH-ABSOLUTE",
            "image path '\\\\server\\x.jpg' is a Windows network path; use a path relative to the file that refers "
            "to it, with '/' between folders");
    refused(root, "img\\photo.jpg", "E-PATH-INVALID",
            "image path 'img\\photo.jpg' contains a backslash; separate folders with '/'");
    refused(root, "..\\..\\secret.jpg", "E-PATH-INVALID",
            "image path '..\\..\\secret.jpg' contains a backslash; separate folders with '/'");
}

TEST_CASE("empty references and control characters are refused") {
    Issue issue;
    ContentRoot root(issue.dir);
    refused(root, "", "E-PATH-INVALID", "image path is empty");
    refused(root, std::string_view("img/photo.jpg\0.png", 18), "E-PATH-INVALID",
            "image path 'img/photo.jpg\\x00.png' contains a control character");
    refused(root, "img/\x1b[2Jphoto.jpg", "E-PATH-INVALID",
            "image path 'img/\\x1b[2Jphoto.jpg' contains a control character");
    refused(root, "img/\xc2\x85photo.jpg", "E-PATH-INVALID",
            "image path 'img/\\u0085photo.jpg' contains a control character");
    refused(root, std::string(5000, 'a'), "E-PATH-INVALID",
            "image path '" + std::string(200, 'a') + "...' is too long (5000 bytes; the limit is 4096)");
}

// --- Refused: what is on disk ---------------------------------------------------

TEST_CASE("symbolic links that leave the folder are refused, even dangling ones") {
    Issue issue;
    issue.link("../../secret.jpg", "img/out.jpg");
    issue.link("/etc/passwd", "img/passwd.jpg");
    issue.link("/dev/zero", "img/zero.jpg");
    issue.link(issue.tmp.path().string(), "img/outdir");
    issue.link("/nonexistent/x.jpg", "img/dangling-out.jpg");
    issue.link("..", "up");
    ContentRoot root(issue.dir);
    const std::string tail = " leaves the issue folder through a symbolic link";
    refused(root, "img/out.jpg", "E-PATH-ESCAPES", "image path 'img/out.jpg'" + tail);
    refused(root, "img/passwd.jpg", "E-PATH-ESCAPES", "image path 'img/passwd.jpg'" + tail);
    refused(root, "img/zero.jpg", "E-PATH-ESCAPES", "image path 'img/zero.jpg'" + tail);
    refused(root, "img/outdir/secret.jpg", "E-PATH-ESCAPES", "image path 'img/outdir/secret.jpg'" + tail);
    refused(root, "img/dangling-out.jpg", "E-PATH-ESCAPES", "image path 'img/dangling-out.jpg'" + tail);
    refused(root, "up/secret.jpg", "E-PATH-ESCAPES", "image path 'up/secret.jpg'" + tail);
}

TEST_CASE("symbolic link loops are refused") {
    Issue issue;
    issue.link("loop2.jpg", "img/loop1.jpg");
    issue.link("loop1.jpg", "img/loop2.jpg");
    ContentRoot root(issue.dir);
    refused(root, "img/loop1.jpg", "E-PATH-INVALID", "image path 'img/loop1.jpg' goes through too many symbolic links");
}

TEST_CASE("a missing file has its own code, and says where it looked") {
    Issue issue;
    issue.link("gone.jpg", "img/dangling.jpg");
    ContentRoot root(issue.dir);
    refused(root, "img/missing.jpg", "E-PATH-NOT-FOUND", "image path 'img/missing.jpg' does not exist");
    refused(root, "img/photo.jpg", "E-PATH-NOT-FOUND",
            "image path 'img/photo.jpg' does not exist (looked for 'articles/img/photo.jpg' in the issue folder)",
            "articles");
    refused(root, "img/dangling.jpg", "E-PATH-NOT-FOUND", "image path 'img/dangling.jpg' does not exist");
    refused(root, "cover.jpg/x.jpg", "E-PATH-NOT-FOUND", "image path 'cover.jpg/x.jpg' does not exist");
    refused(root, "cover.jpg/", "E-PATH-NOT-FOUND",
            "image path 'cover.jpg/' does not exist (looked for 'cover.jpg' in the issue folder)");
    ContentRoot nowhere(issue.tmp.path() / "no-such-issue");
    refused(nowhere, "cover.jpg", "E-PATH-NOT-FOUND", "image path 'cover.jpg' does not exist");
}

TEST_CASE("folders are not files") {
    Issue issue;
    ContentRoot root(issue.dir);
    refused(root, "img", "E-PATH-NOT-FILE", "image path 'img' is a folder, not a file");
    refused(root, "img/sub/", "E-PATH-NOT-FILE", "image path 'img/sub/' is a folder, not a file");
    refused(root, ".", "E-PATH-NOT-FILE", "image path '.' is a folder, not a file");
    refused(root, "img/..", "E-PATH-NOT-FILE", "image path 'img/..' is a folder, not a file");
}

TEST_CASE("a FIFO is refused without being opened (which would block)") {
    Issue issue;
    REQUIRE(::mkfifo((issue.dir / "img" / "pipe.jpg").c_str(), 0600) == 0);
    ContentRoot root(issue.dir);
    refused(root, "img/pipe.jpg", "E-PATH-NOT-FILE",
            "image path 'img/pipe.jpg' is a named pipe (FIFO), not a regular file");
}

TEST_CASE("a socket is refused") {
    Issue issue;
    const std::string path = (issue.dir / "img" / "sock.jpg").string();
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof addr.sun_path);
    std::copy(path.begin(), path.end(), addr.sun_path);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    ContentRoot root(issue.dir);
    refused(root, "img/sock.jpg", "E-PATH-NOT-FILE", "image path 'img/sock.jpg' is a socket, not a regular file");
    ::close(fd);
}

TEST_CASE("a device node inside the folder is refused") {
    Issue issue;
    // /dev/zero's numbers; creating it needs CAP_MKNOD, so only root can test this.
    if (::mknod((issue.dir / "img" / "zero.jpg").c_str(), S_IFCHR | 0600, makedev(1, 5)) != 0) {
        MESSAGE("skipped: cannot create a device node here");
        return;
    }
    ContentRoot root(issue.dir);
    refused(root, "img/zero.jpg", "E-PATH-NOT-FILE", "image path 'img/zero.jpg' is a device, not a regular file");
}

TEST_CASE("a referring folder outside the issue folder is refused") {
    Issue issue;
    ContentRoot root(issue.dir);
    refused(root, "secret.jpg", "E-PATH-ESCAPES",
            "image path 'secret.jpg' is referred to from outside the issue folder", issue.tmp.path());
    refused(root, "secret.jpg", "E-PATH-ESCAPES",
            "image path 'secret.jpg' is referred to from outside the issue folder", "../");
}

TEST_CASE("messages name the kind of path they were given") {
    Issue issue;
    ContentRoot root(issue.dir);
    PathResult r = root.resolve("../a.xml", {}, "article path");
    REQUIRE(std::holds_alternative<PathRefusal>(r));
    CHECK(std::get<PathRefusal>(r).message == "article path '../a.xml' leaves the issue folder");
    PathResult plain = root.resolve("../a.xml", {});
    CHECK(std::get<PathRefusal>(plain).message == "path '../a.xml' leaves the issue folder");
}

// --- read() -------------------------------------------------------------------

TEST_CASE("read returns the bytes of a resolved file") {
    Issue issue;
    ContentRoot root(issue.dir);
    ResolvedPath p = accepted(root, "img/sub/../photo.jpg");
    CHECK(as_text(root.read(p, 1000)) == "JPEGDATA");
    CHECK(as_text(root.read(p, 8)) == "JPEGDATA");
    issue.tmp.write("issue/empty.jpg", "");
    CHECK(as_text(root.read(accepted(root, "empty.jpg"), 0)).empty());
}

TEST_CASE("read refuses a file over the size limit before reading it") {
    Issue issue;
    ContentRoot root(issue.dir);
    read_refused(root.read(accepted(root, "img/photo.jpg"), 7), "E-FILE-TOO-LARGE",
                 "'img/photo.jpg' is 8 bytes, more than the limit of 7 bytes");
}

TEST_CASE("read refuses a FIFO swapped in after resolve, without blocking") {
    Issue issue;
    issue.tmp.write("issue/img/swap.jpg", "x");
    ContentRoot root(issue.dir);
    ResolvedPath p = accepted(root, "img/swap.jpg");
    fs::remove(issue.dir / "img" / "swap.jpg");
    REQUIRE(::mkfifo((issue.dir / "img" / "swap.jpg").c_str(), 0600) == 0);
    read_refused(root.read(p, 100), "E-PATH-NOT-FILE", "'img/swap.jpg' is a named pipe (FIFO), not a regular file");
}

TEST_CASE("read refuses a symbolic link swapped in after resolve") {
    Issue issue;
    issue.tmp.write("issue/img/swap.jpg", "x");
    ContentRoot root(issue.dir);
    ResolvedPath p = accepted(root, "img/swap.jpg");
    fs::remove(issue.dir / "img" / "swap.jpg");
    issue.link("/etc/passwd", "img/swap.jpg");
    read_refused(root.read(p, 100000), "E-FILE-UNREADABLE",
                 "cannot read 'img/swap.jpg': it changed after it was checked");

    // A folder on the way replaced by a link that leaves.
    ResolvedPath deep = accepted(root, "img/sub/../photo.jpg");
    fs::rename(issue.dir / "img", issue.dir / "img-old");
    issue.link(issue.tmp.path().string(), "img");
    issue.tmp.write("photo.jpg", "outside");
    read_refused(root.read(deep, 100000), "E-FILE-UNREADABLE",
                 "cannot read 'img/photo.jpg': it changed after it was checked");
}

TEST_CASE("read reports a file removed after resolve") {
    Issue issue;
    ContentRoot root(issue.dir);
    ResolvedPath p = accepted(root, "cover.jpg");
    fs::remove(issue.dir / "cover.jpg");
    read_refused(root.read(p, 100), "E-PATH-NOT-FOUND", "'cover.jpg' does not exist");
}

TEST_CASE("read refuses a path that is not under the issue folder") {
    Issue issue;
    ContentRoot root(issue.dir);
    read_refused(root.read(ResolvedPath{issue.tmp.path() / "secret.jpg", "secret.jpg"}, 100), "E-PATH-ESCAPES",
                 "'secret.jpg' is outside the issue folder");
    read_refused(root.read(ResolvedPath{root.root() / ".." / "secret.jpg", "x"}, 100), "E-PATH-ESCAPES",
                 "'x' is outside the issue folder");
}

TEST_CASE("read reports a file it may not open") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: root reads every file");
        return;
    }
    Issue issue;
    ContentRoot root(issue.dir);
    ResolvedPath p = accepted(root, "cover.jpg");
    fs::permissions(issue.dir / "cover.jpg", fs::perms::none);
    read_refused(root.read(p, 100), "E-FILE-UNREADABLE", "cannot read 'cover.jpg': permission denied");
}

TEST_CASE("quote_path escapes control characters and shortens long names") {
    CHECK(quote_path("a.jpg") == "'a.jpg'");
    CHECK(quote_path("a\tb\x7f") == "'a\\x09b\\x7f'");
    CHECK(quote_path(std::string(250, 'x')) == "'" + std::string(200, 'x') + "...'");
    // Never cuts a UTF-8 sequence: 199 ASCII bytes then a 2-byte character.
    CHECK(quote_path(std::string(199, 'x') + "\xc3\xa9" + "tail") == "'" + std::string(199, 'x') + "...'");
}

}  // namespace galley

#include <doctest/doctest.h>

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "base/output_file.h"
#include "support/test_support.h"

using galley::Diagnostics;
using galley::OutputFile;
using galley::test::TempDir;
namespace fs = std::filesystem;

namespace {
int count_temp_files(const fs::path& dir) {
    int n = 0;
    for (auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".galley-part") != std::string::npos) ++n;
    return n;
}
}  // namespace

TEST_CASE("a committed output replaces the target and leaves no temp file") {
    TempDir t;
    fs::path target = t.path() / "out" / "issue.epub";
    Diagnostics d;
    CHECK(galley::write_file_atomically(target, "first", d));
    CHECK(galley::test::read_file(target) == "first");
    CHECK(galley::write_file_atomically(target, "second", d));
    CHECK(galley::test::read_file(target) == "second");
    CHECK(d.empty());
    CHECK(count_temp_files(target.parent_path()) == 0);
}

TEST_CASE("nothing reaches the target until commit") {
    TempDir t;
    fs::path target = t.path() / "issue.pdf";
    t.write("issue.pdf", "previous edition");
    Diagnostics d;
    {
        auto out = OutputFile::create(target, d);
        REQUIRE(out);
        out->write("half an edi");
        CHECK(galley::test::read_file(target) == "previous edition");
        CHECK(count_temp_files(t.path()) == 1);
        // destroyed without commit: the build failed
    }
    CHECK(galley::test::read_file(target) == "previous edition");
    CHECK(count_temp_files(t.path()) == 0);
}

TEST_CASE("a failing write (full disk) is reported at commit and keeps the previous file") {
    TempDir t;
    fs::path target = t.path() / "issue.pdf";
    t.write("issue.pdf", "previous edition");
    Diagnostics d;
    std::size_t written = 0;
    auto full_disk = [&](int fd, const void* data, std::size_t size) -> ssize_t {
        if (written + size > 8) {
            errno = ENOSPC;
            return -1;
        }
        written += size;
        return ::write(fd, data, size);
    };
    auto out = OutputFile::create(target, d, full_disk);
    REQUIRE(out);
    CHECK(out->write("12345"));
    CHECK_FALSE(out->write("67890"));
    CHECK_FALSE(out->commit(d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "E-OUTPUT-WRITE");
    CHECK(d.all()[0].message == "cannot write the output: No space left on device");
    CHECK(d.all()[0].where.file == target.string());
    CHECK(galley::test::read_file(target) == "previous edition");
    CHECK(count_temp_files(t.path()) == 0);
}

TEST_CASE("temp files of a killed run are swept, those of a live run are kept") {
    TempDir t;
    // A child that dies leaves a temp file behind with its pid in the name.
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        Diagnostics d;
        auto out = OutputFile::create(t.path() / "issue.epub", d);
        if (out) out->write("partial");
        ::raise(SIGKILL);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(count_temp_files(t.path()) == 1);
    CHECK_FALSE(fs::exists(t.path() / "issue.epub"));

    Diagnostics d;
    auto mine = OutputFile::create(t.path() / "issue.pdf", d);  // in flight, ours
    REQUIRE(mine);
    t.write("notes.galley-part.txt", "not ours");
    CHECK(galley::sweep_stale_outputs(t.path()) == 1);
    CHECK(count_temp_files(t.path()) == 2);  // ours + the unrelated file
    CHECK(fs::exists(t.path() / "notes.galley-part.txt"));
}

TEST_CASE("an output folder that cannot be created is an E-OUTPUT-WRITE") {
    TempDir t;
    t.write("file", "x");
    Diagnostics d;
    auto out = OutputFile::create(t.path() / "file" / "sub" / "issue.epub", d);
    CHECK_FALSE(out);
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "E-OUTPUT-WRITE");
}

TEST_CASE("an output set commits all its files, or none when one write fails") {
    TempDir t;
    t.write("a.epub", "old a");
    t.write("b.pdf", "old b");
    {
        Diagnostics d;
        galley::OutputSet set;
        CHECK(set.add(t.path() / "a.epub", "new a", d));
        CHECK(set.add(t.path() / "sub" / "b.pdf", "new b", d));
        CHECK(galley::test::read_file(t.path() / "a.epub") == "old a");
        CHECK(set.commit(d));
        CHECK(d.empty());
        CHECK(galley::test::read_file(t.path() / "a.epub") == "new a");
        CHECK(galley::test::read_file(t.path() / "sub" / "b.pdf") == "new b");
    }
    {
        Diagnostics d;
        galley::OutputSet set;
        t.write("blocker", "x");
        CHECK(set.add(t.path() / "a.epub", "newer a", d));
        CHECK_FALSE(set.add(t.path() / "blocker" / "b.pdf", "newer b", d));
        CHECK_FALSE(set.commit(d));
        CHECK(d.contains("E-OUTPUT-WRITE"));
        CHECK(galley::test::read_file(t.path() / "a.epub") == "new a");
        CHECK(count_temp_files(t.path()) == 0);
    }
}

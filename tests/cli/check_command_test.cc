// The check and build commands end to end, in-process: exit statuses and
// the exact text a user sees.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "support/test_support.h"

using namespace galley::cli;
using galley::test::article_xml;
using galley::test::TempDir;

namespace {
struct Run {
    int rc;
    std::string out;
    std::string err;
};

Run galley_run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    Streams io{out, err, false};
    int rc = run_galley(args, io);
    return {rc, out.str(), err.str()};
}

std::string sample() { return (galley::test::source_dir() / "samples" / "ppp-2008-06-13").string(); }
}  // namespace

TEST_CASE("check on the sample issue: no problems, exit 0") {
    Run r = galley_run({"check", sample()});
    CHECK(r.rc == kSuccess);
    CHECK(r.err == "");
    CHECK(r.out.find(": issue ppp-2008-06-13, ") != std::string::npos);
    CHECK(r.out.find(": no problems\n") != std::string::npos);
}

TEST_CASE("check on a malformed article prints file:line:col, the line and a caret, and exits 1") {
    TempDir t;
    auto file = t.write("issue/story.xml", article_xml("story", "<p>one</p>\n<p>two</q>"));
    Run r = galley_run({"check", file.string()});
    CHECK(r.rc == kInputErrors);
    CHECK(r.err == file.string() +
                       ":7:11: error: Opening and ending tag mismatch: p line 7 and q [E-XML-MALFORMED]\n"
                       "  <p>two</q>\n"
                       "            ^\n");
    CHECK(r.out == file.string() + ": not readable: 1 error\n");
}

TEST_CASE("warnings pass, and fail with --strict") {
    TempDir t;
    t.write("issue/img/p.png", galley::test::tiny_png());
    t.write("issue/story.xml",
            article_xml("story", "<figure placement=\"inline\"><image src=\"img/p.png\"/></figure>"));
    std::string input = (t.path() / "issue").string();
    Run lenient = galley_run({"check", input});
    CHECK(lenient.rc == kSuccess);
    CHECK(lenient.err.find("warning: image 'img/p.png' has no alt text") != std::string::npos);
    CHECK(lenient.out.find(": 1 warning\n") != std::string::npos);
    Run strict = galley_run({"check", "--strict", input});
    CHECK(strict.rc == kInputErrors);
}

TEST_CASE("usage errors exit 2 and point to --help") {
    Run none = galley_run({"check"});
    CHECK(none.rc == kUsage);
    CHECK(none.err ==
          "galley check: 'galley check' needs at least one INPUT (an issue folder or an article file)\n"
          "Try 'galley check --help'.\n");
    Run bad = galley_run({"frobnicate"});
    CHECK(bad.rc == kUsage);
    Run format = galley_run({"build", "-f", "epub,docx", sample()});
    CHECK(format.rc == kUsage);
    CHECK(format.err == "galley build: unknown format 'docx'; formats are epub, pdf, png\nTry 'galley build --help'.\n");
    Run jobs = galley_run({"build", "-j", "0", sample()});
    CHECK(jobs.rc == kUsage);
}

TEST_CASE("every subcommand has --help, and --version answers") {
    for (const char* cmd : {"check", "build", "layouts"}) {
        Run r = galley_run({cmd, "--help"});
        CHECK(r.rc == kSuccess);
        CHECK(r.out.rfind(std::string("Usage: galley ") + cmd, 0) == 0);
    }
    Run v = galley_run({"--version"});
    CHECK(v.rc == kSuccess);
    CHECK(v.out.rfind("galley ", 0) == 0);
}

TEST_CASE("build -f epub writes <issue-id>.epub into the output folder, creating it") {
    TempDir t;
    auto out_dir = t.path() / "new" / "out";
    Run r = galley_run({"build", "-f", "epub", "-o", out_dir.string(), sample()});
    CHECK(r.rc == kSuccess);
    CHECK(r.err == "");
    CHECK(std::filesystem::exists(out_dir / "ppp-2008-06-13.epub"));
    CHECK(r.out.rfind("built ppp-2008-06-13: ", 0) == 0);
    CHECK(r.out.find(" 9 articles -> " + (out_dir / "ppp-2008-06-13.epub").string() + " (") != std::string::npos);
}

TEST_CASE("an unwritable output folder exits 4 and leaves nothing behind") {
    TempDir t;
    t.write("blocker", "a file where the folder should be");
    Run r = galley_run({"build", "-q", "-f", "epub", "-o", (t.path() / "blocker" / "out").string(), sample()});
    CHECK(r.rc == kOutputFailure);
    CHECK(r.err.find("[E-OUTPUT-WRITE]") != std::string::npos);
}

TEST_CASE("build on broken input exits 1 and writes nothing") {
    TempDir t;
    t.write("issue/good.xml", article_xml("good"));
    t.write("issue/bad.xml", "<article>");
    auto out_dir = t.path() / "out";
    Run r = galley_run({"build", "-q", "-f", "epub", "-o", out_dir.string(), (t.path() / "issue").string()});
    CHECK(r.rc == kInputErrors);
    CHECK(r.err.find("[E-XML-MALFORMED]") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out_dir));
}

TEST_CASE("--keep-going builds without the broken article and exits 3") {
    TempDir t;
    t.write("issue/good.xml", article_xml("good"));
    t.write("issue/bad.xml", "<article>");
    auto out_dir = t.path() / "out";
    Run r = galley_run({"build", "--keep-going", "-f", "epub", "-o", out_dir.string(), (t.path() / "issue").string()});
    CHECK(r.rc == kPartial);
    CHECK(std::filesystem::exists(out_dir / "issue.epub"));
    CHECK(r.out.find("built issue: 1 article (1 left out) -> ") != std::string::npos);
}

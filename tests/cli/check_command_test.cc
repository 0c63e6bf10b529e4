// The check and build commands end to end, in-process: exit statuses and
// the exact text a user sees.
#include <doctest/doctest.h>

#include <iterator>
#include <regex>
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
    // Found by laying the page out: the tiny image prints far below the layout's resolution.
    CHECK(lenient.err.find("[W-IMAGE-LOW-RESOLUTION]") != std::string::npos);
    CHECK(lenient.out.find(": 2 warnings\n") != std::string::npos);
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
    CHECK(format.err == "galley build: unknown format 'docx'; formats are epub, pdf, png, dump\nTry 'galley build --help'.\n");
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

TEST_CASE("--keep-going with nothing it can build exits 1, as without it") {
    TempDir t;
    t.write("issue/bad.xml", "<article>");
    t.write("issue/worse.xml", "<article id=");
    auto out_dir = t.path() / "out";
    Run r = galley_run({"build", "--keep-going", "-f", "epub", "-o", out_dir.string(), (t.path() / "issue").string()});
    CHECK(r.rc == kInputErrors);
    CHECK_FALSE(std::filesystem::exists(out_dir / "issue.epub"));
}

namespace {
// The diagnostic lines of a run's stderr (the progress line never shows: stderr is a string here).
std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string diagnostic_lines(const std::string& err) {
    std::istringstream in(err);
    std::string line, out;
    while (std::getline(in, line))
        if (line.find(": warning: ") != std::string::npos || line.find(": error: ") != std::string::npos)
            out += line + "\n";
    return out;
}
}  // namespace

TEST_CASE("check lays the issue out: cut words and missing glyphs are reported as build reports them") {
    TempDir t;
    const std::string word(300, 'x');
    t.write("issue/story.xml", article_xml("story", "<p>A long one: " + word + " and an \xF0\x93\x80\x80 too.</p>"));
    std::string input = (t.path() / "issue").string();
    Run check = galley_run({"check", input});
    CHECK(check.rc == kSuccess);
    CHECK(check.err.find("[W-TEXT-FORCED-BREAK]") != std::string::npos);
    CHECK(check.err.find("no bundled font has a glyph for U+13000; it prints as an empty box") != std::string::npos);
    Run build = galley_run({"build", "-f", "pdf", "-o", (t.path() / "out").string(), input});
    CHECK(build.rc == kSuccess);
    CHECK(diagnostic_lines(check.err) == diagnostic_lines(build.err));
    // Found by the issue-wide check and again by the setter: said once.
    CHECK(count_of(check.err, "[W-GLYPH-MISSING]") == 1);
    CHECK(count_of(build.err, "[W-GLYPH-MISSING]") == 1);
    // Warnings fail a strict check as they fail a strict build.
    CHECK(galley_run({"check", "--strict", input}).rc == kInputErrors);
    CHECK(galley_run({"build", "--strict", "-f", "pdf", "-o", (t.path() / "out2").string(), input}).rc == kInputErrors);
}

TEST_CASE("a missing glyph is reported at the element that holds it, once, head and end matter too") {
    TempDir t;
    t.write("issue/story.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<article id=\"story\" xml:lang=\"en\">\n"
            "  <meta><published>2024-06-14</published></meta>\n"
            "  <head>\n"
            "    <headline>Signs \xF0\x93\x80\x80 of the past</headline>\n"
            "    <byline>By \xF0\x93\x80\x81</byline>\n"
            "  </head>\n"
            "  <body>\n"
            "    <p>Plain text.</p>\n"
            "    <p>A sign \xF0\x93\x80\x80 and \xF0\x93\x80\x82.</p>\n"
            "  </body>\n"
            "  <end><correction>Not \xF0\x93\x80\x83.</correction></end>\n"
            "</article>\n");
    const std::string input = (t.path() / "issue").string();
    const std::string file = (t.path() / "issue" / "story.xml").string();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"check", input},
          std::vector<std::string>{"build", "-f", "pdf", "-o", (t.path() / "out").string(), input},
          std::vector<std::string>{"build", "-f", "epub", "-o", (t.path() / "out-epub").string(), input}}) {
        Run r = galley_run(args);
        CAPTURE(args.front());
        CHECK(r.rc == kSuccess);
        CHECK(diagnostic_lines(r.err) ==
              file + ":5: warning: no bundled font has a glyph for U+13000; it prints as an empty box [W-GLYPH-MISSING]\n" +
                  file + ":6: warning: no bundled font has a glyph for U+13001; it prints as an empty box [W-GLYPH-MISSING]\n" +
                  file + ":10: warning: no bundled font has a glyph for U+13000, U+13002; they print as empty boxes "
                         "[W-GLYPH-MISSING]\n" +
                  file + ":12: warning: no bundled font has a glyph for U+13003; it prints as an empty box [W-GLYPH-MISSING]\n");
    }
}

TEST_CASE("a character carrying more marks than Unicode's stream-safe 30 is reported at its element, once") {
    TempDir t;
    auto marks = [](int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += "\xCC\x81";  // U+0301, combining acute
        return out;
    };
    t.write("issue/story.xml", article_xml("story", "<p>Thirty: e" + marks(30) + " is allowed.</p>\n"
                                                    "<p>Then Z" + marks(31) + " and a" + marks(40) + " too.</p>"));
    const std::string input = (t.path() / "issue").string();
    Run r = galley_run({"check", input});
    CHECK(r.rc == kSuccess);
    CHECK(diagnostic_lines(r.err) == (t.path() / "issue" / "story.xml").string() +
                                         ":7: warning: U+0061 carries 40 combining marks, more than the 30 of Unicode's "
                                         "stream-safe text; they stack far above and below its line, over the lines "
                                         "around it [W-TEXT-MARKS-STACKED]\n");
}

TEST_CASE("check does not lay out an issue with errors, as build does not") {
    TempDir t;
    const std::string word(300, 'x');
    t.write("issue/good.xml", article_xml("good", "<p>" + word + "</p>"));
    t.write("issue/bad.xml", "<article>");
    Run r = galley_run({"check", (t.path() / "issue").string()});
    CHECK(r.rc == kInputErrors);
    CHECK(r.err.find("[E-XML-MALFORMED]") != std::string::npos);
    CHECK(r.err.find("[W-TEXT-FORCED-BREAK]") == std::string::npos);
}

TEST_CASE("check -j 1 and -j 3 report the same, in the same order") {
    Run one = galley_run({"check", "-j", "1", "-l", "peer-tabloid", sample()});
    Run three = galley_run({"check", "-j", "3", "-l", "peer-tabloid", sample()});
    CHECK(one.rc == three.rc);
    CHECK(one.err.find("[W-TEXT-LOOSE]") != std::string::npos);
    CHECK(one.err == three.err);
    CHECK(one.out == three.out);
    CHECK(galley_run({"check", "-j", "x", sample()}).rc == kUsage);
}

TEST_CASE("build -v prints the time of every stage and article after the summary line") {
    TempDir t;
    Run r = galley_run({"build", "-v", "-j", "2", "-o", (t.path() / "out").string(), sample()});
    CHECK(r.rc == kSuccess);
    CHECK(r.out.rfind("built ppp-2008-06-13: ", 0) == 0);
    for (const char* stage : {"\n  read: ", "\n  compose: ", "\n  pdf: ", "\n  epub: ", "\n  write: "})
        CHECK_MESSAGE(r.out.find(stage) != std::string::npos, stage);
    // Each stage: wall time, the process's CPU time over it, the peak so far.
    const std::regex stage_line(R"(\n  (read|compose|pdf|epub|write): [0-9]+\.[0-9]{3} s, CPU [0-9]+\.[0-9]{3} s, peak [0-9]+ MB)");
    CHECK(std::distance(std::sregex_iterator(r.out.begin(), r.out.end(), stage_line), std::sregex_iterator()) == 5);
    CHECK(r.out.find(" on 2 threads") != std::string::npos);
    CHECK(r.out.find("\n  article anti-trafficking-tier-2: ") != std::string::npos);
    Run quiet = galley_run({"build", "-o", (t.path() / "out").string(), sample()});
    CHECK(quiet.out.find("  compose: ") == std::string::npos);
    CHECK(quiet.err.find('\r') == std::string::npos);
}

TEST_CASE("build -f dump writes the laid-out pages as text, the same whatever -j") {
    TempDir t;
    std::string one = (t.path() / "one").string(), two = (t.path() / "two").string();
    Run a = galley_run({"build", sample(), "-f", "dump", "-o", one, "-j", "1", "-q"});
    Run b = galley_run({"build", sample(), "-f", "dump,pdf", "-o", two, "-j", "2", "-q"});
    REQUIRE(a.rc == kSuccess);
    REQUIRE(b.rc == kSuccess);
    std::string dump = galley::test::read_file(t.path() / "one" / "ppp-2008-06-13.dump.txt");
    CHECK(dump.rfind("document title=\"The Phnom Penh Post", 0) == 0);
    CHECK(dump.find("\npage 1 size=") != std::string::npos);
    CHECK(dump.find("begin Art title=\"Anti-trafficking drive marred by claims of gang rape, robbery\"") !=
          std::string::npos);
    CHECK(dump.find(galley::test::source_dir().string()) == std::string::npos);  // fonts and images by name
    CHECK(galley::test::read_file(t.path() / "two" / "ppp-2008-06-13.dump.txt") == dump);
    CHECK(std::filesystem::exists(t.path() / "two" / "ppp-2008-06-13.pdf"));
    CHECK_FALSE(std::filesystem::exists(t.path() / "one" / "ppp-2008-06-13.pdf"));
}

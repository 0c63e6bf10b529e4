#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/diagnostic_printer.h"

using namespace galley;
using namespace galley::cli;

namespace {
std::string print(const Diagnostic& d, const std::string& source) {
    std::ostringstream out;
    PrintOptions opts{false, [&](const std::string&, int) -> std::optional<std::string> { return source; }};
    print_diagnostic(out, d, opts);
    return out.str();
}
}  // namespace

TEST_CASE("an error with a column shows the line and a caret") {
    Diagnostic d{Severity::error, "E-XML-MALFORMED", {"issue/a.xml", 12, 7}, "Opening and ending tag mismatch"};
    CHECK(print(d, "  <p>text</q>") ==
          "issue/a.xml:12:7: error: Opening and ending tag mismatch [E-XML-MALFORMED]\n"
          "    <p>text</q>\n"
          "        ^\n");
}

TEST_CASE("without a column there is no caret") {
    Diagnostic d{Severity::warning, "W-ALT-MISSING", {"a.xml", 3, 0}, "no alt"};
    CHECK(print(d, "ignored") == "a.xml:3: warning: no alt [W-ALT-MISSING]\n");
}

TEST_CASE("tabs are kept so the caret lines up, and multibyte characters count once") {
    Diagnostic d{Severity::error, "E", {"a.xml", 1, 5}, "m"};
    CHECK(print(d, "\té€x<") == "a.xml:1:5: error: m [E]\n  \té€x<\n  \t   ^\n");
}

TEST_CASE("control characters in messages and sources cannot reach the terminal") {
    Diagnostic d{Severity::error, "E", {"a\x1b[31m.xml", 1, 2}, "bad \x07 bell"};
    CHECK(print(d, "x\x1by") == "a\\x1B[31m.xml:1:2: error: bad \\x07 bell [E]\n  x\\x1By\n   ^\n");
}

TEST_CASE("a very long line is shown as a window around the column") {
    std::string line(1000, 'a');
    line[600] = '<';
    Diagnostic d{Severity::error, "E", {"a.xml", 1, 601}, "m"};
    std::string out = print(d, line);
    CHECK(out.size() < 400);
    CHECK(out.find("...") != std::string::npos);
    CHECK(out.find("^") != std::string::npos);
}

TEST_CASE("summaries count errors and warnings") {
    Diagnostics d;
    CHECK(summary(d) == "no problems");
    d.warning("W", {}, "w");
    CHECK(summary(d) == "1 warning");
    d.error("E", {}, "e");
    d.error("E", {}, "e");
    CHECK(summary(d) == "2 errors, 1 warning");
}

TEST_CASE("C1 controls, bidi controls and bytes that are not UTF-8 are escaped, and the caret still lines up") {
    Diagnostic d{Severity::error, "E", {"a.xml", 1, 4}, "m"};
    CHECK(print(d, "\xC2\x9B" "a\x9b<") == "a.xml:1:4: error: m [E]\n  \\u009Ba\\x9B<\n             ^\n");
    Diagnostic bidi{Severity::error, "E-PATH-NOT-FOUND", {"st\xE2\x80\xAEory.xml", 6, 0},
                    "image path 'img/\xE2\x80\xAEgpj.exe' does not exist"};
    CHECK(print(bidi, "") ==
          "st\\u202Eory.xml:6: error: image path 'img/\\u202Egpj.exe' does not exist [E-PATH-NOT-FOUND]\n");
    Diagnostic isolate{Severity::error, "E", {"a.xml", 1, 3}, "m"};
    CHECK(print(isolate, "\xE2\x81\xA7x<") == "a.xml:1:3: error: m [E]\n  \\u2067x<\n         ^\n");
}

TEST_CASE("at most max_per_file diagnostics per file are printed, errors first") {
    Diagnostics all;
    for (int i = 1; i <= 5; ++i) all.warning("W", {"a.xml", i, 0}, "w" + std::to_string(i));
    all.error("E", {"a.xml", 9, 0}, "e");
    all.error("E", {"b.xml", 1, 0}, "other file");
    std::ostringstream out;
    PrintOptions opts;
    opts.max_per_file = 3;
    print_diagnostics(out, all, opts);
    CHECK(out.str() ==
          "a.xml:1: warning: w1 [W]\n"
          "a.xml:2: warning: w2 [W]\n"
          "a.xml:9: error: e [E]\n"
          "b.xml:1: error: other file [E]\n"
          "a.xml: note: 3 more diagnostics for this file not shown (at most 3 are printed per file, errors first; "
          "--verbose prints all)\n");
    std::ostringstream everything;
    opts.max_per_file = 0;
    print_diagnostics(everything, all, opts);
    CHECK(everything.str().find("w5") != std::string::npos);
}

TEST_CASE("source lines come from the file, read once") {
    const std::string path = "diagnostic_printer_test_source.xml";
    {
        std::ofstream f(path, std::ios::binary);
        f << "one\r\ntwo\n\nfour";
    }
    SourceFiles files;
    CHECK(files.line(path, 1) == "one");
    CHECK(files.line(path, 2) == "two");
    CHECK(files.line(path, 3) == "");
    CHECK(files.line(path, 4) == "four");
    CHECK_FALSE(files.line(path, 5));
    CHECK_FALSE(files.line(path, 0));
    CHECK_FALSE(files.line("no-such-file.xml", 1));
    CHECK(read_source_line(path, 2) == "two");
    std::remove(path.c_str());
}

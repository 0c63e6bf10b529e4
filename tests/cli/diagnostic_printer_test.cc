#include <doctest/doctest.h>

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

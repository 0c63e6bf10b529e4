#include <doctest/doctest.h>

#include "cli/options.h"

using namespace galley::cli;

namespace {
CommandSpec spec() {
    return {"demo", "galley demo [OPTIONS] INPUT...", "A demo.", "",
            {{'o', "output", "DIR", "out", "where to write"}, {0, "strict", "", "", "be strict"}}, 1};
}
}  // namespace

TEST_CASE("options parse in short, long and inline forms") {
    std::string err;
    auto a = parse_args(spec(), {"-o", "x", "in1", "--strict", "in2"}, err);
    REQUIRE(a);
    CHECK(a->value("output") == "x");
    CHECK(a->flag("strict"));
    CHECK(a->operands == std::vector<std::string>{"in1", "in2"});
    auto b = parse_args(spec(), {"--output=y", "-oz", "--", "-not-an-option"}, err);
    REQUIRE(b);
    CHECK(b->value("output") == "z");
    CHECK(b->operands == std::vector<std::string>{"-not-an-option"});
}

TEST_CASE("usage errors say what is wrong") {
    std::string err;
    CHECK_FALSE(parse_args(spec(), {"--bogus", "in"}, err));
    CHECK(err == "unknown option '--bogus' for 'galley demo'");
    CHECK_FALSE(parse_args(spec(), {"in", "-o"}, err));
    CHECK(err == "option '-o' needs a value (DIR)");
    CHECK_FALSE(parse_args(spec(), {"--strict=yes", "in"}, err));
    CHECK(err == "option '--strict' takes no value");
    CHECK_FALSE(parse_args(spec(), {}, err));
    CHECK(err == "'galley demo' needs at least one INPUT (an issue folder or an article file)");
}

TEST_CASE("help is generated from the option table") {
    std::string text = help_text(spec());
    CHECK(text ==
          "Usage: galley demo [OPTIONS] INPUT...\n\nA demo.\n\nOptions:\n"
          "  -o, --output DIR  where to write (default: out)\n"
          "      --strict      be strict\n"
          "  -h, --help        show this help\n");
}

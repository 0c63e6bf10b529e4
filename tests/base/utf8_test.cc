#include <doctest/doctest.h>

#include <string>

#include "base/utf8.h"

namespace utf8 = galley::utf8;

TEST_CASE("the decoder takes well-formed UTF-8 and nothing else") {
    CHECK(utf8::decode("a", 0).code_point == U'a');
    CHECK(utf8::decode("\xC3\xA9", 0).code_point == U'\u00E9');
    CHECK(utf8::decode("\xE2\x80\xAE", 0).length == 3);
    CHECK(utf8::decode("\xF0\x9F\x98\x80", 0).code_point == U'\U0001F600');
    CHECK(utf8::decode("\x9B", 0).length == 0);              // a lone continuation byte
    CHECK(utf8::decode("\xC0\xAF", 0).length == 0);          // overlong '/'
    CHECK(utf8::decode("\xE0\x80\xAF", 0).length == 0);      // overlong, 3 bytes
    CHECK(utf8::decode("\xED\xA0\x80", 0).length == 0);      // a surrogate
    CHECK(utf8::decode("\xF4\x90\x80\x80", 0).length == 0);  // past U+10FFFF
    CHECK(utf8::decode("\xE2\x80", 0).length == 0);          // truncated
}

TEST_CASE("append writes what decode reads") {
    for (char32_t cp : {U'a', U'\u0085', U'\u202E', U'\U0010FFFF'}) {
        std::string s;
        utf8::append(s, cp);
        CHECK(utf8::decode(s, 0).code_point == cp);
        CHECK(utf8::decode(s, 0).length == s.size());
    }
}

TEST_CASE("controls, bidi controls and broken bytes never reach a terminal raw") {
    CHECK(utf8::escape_for_terminal("plain café ✓") == "plain café ✓");
    CHECK(utf8::escape_for_terminal("a\x1b[2Jb\x7f") == "a\\x1b[2Jb\\x7f");
    CHECK(utf8::escape_for_terminal("\xC2\x9B\xC2\x85") == "\\u009b\\u0085");
    CHECK(utf8::escape_for_terminal("img/\xE2\x80\xAEgpj.exe") == "img/\\u202egpj.exe");
    CHECK(utf8::escape_for_terminal("\xE2\x81\xA7x\xE2\x81\xA9\xE2\x80\x8F\xD8\x9C") ==
          "\\u2067x\\u2069\\u200f\\u061c");
    CHECK(utf8::escape_for_terminal("a\x9b" "b\xff") == "a\\x9bb\\xff");
    CHECK(utf8::escape_for_terminal("\xED\xA0\x80") == "\\xed\\xa0\\x80");
    CHECK(utf8::escape_for_terminal("a\tb") == "a\\x09b");
    CHECK(utf8::escape_for_terminal("a\tb\x1b", {true, true}) == "a\tb\\x1B");
    // Hebrew and Arabic letters are text, not controls.
    CHECK(utf8::escape_for_terminal("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
}

TEST_CASE("shown widths match the escapes") {
    CHECK(utf8::shown_width("a", 0).columns == 1);
    CHECK(utf8::shown_width("\x1b", 0).columns == 4);
    CHECK(utf8::shown_width("\x9b", 0).columns == 4);
    CHECK(utf8::shown_width("\xE2\x80\xAE", 0).columns == 6);
    CHECK(utf8::shown_width("\xE2\x80\xAE", 0).length == 3);
    CHECK(utf8::shown_width("\xC3\xA9", 0).columns == 1);
}

// The registry: one declaration per setting, every default valid, the
// settings reference complete and pasted into docs/layouts.md.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "layout/dump.h"
#include "layout/registry.h"
#include "layout/value_parse.h"
#include "layout_test_support.h"

using namespace galley;

TEST_CASE("every key is unique and findable") {
    std::set<std::string> keys;
    for (const layout::Setting& s : layout::settings()) {
        CAPTURE(s.key);
        CHECK(keys.insert(s.key).second);
        CHECK(layout::find_setting(s.key) == &s);
    }
    CHECK(layout::find_setting("page.width") != nullptr);
    CHECK(layout::find_setting("style.body.size") != nullptr);
    CHECK(layout::find_setting("tier.5.span") != nullptr);
    CHECK(layout::find_setting("char.a.underline") != nullptr);
    CHECK(layout::find_setting("box.aside.background") != nullptr);
    CHECK(layout::find_setting("style.nope.size") == nullptr);
}

TEST_CASE("every default and per-instance default parses as its setting's type") {
    for (const layout::Setting& s : layout::settings()) {
        CAPTURE(s.key);
        std::string error;
        CHECK(layout::parse_value(*s.spec, s.default_text, {}, error).has_value());
        CHECK(error.empty());
    }
    for (const layout::SettingSpec& spec : layout::setting_specs()) {
        const layout::Group* g = layout::find_group(spec.group);
        REQUIRE(g != nullptr);
        for (const auto& [instance, value] : spec.instance_defaults) {
            CAPTURE(instance);
            bool known = false;
            for (const std::string& i : g->instances) known = known || i == instance;
            CHECK(known);
        }
    }
}

TEST_CASE("every setting has one line of help, ending with a full stop") {
    for (const layout::SettingSpec& spec : layout::setting_specs()) {
        CAPTURE(layout::template_key(spec));
        std::string help(spec.help);
        CHECK(!help.empty());
        CHECK(help.find('\n') == std::string::npos);
        CHECK(help.back() == '.');
    }
}

TEST_CASE("a value stored into a layout comes back out unchanged") {
    layout::Layout l;
    for (const layout::Setting& s : layout::settings()) {
        CAPTURE(s.key);
        std::string error;
        std::optional<layout::Value> v = layout::parse_value(*s.spec, s.default_text, {}, error);
        REQUIRE(v.has_value());
        s.binding.store(l, *v);
        CHECK(s.binding.fetch(l) == *v);
    }
}

TEST_CASE("the settings reference names every setting") {
    std::string ref = layout::describe_settings();
    for (const layout::SettingSpec& spec : layout::setting_specs()) {
        CAPTURE(layout::template_key(spec));
        CHECK(ref.find("  " + layout::template_key(spec) + " ") != std::string::npos);
    }
    for (const layout::Group& g : layout::groups())
        for (const std::string& instance : g.instances) CHECK(ref.find(instance) != std::string::npos);
}

TEST_CASE("docs/layouts.md holds the current settings reference (GALLEY_UPDATE_GOLDEN=1 rewrites it)") {
    const std::string begin = "<!-- settings reference: begin -->\n```text\n";
    const std::string end = "```\n<!-- settings reference: end -->";
    std::filesystem::path doc = test::source_dir() / "docs" / "layouts.md";
    std::string text = test::read_file(doc);
    std::size_t b = text.find(begin);
    std::size_t e = text.find(end);
    REQUIRE(b != std::string::npos);
    REQUIRE(e != std::string::npos);
    std::string current = text.substr(b + begin.size(), e - b - begin.size());
    std::string wanted = layout::describe_settings();
    const char* update = std::getenv("GALLEY_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1" && current != wanted) {
        text.replace(b + begin.size(), e - b - begin.size(), wanted);
        std::ofstream(doc, std::ios::binary) << text;
        current = wanted;
    }
    CHECK(current == wanted);
}

#include "layout_test_support.h"

#include <doctest/doctest.h>

#include "layout/loader.h"

namespace galley::test {

std::filesystem::path LayoutDir::write(const std::string& name, const std::string& xml) const {
    return dir_.write(name + ".xml", xml);
}

std::optional<layout::Layout> LayoutDir::load(const std::string& name, const std::string& xml,
                                              Diagnostics& diags) const {
    write(name, xml);
    return layout::load_layout(name, dir_.path(), diags);
}

std::filesystem::path bundled_layouts() { return source_dir() / "layouts"; }

std::string describe(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.all()) {
        out += d.where.file + ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
               severity_name(d.severity) + ": " + d.message + " [" + d.code + "]\n";
    }
    return out;
}

void expect_only_error(const Diagnostics& diags, const std::string& code, int line, int column,
                       const std::string& message, const std::string& file) {
    INFO(describe(diags));
    REQUIRE(diags.all().size() == 1);
    const Diagnostic& d = diags.all().front();
    CHECK(d.severity == Severity::error);
    CHECK(d.code == code);
    CHECK(d.where.line == line);
    CHECK(d.where.column == column);
    CHECK(d.message == message);
    if (!file.empty()) CHECK(d.where.file == file);
}

}  // namespace galley::test

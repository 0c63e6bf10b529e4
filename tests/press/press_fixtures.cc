#include "press_fixtures.h"

#include <doctest/doctest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>

#include "base/data_dir.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "read/issue_reader.h"
#include "support/test_support.h"
#include "typeset/compose/compose.h"
#include "typeset/text/text_setter.h"

extern char** environ;

namespace galley::test {

layout::Layout load_layout_or_fail(const std::string& name_or_path) {
    Diagnostics diags;
    auto layout = layout::load_layout(name_or_path, layout::bundled_layouts_dir(), diags);
    INFO(diag_text(diags));
    REQUIRE_MESSAGE(layout.has_value(), name_or_path);
    return *layout;
}

const Sample& sample(const std::string& layout_name) {
    static std::map<std::string, std::unique_ptr<Sample>> cache;
    auto it = cache.find(layout_name);
    if (it != cache.end()) return *it->second;
    Diagnostics diags;
    auto read = read::read_issue(source_dir() / "samples" / "ppp-2008-06-13", {}, diags);
    INFO(diag_text(diags));
    REQUIRE(read.issue.has_value());
    auto s = std::make_unique<Sample>();
    s->id = read.issue->id;
    s->layout = load_layout_or_fail(layout_name);
    auto library = fonts::FontLibrary::open({data_dir() / "fonts"}, diags);
    REQUIRE(library);
    typeset::TextSetter setter(s->layout, *library, data_dir() / "layouts" / "hyphenation");
    typeset::ComposeOptions options;
    options.creator = "galley test";
    s->doc = typeset::compose_issue(*read.issue, s->layout, setter, options, diags);
    REQUIRE_FALSE(s->doc.pages.empty());
    return *cache.emplace(layout_name, std::move(s)).first->second;
}

std::string run_tool(const std::vector<std::string>& argv, int* status) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<std::string> copy = argv;
    std::vector<char*> args;
    for (std::string& a : copy) args.push_back(a.data());
    args.push_back(nullptr);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int st = 0;
    if (rc == 0) ::waitpid(pid, &st, 0);
    if (status) *status = rc != 0 ? 127 : (WIFEXITED(st) ? WEXITSTATUS(st) : 128);
    return out;
}

bool have_tool(const std::string& name) {
    int status = 0;
    run_tool({"sh", "-c", "command -v " + name}, &status);
    return status == 0;
}

void require_tool(const std::string& tool, const std::string& package) {
    INFO("install the Debian package '" << package << "' (apt-get install " << package << ")");
    REQUIRE_MESSAGE(have_tool(tool), tool << " is not installed");
}

std::string diag_text(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += d.code + " " + d.where.file + ": " + d.message + "\n";
    return out;
}

std::string hand_pdf(const std::string& content, const std::string& resources, const std::vector<std::string>& objects,
                     bool boxes) {
    std::vector<std::string> bodies;
    bodies.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    bodies.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    std::string page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ";
    if (boxes) page += "/TrimBox [18 18 594 774] /BleedBox [9 9 603 783] ";
    page += "/Resources " + resources + " /Contents 4 0 R >>";
    bodies.push_back(page);
    bodies.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    bodies.insert(bodies.end(), objects.begin(), objects.end());
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + bodies[i] + "\nendobj\n";
    }
    std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(bodies.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(bodies.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string bad_press_pdf() {
    std::string pixels = std::string("\xFF\x00\x00\x00\xFF\x00\x00\x00\xFF\xFF\xFF\x00", 12);  // 2 x 2 RGB
    return hand_pdf("BT /F1 24 Tf 72 700 Td (Hello, press) Tj ET\nq 200 0 0 200 72 400 cm /Im1 Do Q\n",
                    "<< /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>",
                    {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                     "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
                     "/Length 12 >>\nstream\n" + pixels + "\nendstream"},
                    false);
}

}  // namespace galley::test

#include "epub_test_support.h"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <zip.h>

#include <array>
#include <cstdio>
#include <cstdlib>

#include "base/data_dir.h"
#include "json_lite.h"
#include "layout/loader.h"
#include "read/issue_reader.h"
#include "support/test_support.h"

namespace galley::test {
namespace {

std::string diagnostics_text(const Diagnostics& diags) {
    std::string out;
    for (const Diagnostic& d : diags.all())
        out += std::string(severity_name(d.severity)) + " " + d.code + " " + d.where.file + ":" +
               std::to_string(d.where.line) + ": " + d.message + "\n";
    return out;
}

std::uint16_t u16(const std::string& b, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) | (static_cast<unsigned char>(b[at + 1]) << 8));
}

std::uint32_t u32(const std::string& b, std::size_t at) {
    return static_cast<std::uint32_t>(u16(b, at)) | (static_cast<std::uint32_t>(u16(b, at + 2)) << 16);
}

bool tool_exists(const std::string& name) {
    return run_command("command -v " + name + " >/dev/null 2>&1").status == 0;
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

}  // namespace

model::Issue read_issue_or_fail(const std::filesystem::path& path) {
    Diagnostics diags;
    read::IssueReadResult r = read::read_issue(path, {}, diags);
    INFO(diagnostics_text(diags));
    REQUIRE(r.issue.has_value());
    REQUIRE_FALSE(diags.has_errors());
    return std::move(*r.issue);
}

const model::Issue& sample_issue() {
    static const model::Issue issue = read_issue_or_fail(source_dir() / "samples" / "ppp-2008-06-13");
    return issue;
}

const layout::Layout& tabloid_layout() {
    static const layout::Layout layout = [] {
        Diagnostics diags;
        auto l = layout::load_layout("tabloid", layout::bundled_layouts_dir(), diags);
        INFO(diagnostics_text(diags));
        REQUIRE(l.has_value());
        return std::move(*l);
    }();
    return layout;
}

const fonts::FontLibrary& bundled_fonts() {
    static const std::unique_ptr<fonts::FontLibrary> library = [] {
        Diagnostics diags;
        auto lib = fonts::FontLibrary::open({galley::data_dir() / "fonts"}, diags);
        INFO(diagnostics_text(diags));
        REQUIRE(lib != nullptr);
        return lib;
    }();
    return *library;
}

epub::EpubBuild build_or_fail(const model::Issue& issue, const epub::EpubOptions& options) {
    Diagnostics diags;
    auto book = epub::build_epub(issue, tabloid_layout(), &bundled_fonts(), options, diags);
    INFO(diagnostics_text(diags));
    REQUIRE(book.has_value());
    CHECK(diags.empty());
    return std::move(*book);
}

std::vector<ZipFileEntry> read_zip(const std::string& bytes) {
    std::vector<ZipFileEntry> out;
    // End of central directory: no archive comment, so the last 22 bytes.
    REQUIRE(bytes.size() >= 22);
    std::size_t eocd = bytes.size() - 22;
    REQUIRE(u32(bytes, eocd) == 0x06054b50u);
    std::size_t count = u16(bytes, eocd + 10);
    std::size_t at = u32(bytes, eocd + 16);

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(src != nullptr);
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!za) zip_source_free(src);
    zip_error_fini(&error);
    REQUIRE(za != nullptr);

    for (std::size_t i = 0; i < count; ++i) {
        REQUIRE(u32(bytes, at) == 0x02014b50u);
        ZipFileEntry e;
        e.method = u16(bytes, at + 10);
        std::size_t name_len = u16(bytes, at + 28), extra_len = u16(bytes, at + 30), comment_len = u16(bytes, at + 32);
        e.external_attributes = u32(bytes, at + 38);
        std::size_t local = u32(bytes, at + 42);
        e.name = bytes.substr(at + 46, name_len);
        e.dos_time = u16(bytes, at + 12);
        e.dos_date = u16(bytes, at + 14);
        REQUIRE(u32(bytes, local) == 0x04034b50u);
        e.extra_field_length = u16(bytes, local + 28);
        e.local_dos_time = u16(bytes, local + 10);
        e.local_dos_date = u16(bytes, local + 12);
        at += 46 + name_len + extra_len + comment_len;

        zip_stat_t st;
        REQUIRE(zip_stat(za, e.name.c_str(), 0, &st) == 0);
        zip_file_t* f = zip_fopen(za, e.name.c_str(), 0);
        REQUIRE(f != nullptr);
        e.data.resize(static_cast<std::size_t>(st.size));
        zip_int64_t got = zip_fread(f, e.data.data(), st.size);
        zip_fclose(f);
        REQUIRE(got == static_cast<zip_int64_t>(st.size));
        out.push_back(std::move(e));
    }
    zip_discard(za);
    return out;
}

std::map<std::string, std::string> zip_map(const std::string& bytes) {
    std::map<std::string, std::string> out;
    for (ZipFileEntry& e : read_zip(bytes)) out[e.name] = std::move(e.data);
    return out;
}

ToolResult run_command(const std::string& command) {
    ToolResult r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
    int status = pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

EpubcheckReport run_epubcheck(const std::filesystem::path& epub) {
    EpubcheckReport report;
    const std::filesystem::path jar = "/usr/share/java/epubcheck.jar";
    if (!tool_exists("java")) {
        report.problem = "java is not installed: apt-get install epubcheck (it brings a Java runtime)";
        return report;
    }
    if (!std::filesystem::exists(jar)) {
        report.problem = jar.string() + " is missing: apt-get install epubcheck";
        return report;
    }
    std::filesystem::path json = epub;
    json += ".epubcheck.json";
    ToolResult r = run_command("java -jar " + shell_quote(jar.string()) + " " + shell_quote(epub.string()) +
                               " --json " + shell_quote(json.string()));
    std::string text;
    try {
        text = read_file(json);
    } catch (const std::exception&) {
        report.problem = "epubcheck wrote no report (exit " + std::to_string(r.status) + "):\n" + r.output;
        return report;
    }
    auto doc = parse_json(text);
    if (!doc || !doc->get("checker")) {
        report.problem = "epubcheck's report is not JSON:\n" + text.substr(0, 2000);
        return report;
    }
    const Json& checker = *doc->get("checker");
    report.ran = true;
    report.fatals = static_cast<int>(checker.get("nFatal") ? checker.get("nFatal")->number_or() : 0);
    report.errors = static_cast<int>(checker.get("nError") ? checker.get("nError")->number_or() : 0);
    report.warnings = static_cast<int>(checker.get("nWarning") ? checker.get("nWarning")->number_or() : 0);
    if (const Json* messages = doc->get("messages"); messages && messages->array()) {
        for (const Json& m : *messages->array()) {
            std::string where;
            if (const Json* locs = m.get("locations"); locs && locs->array() && !locs->array()->empty()) {
                const Json& l = locs->array()->front();
                where = (l.get("path") ? l.get("path")->string_or() : "") + ":" +
                        std::to_string(static_cast<int>(l.get("line") ? l.get("line")->number_or() : 0));
            }
            report.messages += (m.get("severity") ? m.get("severity")->string_or() : "") + " " +
                               (m.get("ID") ? m.get("ID")->string_or() : "") + " " + where + " " +
                               (m.get("message") ? m.get("message")->string_or() : "") + "\n";
        }
    }
    return report;
}

AceReport run_ace(const std::filesystem::path& epub) {
    AceReport report;
    const std::filesystem::path node_dir = source_dir() / ".ci" / "node";
    const std::filesystem::path ace = node_dir / "node_modules" / "@daisy" / "ace-cli" / "bin" / "ace.js";
    const std::filesystem::path chromium = "/usr/bin/chromium";
    if (!tool_exists("node")) {
        report.problem = "node is not installed: Node.js 20 or later and npm are needed for DAISY Ace";
        return report;
    }
    ToolResult version = run_command("node --version");
    if (version.status != 0 || version.output.size() < 3 || std::atoi(version.output.c_str() + 1) < 20) {
        report.problem = "DAISY Ace 1.4 needs Node.js 20 or later; `node --version` says " + version.output;
        return report;
    }
    if (!std::filesystem::exists(ace)) {
        report.problem = ace.string() + " is missing: run `PUPPETEER_SKIP_DOWNLOAD=true npm ci` in " +
                         node_dir.string() + " (make test's setup does)";
        return report;
    }
    if (!std::filesystem::exists(chromium)) {
        report.problem = "/usr/bin/chromium is missing: apt-get install chromium";
        return report;
    }
    std::filesystem::path out = epub;
    out += ".ace";
    // Ace gives chromium 5 s to start (ACE_TIMEOUT_INITIAL); a cold start on
    // a loaded 2-core machine took longer and Ace wrote no report ("Timed
    // out ... waiting for the WS endpoint URL"). Give it a minute, and run
    // Ace once more if it still wrote nothing: a run that checked the book
    // always writes its report, so this never hides a violation.
    std::string text;
    for (int attempt = 1;; ++attempt) {
        std::filesystem::remove_all(out);
        ToolResult r = run_command("ACE_TIMEOUT_INITIAL=60000 PUPPETEER_EXECUTABLE_PATH=" + chromium.string() +
                                   " node " + shell_quote(ace.string()) + (attempt == 1 ? " -f -s -o " : " -f -V -o ") +
                                   shell_quote(out.string()) + " " + shell_quote(epub.string()));
        try {
            text = read_file(out / "report.json");
            break;
        } catch (const std::exception&) {
            if (attempt < 2) continue;
            report.problem = "Ace wrote no report, twice (exit " + std::to_string(r.status) + "):\n" + r.output;
            return report;
        }
    }
    auto doc = parse_json(text);
    if (!doc) {
        report.problem = "Ace's report is not JSON";
        return report;
    }
    report.ran = true;
    if (const Json* result = doc->get("earl:result"))
        if (const Json* outcome = result->get("earl:outcome")) report.outcome = outcome->string_or();
    if (const Json* docs = doc->get("assertions"); docs && docs->array()) {
        for (const Json& d : *docs->array()) {
            std::string url;
            if (const Json* subject = d.get("earl:testSubject"))
                if (const Json* u = subject->get("url")) url = u->string_or();
            const Json* checks = d.get("assertions");
            if (!checks || !checks->array()) continue;
            for (const Json& a : *checks->array()) {
                const Json* test = a.get("earl:test");
                const Json* result = a.get("earl:result");
                if (!test || !result) continue;
                if (result->get("earl:outcome") && result->get("earl:outcome")->string_or() != "fail") continue;
                std::string rule = test->get("dct:title") ? test->get("dct:title")->string_or() : "?";
                std::string impact = test->get("earl:impact") ? test->get("earl:impact")->string_or() : "?";
                std::string description =
                    result->get("dct:description") ? result->get("dct:description")->string_or() : "";
                report.violations.push_back(rule + " (" + impact + ") in " + url + ": " + description);
            }
        }
    }
    return report;
}

}  // namespace galley::test

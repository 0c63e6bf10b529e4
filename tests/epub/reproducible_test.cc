// The same input and SOURCE_DATE_EPOCH give the same bytes, whatever the
// time zone, the locale or the folder the issue lives in; ZIP times come from
// UTC and are the same for every entry.
#include <doctest/doctest.h>

#include <algorithm>

#include <clocale>
#include <cstdlib>
#include <ctime>
#include <locale>

#include "epub/zip_archive.h"
#include "epub_test_support.h"
#include "fixture_issues.h"

namespace galley::test {
namespace {

/// Sets TZ for the process (and tzset), restoring the previous value after.
class ScopedTimeZone {
public:
    explicit ScopedTimeZone(const char* tz) {
        if (const char* old = std::getenv("TZ")) old_ = old;
        setenv("TZ", tz, 1);
        tzset();
    }
    ~ScopedTimeZone() {
        if (old_)
            setenv("TZ", old_->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }

private:
    std::optional<std::string> old_;
};

/// A German locale (decimal comma), compiled into a temp folder with
/// localedef from Debian's `locales` sources; the test fails when it cannot.
class GermanLocale {
public:
    GermanLocale() {
        ToolResult r = run_command("localedef -i de_DE -f UTF-8 '" + (dir_.path() / "de_DE.utf8").string() + "'");
        INFO(r.output);
        REQUIRE_MESSAGE(std::filesystem::exists(dir_.path() / "de_DE.utf8"),
                        "cannot compile the de_DE locale: apt-get install locales");
        setenv("LOCPATH", dir_.path().c_str(), 1);
        REQUIRE_MESSAGE(std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr, "setlocale(de_DE.UTF-8) failed");
        std::locale::global(std::locale(""));
    }
    ~GermanLocale() {
        std::setlocale(LC_ALL, "C");
        std::locale::global(std::locale::classic());
        unsetenv("LOCPATH");
    }

private:
    TempDir dir_;
};

void copy_tree_reversed(const std::filesystem::path& from, const std::filesystem::path& to) {
    // Create files in reverse bytewise order, so directory order differs.
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(from))
        if (e.is_regular_file()) files.push_back(std::filesystem::relative(e.path(), from));
    std::sort(files.rbegin(), files.rend());
    for (const auto& f : files) {
        std::filesystem::create_directories((to / f).parent_path());
        std::filesystem::copy_file(from / f, to / f);
    }
}

}  // namespace

TEST_CASE("reproducible: byte-identical under two time zones and two locales") {
    epub::EpubOptions options;
    options.source_date_epoch = 1213315199;  // 2008-06-12T23:59:59Z: another day in most zones
    std::string reference;
    {
        ScopedTimeZone utc("UTC0");
        std::setlocale(LC_ALL, "C");
        reference = build_or_fail(sample_issue(), options).bytes;
    }
    {
        ScopedTimeZone east("XST-11:30");  // POSIX form: UTC+11:30, no tzdata needed
        GermanLocale german;
        CHECK(build_or_fail(sample_issue(), options).bytes == reference);
    }
    {
        ScopedTimeZone west("YST+9");
        std::setlocale(LC_ALL, "C.UTF-8");
        CHECK(build_or_fail(sample_issue(), options).bytes == reference);
        std::setlocale(LC_ALL, "C");
    }
}

TEST_CASE("reproducible: the same issue in another folder, files created in another order, gives the same bytes") {
    TempDir a;
    TempDir b;
    copy_tree_reversed(source_dir() / "samples" / "ppp-2008-06-13", b.path() / "copy");
    std::filesystem::path every = write_every_block_issue(a);
    copy_tree_reversed(every, b.path() / "every");
    CHECK(build_or_fail(read_issue_or_fail(b.path() / "copy")).bytes == build_or_fail(sample_issue()).bytes);
    CHECK(build_or_fail(read_issue_or_fail(b.path() / "every")).bytes ==
          build_or_fail(read_issue_or_fail(every)).bytes);
}

TEST_CASE("reproducible: SOURCE_DATE_EPOCH sets dcterms:modified and every ZIP time, in UTC") {
    ScopedTimeZone tz("XST-11:30");
    epub::EpubOptions options;
    options.source_date_epoch = 1213315199;  // 2008-06-12T23:59:59Z
    epub::EpubBuild book = build_or_fail(sample_issue(), options);
    std::map<std::string, std::string> files = zip_map(book.bytes);
    CHECK(files.at("EPUB/package.opf").find("<meta property=\"dcterms:modified\">2008-06-12T23:59:59Z</meta>") !=
          std::string::npos);
    // Every local and central header carries 23:59:58 (DOS has 2 s steps) on 2008-06-12.
    epub::DosTimestamp want = epub::dos_timestamp_utc(1213315199);
    CHECK(want.date == ((2008 - 1980) << 9 | 6 << 5 | 12));
    CHECK(want.time == (23 << 11 | 59 << 5 | 29));
    for (const ZipFileEntry& e : read_zip(book.bytes)) {
        CAPTURE(e.name);
        CHECK(e.dos_time == want.time);
        CHECK(e.dos_date == want.date);
        CHECK(e.local_dos_time == want.time);
        CHECK(e.local_dos_date == want.date);
    }

    // Without SOURCE_DATE_EPOCH: the issue date, midnight UTC.
    std::string plain = zip_map(build_or_fail(sample_issue()).bytes).at("EPUB/package.opf");
    CHECK(plain.find("<meta property=\"dcterms:modified\">2008-06-13T00:00:00Z</meta>") != std::string::npos);
    // A different time gives a different file (the test above is not vacuous).
    options.source_date_epoch = 1213315199 + 86400;
    CHECK(build_or_fail(sample_issue(), options).bytes != book.bytes);
}

}  // namespace galley::test

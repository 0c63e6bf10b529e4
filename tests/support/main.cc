// The one doctest main shared by every test executable.
//
// CTest runs each test case alone, by name (--test-case=NAME). A name that
// matches no test case (one CTest registered differently from how doctest
// knows it) would run nothing and pass: here it fails instead.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string_view>

namespace {

unsigned g_matched = 0;

/// Remembers how many test cases passed the filters.
struct MatchCounter : doctest::IReporter {
    explicit MatchCounter(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats& stats) override { g_matched = stats.numTestCasesPassingFilters; }
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData&) override {}
};

REGISTER_LISTENER("galley-match-counter", 1, MatchCounter);

bool names_test_cases(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        for (std::string_view flag : {"--test-case=", "-tc=", "--dt-test-case=", "--dt-tc="})
            if (a.substr(0, flag.size()) == flag) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    doctest::Context context(argc, argv);
    const int status = context.run();
    if (context.shouldExit() || status != 0) return status;
    if (names_test_cases(argc, argv) && g_matched == 0) {
        std::fprintf(stderr, "no test case matches the name given: nothing ran\n");
        return 1;
    }
    return status;
}

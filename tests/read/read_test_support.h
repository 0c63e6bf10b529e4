// Shared by the reader tests: read a folder and show its diagnostics as
// "file:line:col: severity: message [code]" lines, file relative to the
// issue folder.
#pragma once

#include <string>
#include <vector>

#include "read/issue_reader.h"
#include "support/test_support.h"

namespace galley::test {

struct ReadOutcome {
    read::IssueReadResult result;
    std::vector<std::string> lines;  ///< one per diagnostic, sorted by location
};

inline ReadOutcome read_for_test(const std::filesystem::path& input, const std::filesystem::path& strip) {
    Diagnostics d;
    ReadOutcome out;
    out.result = read::read_issue(input, read::ReadOptions{}, d);
    d.sort_by_location();
    std::string prefix = strip.string();
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    for (const Diagnostic& x : d.all()) {
        std::string file = x.where.file;
        if (file.rfind(prefix, 0) == 0) file = file.substr(prefix.size());
        std::string loc = file;
        if (x.where.line > 0) loc += ":" + std::to_string(x.where.line);
        if (x.where.column > 0) loc += ":" + std::to_string(x.where.column);
        out.lines.push_back(loc + ": " + severity_name(x.severity) + ": " + x.message + " [" + x.code + "]");
    }
    return out;
}

}  // namespace galley::test

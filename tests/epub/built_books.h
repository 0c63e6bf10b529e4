// The four books the suite checks, built once per test process: the sample
// issue, a one-article issue, an issue without images, and the every-block
// issue (all with SOURCE_DATE_EPOCH unset, fonts subset).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "epub_test_support.h"

namespace galley::test {

struct BuiltBook {
    std::string name;
    std::string bytes;
    std::vector<ZipFileEntry> entries;      ///< In archive order.
    std::map<std::string, std::string> files;  ///< name -> data
};

const std::vector<BuiltBook>& built_books();
const BuiltBook& built_book(const std::string& name);

/// The package folder's files of one media type (by manifest), path in the ZIP.
std::vector<std::string> manifest_paths(const BuiltBook& book, const std::string& media_type);

}  // namespace galley::test

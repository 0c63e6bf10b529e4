// Helpers shared by the tests: paths into the source tree and scratch
// directories that clean up after themselves.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace galley::test {

/// The repository root (samples/, layouts/, fonts/ live there).
std::filesystem::path source_dir();

/// A fresh empty directory under the system temp dir, removed with the object.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    /// Writes `content` to `relative` (creating parent folders), returns the full path.
    std::filesystem::path write(const std::string& relative, std::string_view content) const;

private:
    std::filesystem::path path_;
};

/// The whole content of a file (throws when it cannot be read).
std::string read_file(const std::filesystem::path& path);

}  // namespace galley::test

namespace galley::test {

/// A valid 1x1 RGBA PNG (67 bytes).
std::string tiny_png();

/// A minimal valid article: id, language, headline and the given body XML.
std::string article_xml(const std::string& id, const std::string& body = "<p>Text.</p>",
                        const std::string& meta = "<meta><published>2008-06-13</published></meta>",
                        const std::string& end = "");

}  // namespace galley::test

// The one output writer every backend uses. Data goes to a temp file in the
// target's folder; commit() checks, fsyncs and renames it over the target.
// So the target path never holds partial data, a failure leaves any previous
// file intact, and a killed run leaves only a temp file that the next run
// sweeps away (sweep_stale_outputs).
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace galley {

class OutputFile {
public:
    /// How bytes reach the file descriptor; tests inject failures here.
    using WriteFn = std::function<ssize_t(int fd, const void* data, std::size_t size)>;

    /// Opens a temp file beside `target` (creating the folder if needed).
    /// On failure adds E-OUTPUT-WRITE and returns nothing.
    static std::optional<OutputFile> create(const std::filesystem::path& target, Diagnostics& diags,
                                            WriteFn write_fn = {});

    OutputFile(OutputFile&& other) noexcept;
    OutputFile& operator=(OutputFile&&) = delete;
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    /// Discards the temp file unless commit() succeeded.
    ~OutputFile();

    /// Appends bytes. The first failure is remembered and reported by
    /// commit(); later writes are ignored. Returns whether all is well so far.
    bool write(std::string_view bytes);
    bool write(const void* data, std::size_t size);
    bool ok() const { return error_.empty(); }

    /// fsync, close, rename over the target, fsync the folder. On any failure
    /// adds E-OUTPUT-WRITE naming the target, removes the temp file and
    /// returns false; the previous target (if any) is untouched.
    bool commit(Diagnostics& diags);

    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& temp_path() const { return temp_; }

private:
    OutputFile(std::filesystem::path target, std::filesystem::path temp, int fd, WriteFn fn);
    void discard();

    std::filesystem::path target_;
    std::filesystem::path temp_;
    int fd_ = -1;
    WriteFn write_fn_;
    std::string error_;
    bool committed_ = false;
};

/// Writes `bytes` to `target` atomically (create + write + commit).
bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, Diagnostics& diags);

/// Removes temp files left in `dir` by galley runs that no longer exist
/// (their process id is gone). Returns how many were removed.
int sweep_stale_outputs(const std::filesystem::path& dir);

/// The suffix of every galley temp file: `.<name>.<pid>.<n>.galley-part`.
inline constexpr std::string_view kTempSuffix = ".galley-part";

}  // namespace galley

namespace galley {

/// The outputs of one edition build, committed together: every file is
/// written to its temp file first, and only when all of them were written
/// completely are they renamed over their targets. A failure in any write
/// leaves every target as it was.
class OutputSet {
public:
    /// Writes `bytes` to a temp file for `target`. Returns false (and adds
    /// E-OUTPUT-WRITE) when it cannot; the set then commits nothing.
    bool add(const std::filesystem::path& target, std::string_view bytes, Diagnostics& diags);
    /// Renames every file into place, in the order added. Returns false when
    /// anything failed (then nothing further is renamed).
    bool commit(Diagnostics& diags);
    bool ok() const { return ok_; }

private:
    std::vector<OutputFile> files_;
    bool ok_ = true;
};

}  // namespace galley

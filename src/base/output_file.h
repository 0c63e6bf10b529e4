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

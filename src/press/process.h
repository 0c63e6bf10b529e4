// Running an outside tool (Ghostscript) safely: found on PATH or by path,
// started with posix_spawn and an argument vector (never a shell), with a
// small fixed environment (no GS_OPTIONS or GS_LIB from the caller), stdin
// from /dev/null, stdout and stderr into files, and a time limit. Plus the
// private temp folder the tool works in.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace galley::press {

/// `name` when it holds a '/' and is an executable file; else the first
/// executable `name` in the folders of $PATH. Nothing when there is none.
std::optional<std::filesystem::path> find_program(const std::string& name);

struct ProcessResult {
    bool started = false;     ///< false: the program could not be started (spawn_error says why)
    std::string spawn_error;
    bool timed_out = false;   ///< killed after the time limit
    int exit_status = -1;     ///< when it exited normally
    int signal = 0;           ///< when a signal ended it
    std::string out;          ///< standard output (up to a cap)
    std::string err;          ///< standard error (up to a cap)

    bool succeeded() const { return started && !timed_out && signal == 0 && exit_status == 0; }
    /// "exit status 1: <last lines of stderr>", "killed by signal 9", ...
    std::string describe() const;
};

/// Runs `program` with `args` (argv[1..]) in `work_dir`'s environment:
/// PATH=/usr/bin:/bin, LC_ALL=C, TMPDIR=work_dir, HOME=work_dir. stdout and
/// stderr go to files in `work_dir` and are read back (at most 64 MB each).
ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const std::filesystem::path& work_dir, int timeout_seconds);

/// A fresh folder only this user can read (mode 0700) under `parent` (the
/// system temp folder when empty), removed with everything in it when the
/// object goes.
class PrivateDir {
public:
    static std::optional<PrivateDir> create(const std::filesystem::path& parent, std::string& error);
    PrivateDir(PrivateDir&& other) noexcept;
    PrivateDir& operator=(PrivateDir&&) = delete;
    PrivateDir(const PrivateDir&) = delete;
    PrivateDir& operator=(const PrivateDir&) = delete;
    ~PrivateDir();

    const std::filesystem::path& path() const { return path_; }
    /// Writes a file in the folder (mode 0600); false when it cannot.
    bool write(const std::string& name, const std::string& bytes) const;

private:
    explicit PrivateDir(std::filesystem::path p) : path_(std::move(p)) {}
    std::filesystem::path path_;
};

/// The whole file, at most `max_bytes`; nothing when it cannot be read or is
/// larger.
std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace galley::press

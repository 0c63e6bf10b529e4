#include "press/process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

namespace galley::press {
namespace {

constexpr std::uintmax_t kMaxCapture = 64u * 1024u * 1024u;

bool executable_file(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::string last_lines(const std::string& text, std::size_t max_lines) {
    std::string t = text;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    std::size_t pos = t.size();
    for (std::size_t n = 0; n < max_lines && pos != std::string::npos && pos > 0; ++n) pos = t.rfind('\n', pos - 1);
    std::string tail = (pos == std::string::npos || pos == 0) ? t : t.substr(pos + 1);
    for (char& c : tail)
        if (c == '\n') c = ' ';
    if (tail.size() > 600) tail = "..." + tail.substr(tail.size() - 600);
    return tail;
}

}  // namespace

std::optional<std::filesystem::path> find_program(const std::string& name) {
    if (name.empty()) return std::nullopt;
    if (name.find('/') != std::string::npos) {
        if (executable_file(name)) return std::filesystem::path(name);
        return std::nullopt;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string dir = dirs.substr(start, end - start);
        if (!dir.empty()) {
            std::filesystem::path candidate = std::filesystem::path(dir) / name;
            if (executable_file(candidate)) return candidate;
        }
        start = end + 1;
    }
    return std::nullopt;
}

std::string ProcessResult::describe() const {
    if (!started) return "could not be started: " + spawn_error;
    if (timed_out) return "stopped after the time limit";
    if (signal != 0) return "killed by signal " + std::to_string(signal);
    std::string why = "exit status " + std::to_string(exit_status);
    std::string tail = last_lines(err.empty() ? out : err, 4);
    if (!tail.empty()) why += ": " + tail;
    return why;
}

ProcessResult run_process(const std::filesystem::path& program, const std::vector<std::string>& args,
                          const std::filesystem::path& work_dir, int timeout_seconds) {
    ProcessResult result;
    const std::filesystem::path out_file = work_dir / "tool.stdout";
    const std::filesystem::path err_file = work_dir / "tool.stderr";

    std::vector<std::string> argv_strings;
    argv_strings.push_back(program.string());
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& s : argv_strings) argv.push_back(s.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_strings{"PATH=/usr/bin:/bin", "LC_ALL=C", "TMPDIR=" + work_dir.string(),
                                         "HOME=" + work_dir.string()};
    std::vector<char*> envp;
    for (std::string& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addchdir_np(&actions, work_dir.c_str());

    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGCHLD);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    pid_t pid = 0;
    int rc = posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) {
        result.spawn_error = std::strerror(rc);
        return result;
    }
    result.started = true;

    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + std::chrono::seconds(timeout_seconds > 0 ? timeout_seconds : 600);
    auto nap = std::chrono::milliseconds(2);
    int status = 0;
    for (;;) {
        pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) {
            result.spawn_error = std::strerror(errno);
            result.started = false;
            return result;
        }
        if (clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
            result.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(nap);
        if (nap < std::chrono::milliseconds(50)) nap *= 2;
    }
    if (!result.timed_out) {
        if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
        else if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    }
    result.out = read_whole_file(out_file, kMaxCapture).value_or("");
    result.err = read_whole_file(err_file, kMaxCapture).value_or("");
    std::error_code ec;
    std::filesystem::remove(out_file, ec);
    std::filesystem::remove(err_file, ec);
    return result;
}

std::optional<PrivateDir> PrivateDir::create(const std::filesystem::path& parent, std::string& error) {
    std::error_code ec;
    std::filesystem::path base = parent.empty() ? std::filesystem::temp_directory_path(ec) : parent;
    if (ec || base.empty()) base = "/tmp";
    std::string templ = (base / "galley-press.XXXXXX").string();
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    if (::mkdtemp(buf.data()) == nullptr) {
        error = "cannot make a temp folder in '" + base.string() + "': " + std::strerror(errno);
        return std::nullopt;
    }
    return PrivateDir(std::filesystem::path(buf.data()));
}

PrivateDir::PrivateDir(PrivateDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }

PrivateDir::~PrivateDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

bool PrivateDir::write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = path_ / name;
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            ::close(fd);
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return ::close(fd) == 0;
}

std::optional<std::string> read_whole_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec || size > max_bytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) return std::nullopt;
    return bytes;
}

}  // namespace galley::press

#include "base/output_file.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace galley {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

ssize_t plain_write(int fd, const void* data, std::size_t size) { return ::write(fd, data, size); }

std::atomic<unsigned> temp_counter{0};

// Parses ".<name>.<pid>.<n>.galley-part" and returns the pid, or 0.
pid_t pid_of_temp(const std::string& file_name) {
    if (file_name.size() <= kTempSuffix.size() || file_name.front() != '.' ||
        file_name.compare(file_name.size() - kTempSuffix.size(), kTempSuffix.size(), kTempSuffix) != 0)
        return 0;
    std::string stem = file_name.substr(0, file_name.size() - kTempSuffix.size());
    std::size_t counter_dot = stem.rfind('.');
    if (counter_dot == std::string::npos || counter_dot == 0) return 0;
    std::size_t pid_dot = stem.rfind('.', counter_dot - 1);
    if (pid_dot == std::string::npos) return 0;
    std::string pid_text = stem.substr(pid_dot + 1, counter_dot - pid_dot - 1);
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9)
        return 0;
    return static_cast<pid_t>(std::stol(pid_text));
}

void fsync_dir(const std::filesystem::path& dir) {
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

}  // namespace

std::optional<OutputFile> OutputFile::create(const std::filesystem::path& target, Diagnostics& diags,
                                             WriteFn write_fn) {
    std::filesystem::path dir = target.parent_path();
    std::error_code ec;
    if (!dir.empty()) {
        std::filesystem::create_directories(dir, ec);
        if (ec) {
            diags.error("E-OUTPUT-WRITE", {target.string(), 0, 0},
                        "cannot create the output folder '" + dir.string() + "': " + ec.message());
            return std::nullopt;
        }
    }
    std::string temp_name = "." + target.filename().string() + "." + std::to_string(::getpid()) + "." +
                            std::to_string(temp_counter.fetch_add(1)) + std::string(kTempSuffix);
    std::filesystem::path temp = dir / temp_name;
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        diags.error("E-OUTPUT-WRITE", {target.string(), 0, 0}, "cannot write the output: " + errno_text(errno));
        return std::nullopt;
    }
    return OutputFile(target, temp, fd, write_fn ? std::move(write_fn) : WriteFn(plain_write));
}

OutputFile::OutputFile(std::filesystem::path target, std::filesystem::path temp, int fd, WriteFn fn)
    : target_(std::move(target)), temp_(std::move(temp)), fd_(fd), write_fn_(std::move(fn)) {}

OutputFile::OutputFile(OutputFile&& other) noexcept
    : target_(std::move(other.target_)),
      temp_(std::move(other.temp_)),
      fd_(other.fd_),
      write_fn_(std::move(other.write_fn_)),
      error_(std::move(other.error_)),
      committed_(other.committed_) {
    other.fd_ = -1;
    other.committed_ = true;  // the moved-from object owns nothing
}

OutputFile::~OutputFile() {
    if (!committed_) discard();
}

void OutputFile::discard() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (!temp_.empty()) ::unlink(temp_.c_str());
}

bool OutputFile::write(std::string_view bytes) { return write(bytes.data(), bytes.size()); }

bool OutputFile::write(const void* data, std::size_t size) {
    if (!error_.empty() || fd_ < 0) return false;
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = write_fn_(fd_, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error_ = n < 0 ? errno_text(errno) : "short write";
            return false;
        }
        p += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

bool OutputFile::commit(Diagnostics& diags) {
    auto fail = [&](const std::string& why) {
        diags.error("E-OUTPUT-WRITE", {target_.string(), 0, 0}, "cannot write the output: " + why);
        discard();
        committed_ = true;  // nothing left to clean up
        return false;
    };
    if (committed_) return fail("already committed");
    if (!error_.empty()) return fail(error_);
    if (::fsync(fd_) != 0) return fail(errno_text(errno));
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) return fail(errno_text(errno));
    if (::rename(temp_.c_str(), target_.c_str()) != 0) return fail(errno_text(errno));
    committed_ = true;
    fsync_dir(target_.parent_path());
    return true;
}

bool write_file_atomically(const std::filesystem::path& target, std::string_view bytes, Diagnostics& diags) {
    auto out = OutputFile::create(target, diags);
    if (!out) return false;
    out->write(bytes);
    return out->commit(diags);
}

int sweep_stale_outputs(const std::filesystem::path& dir) {
    int removed = 0;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        std::string name = it->path().filename().string();
        pid_t pid = pid_of_temp(name);
        if (pid <= 0) continue;
        bool alive = ::kill(pid, 0) == 0 || errno == EPERM;
        if (alive && pid != ::getpid()) continue;
        if (pid == ::getpid()) continue;  // our own files in flight
        std::error_code rm;
        if (std::filesystem::remove(it->path(), rm)) ++removed;
    }
    return removed;
}

}  // namespace galley

namespace galley {

bool OutputSet::add(const std::filesystem::path& target, std::string_view bytes, Diagnostics& diags) {
    if (!ok_) return false;
    auto out = OutputFile::create(target, diags);
    if (!out) {
        ok_ = false;
        return false;
    }
    if (!out->write(bytes)) {
        // Report now (commit() would), and drop the temp file.
        out->commit(diags);
        ok_ = false;
        return false;
    }
    files_.push_back(std::move(*out));
    return true;
}

bool OutputSet::commit(Diagnostics& diags) {
    if (!ok_) {
        files_.clear();  // discards every temp file
        return false;
    }
    for (OutputFile& f : files_) {
        if (!f.commit(diags)) {
            ok_ = false;
            break;
        }
    }
    files_.clear();
    return ok_;
}

}  // namespace galley

#include "base/file_read.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace galley {

std::optional<std::string> read_trusted_file(const std::filesystem::path& path, const std::string& display_name,
                                             std::uint64_t max_bytes, Diagnostics& diags) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        diags.error("E-FILE-UNREADABLE", {display_name, 0, 0}, std::string("cannot open: ") + std::strerror(errno));
        return std::nullopt;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        diags.error("E-FILE-UNREADABLE", {display_name, 0, 0}, "not a regular file");
        return std::nullopt;
    }
    if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        diags.error("E-FILE-TOO-LARGE", {display_name, 0, 0},
                    "file is " + std::to_string(st.st_size) + " bytes; the limit is " + std::to_string(max_bytes));
        return std::nullopt;
    }
    std::string out;
    out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(got);
    return out;
}

}  // namespace galley

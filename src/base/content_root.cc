// Control flow of resolve():
//   check_syntax   the reference as text: empty, control characters, URL,
//                  absolute or Windows path, backslash, percent-encoding
//   lexical        referring folder + reference, '.' dropped, '..' popped;
//                  popping past the issue folder is an escape
//   walk           from the issue folder, lstat one component at a time;
//                  a symbolic link's target is spliced in (kernel semantics)
//                  and must stay inside too; nothing is ever opened
//   classify       the last component must be a regular file
#include "base/content_root.h"

#include "base/utf8.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <optional>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace galley {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_reference_bytes = 4096;
constexpr int max_symlinks = 40;  // the kernel's own limit (MAXSYMLINKS)

PathRefusal refuse(std::string code, std::string message) { return PathRefusal{std::move(code), std::move(message)}; }

std::string subject(std::string_view what, std::string_view reference) {
    return std::string(what) + " " + quote_path(reference);
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool has_control_character(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x20 || b == 0x7f) return true;
        // C1 controls (U+0080..U+009F) in UTF-8.
        if (b == 0xc2 && i + 1 < s.size()) {
            auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0x9f) return true;
        }
    }
    return false;
}

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". A single
// letter before the colon is a Windows drive, handled separately.
bool has_url_scheme(std::string_view s) {
    std::size_t colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2) return false;
    if (!is_alpha(s[0])) return false;
    for (std::size_t i = 1; i < colon; ++i) {
        char c = s[i];
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

bool has_percent_encoding(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
        if (s[i] == '%' && is_hex(s[i + 1]) && is_hex(s[i + 2])) return true;
    return false;
}

std::optional<PathRefusal> check_syntax(std::string_view ref, std::string_view what) {
    if (ref.empty()) return refuse("E-PATH-INVALID", std::string(what) + " is empty");
    if (ref.size() > max_reference_bytes)
        return refuse("E-PATH-INVALID", subject(what, ref) + " is too long (" + std::to_string(ref.size()) +
                                            " bytes; the limit is " + std::to_string(max_reference_bytes) + ")");
    if (has_control_character(ref))
        return refuse("E-PATH-INVALID", subject(what, ref) + " contains a control character");
    if (has_url_scheme(ref))
        return refuse("E-PATH-URL", subject(what, ref) + " is a URL; only files inside the issue folder can be used");
    if (ref.size() >= 2 && ref[0] == '\\' && ref[1] == '\\')
        return refuse("E-PATH-ABSOLUTE", subject(what, ref) +
                                             " is a Windows network path; use a path relative to the file "
                                             "that refers to it, with '/' between folders");
    if ((ref.size() >= 2 && is_alpha(ref[0]) && ref[1] == ':') || ref[0] == '\\')
        return refuse("E-PATH-ABSOLUTE", subject(what, ref) +
                                             " is a Windows path; use a path relative to the file that "
                                             "refers to it, with '/' between folders");
    if (ref[0] == '/')
        return refuse("E-PATH-ABSOLUTE", subject(what, ref) +
                                             " is an absolute path; use a path relative to the file that "
                                             "refers to it");
    if (ref.find('\\') != std::string_view::npos)
        return refuse("E-PATH-INVALID", subject(what, ref) + " contains a backslash; separate folders with '/'");
    if (has_percent_encoding(ref))
        return refuse("E-PATH-ENCODED", subject(what, ref) +
                                            " contains percent-encoding; paths are written plainly, as the "
                                            "file is named in the folder");
    return std::nullopt;
}

// Appends the components of `p` after `prefix` to `out` ('.' and empty ones
// dropped) when `p` starts with `prefix`, component by component.
bool strip_prefix(const fs::path& p, const fs::path& prefix, std::vector<std::string>& out) {
    auto it = p.begin();
    for (const fs::path& want : prefix) {
        if (want.empty() || want == ".") continue;
        while (it != p.end() && (it->empty() || *it == ".")) ++it;
        if (it == p.end() || *it != want) return false;
        ++it;
    }
    for (; it != p.end(); ++it)
        if (!it->empty() && *it != ".") out.push_back(it->string());
    return true;
}

std::vector<std::string> split(std::string_view s) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t slash = s.find('/', start);
        if (slash == std::string_view::npos) slash = s.size();
        parts.emplace_back(s.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += '/';
        out += p;
    }
    return out;
}

fs::path under(const fs::path& root, const std::vector<std::string>& parts) {
    fs::path p = root;
    for (const std::string& s : parts) p /= s;
    return p;
}

std::string errno_text(int err) {
    const char* d = strerrordesc_np(err);  // English whatever the locale
    std::string s = d != nullptr ? d : "error " + std::to_string(err);
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

const char* not_regular_kind(mode_t mode) {
    if (S_ISDIR(mode)) return "is a folder, not a file";
    if (S_ISFIFO(mode)) return "is a named pipe (FIFO), not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    ~Fd() { reset(-1); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    void reset(int fd) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }
    int get() const { return fd_; }

private:
    int fd_;
};

}  // namespace

std::string quote_path(std::string_view s) {
    constexpr std::size_t max_shown = 200;
    std::size_t shown = s.size();
    if (shown > max_shown) {
        shown = max_shown;
        // Do not cut a UTF-8 sequence in half.
        while (shown > 0 && (static_cast<unsigned char>(s[shown]) & 0xc0) == 0x80) --shown;
    }
    std::string out = "'" + utf8::escape_for_terminal(s.substr(0, shown));
    if (shown < s.size()) out += "...";
    out += "'";
    return out;
}

ContentRoot::ContentRoot(fs::path issue_dir) {
    std::error_code ec;
    fs::path abs = fs::absolute(issue_dir, ec);
    given_ = (ec ? issue_dir : abs).lexically_normal();
    root_ = fs::canonical(given_, ec);
    if (ec) root_ = given_;
}

PathResult ContentRoot::resolve(std::string_view reference, const fs::path& referring_file_dir,
                                std::string_view what) const {
    if (auto bad = check_syntax(reference, what)) return *bad;
    const std::string who = subject(what, reference);

    // The referring folder, as components below the issue folder.
    std::vector<std::string> lexical;
    if (!referring_file_dir.empty()) {
        fs::path dir = referring_file_dir.lexically_normal();
        bool inside = false;
        if (dir.is_relative()) {
            inside = strip_prefix(dir, fs::path(), lexical) && (lexical.empty() || lexical.front() != "..");
        } else {
            inside = strip_prefix(dir, root_, lexical) || strip_prefix(dir, given_, lexical);
            if (!inside) {
                std::error_code ec;
                fs::path real = fs::weakly_canonical(dir, ec);
                lexical.clear();
                inside = !ec && strip_prefix(real, root_, lexical);
            }
        }
        if (!inside) return refuse("E-PATH-ESCAPES", who + " is referred to from outside the issue folder");
    }

    // Lexical resolution of the reference. A trailing '/', '.' or '..' names
    // a folder, as it does for the kernel.
    std::vector<std::string> parts = split(reference);
    const std::string& last = parts.back();
    const bool names_folder = last.empty() || last == "." || last == "..";
    for (const std::string& part : parts) {
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (lexical.empty()) return refuse("E-PATH-ESCAPES", who + " leaves the issue folder");
            lexical.pop_back();
            continue;
        }
        lexical.push_back(part);
    }
    const std::string relative = join(lexical);
    auto not_found = [&] {
        std::string m = who + " does not exist";
        if (relative != reference) m += " (looked for " + quote_path(relative) + " in the issue folder)";
        return refuse("E-PATH-NOT-FOUND", m);
    };

    // Walk the file system one component at a time.
    std::vector<std::string> real;
    std::deque<std::string> todo(lexical.begin(), lexical.end());
    struct stat st {};
    st.st_mode = S_IFDIR;  // the issue folder itself
    int links = 0;
    while (!todo.empty()) {
        std::string part = std::move(todo.front());
        todo.pop_front();
        if (part.empty() || part == ".") continue;
        if (!S_ISDIR(st.st_mode)) return not_found();  // a file used as a folder
        if (part == "..") {                            // only from a link target
            if (real.empty()) return refuse("E-PATH-ESCAPES", who + " leaves the issue folder through a symbolic link");
            real.pop_back();
            st.st_mode = S_IFDIR;
            continue;
        }
        fs::path here = under(root_, real) / part;
        if (::lstat(here.c_str(), &st) != 0) {
            int err = errno;
            if (err == ENOENT || err == ENOTDIR) return not_found();
            if (err == ENAMETOOLONG) return refuse("E-PATH-INVALID", who + " is too long");
            return refuse("E-FILE-UNREADABLE", "cannot read " + who + ": " + errno_text(err));
        }
        if (!S_ISLNK(st.st_mode)) {
            real.push_back(std::move(part));
            continue;
        }
        if (++links > max_symlinks) return refuse("E-PATH-INVALID", who + " goes through too many symbolic links");
        char buffer[4096];
        ssize_t n = ::readlink(here.c_str(), buffer, sizeof buffer);
        if (n <= 0 || static_cast<std::size_t>(n) >= sizeof buffer) return not_found();
        std::string_view target(buffer, static_cast<std::size_t>(n));
        std::vector<std::string> spliced;
        if (target.front() == '/') {
            if (!strip_prefix(fs::path(target), root_, spliced) && !strip_prefix(fs::path(target), given_, spliced))
                return refuse("E-PATH-ESCAPES", who + " leaves the issue folder through a symbolic link");
            real.clear();
        } else {
            spliced = split(target);
        }
        todo.insert(todo.begin(), spliced.begin(), spliced.end());
        st.st_mode = S_IFDIR;  // the link's folder (or the root) is where we continue
    }

    if (real.empty()) return refuse("E-PATH-NOT-FILE", who + " is a folder, not a file");
    if (names_folder && !S_ISDIR(st.st_mode)) return not_found();
    if (!S_ISREG(st.st_mode)) return refuse("E-PATH-NOT-FILE", who + " " + not_regular_kind(st.st_mode));
    return ResolvedPath{under(root_, real), relative};
}

ReadResult ContentRoot::read(const ResolvedPath& file, std::uint64_t max_bytes) const {
    const std::string name = quote_path(file.relative);
    std::vector<std::string> parts;
    if (!strip_prefix(file.absolute.lexically_normal(), root_, parts) || parts.empty())
        return refuse("E-PATH-ESCAPES", name + " is outside the issue folder");
    for (const std::string& p : parts)
        if (p == "..") return refuse("E-PATH-ESCAPES", name + " is outside the issue folder");

    auto open_failed = [&](int err) {
        if (err == ENOENT) return refuse("E-PATH-NOT-FOUND", name + " does not exist");
        if (err == ELOOP || err == ENOTDIR)
            return refuse("E-FILE-UNREADABLE", "cannot read " + name + ": it changed after it was checked");
        return refuse("E-FILE-UNREADABLE", "cannot read " + name + ": " + errno_text(err));
    };

    // Descend from the issue folder without following any link.
    Fd dir(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) return open_failed(errno);
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        int next = ::openat(dir.get(), parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) return open_failed(errno);
        dir.reset(next);
    }
    Fd fd(::openat(dir.get(), parts.back().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) return open_failed(errno);

    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return open_failed(errno);
    if (!S_ISREG(st.st_mode)) return refuse("E-PATH-NOT-FILE", name + " " + not_regular_kind(st.st_mode));
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes)
        return refuse("E-FILE-TOO-LARGE", name + " is " + std::to_string(size) + " bytes, more than the limit of " +
                                              std::to_string(max_bytes) + " bytes");
    auto grew = [&] {
        return refuse("E-FILE-TOO-LARGE",
                      name + " grew past the limit of " + std::to_string(max_bytes) + " bytes while it was read");
    };

    // Read at most max_bytes + 1: a file that grew since fstat is caught too.
    const std::uint64_t cap = max_bytes == UINT64_MAX ? max_bytes : max_bytes + 1;
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(std::min<std::uint64_t>(size + 1, cap)));
    std::size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            if (got > max_bytes) return grew();
            bytes.resize(static_cast<std::size_t>(std::min<std::uint64_t>(cap, 2 * got + 4096)));
        }
        ssize_t n = ::read(fd.get(), bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return refuse("E-FILE-UNREADABLE", "cannot read " + name + ": " + errno_text(errno));
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got > max_bytes) return grew();
    bytes.resize(got);
    return bytes;
}

}  // namespace galley

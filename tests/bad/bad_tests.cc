// The bad-input suite's runner. tests/bad/README.md holds one table, the
// single source of truth: for each case folder under tests/bad/cases/, what
// `galley check` (and later `galley build`) must do with it. This program
//
//   --emit-ctest FILE   writes one CTest test per row (WILL_FAIL for rows
//                       marked known-failing, a port lock for rows that
//                       listen), plus "bad: table" (the table itself);
//   --case NAME         runs one case; exit 0 pass, 1 fail, 77 skipped;
//   --table             checks the table against the case folders and
//                       docs/diagnostics.md;
//   (no mode)           runs every case and prints a summary.
//
// One case, step by step: a fresh work folder W gets the files of
// tests/bad/outside/ (a secret, real images and an article: what an escaping
// path would find) and a copy of the case folder as W/<case>; the `setup`
// column makes what git cannot hold (FIFOs, symbolic links, devices, big
// files); W is snapshotted; the real galley binary runs with a clean
// environment, its working folder, HOME and TMPDIR inside W, a time limit,
// and stdout and stderr captured; then every expectation of the row and
// every invariant below is checked:
//   - not killed by a signal, no sanitizer report, within the time and
//     memory limits;
//   - the exit status, and a diagnostic `<file>:<line>...: ... [CODE]`;
//   - no forbidden string in stdout or stderr (the secret file's content is
//     always forbidden, and so is /etc/passwd's first field set);
//   - nothing created, changed or removed anywhere in W (for build: except
//     inside the output folder, which must stay empty when the input has
//     errors);
//   - no connection to the port a `listen` step opened.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr int kSkip = 77;
constexpr const char* kSecret = "GALLEY-SECRET-d41c9f";
constexpr const char* kPasswd = "root:x:0:0";

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

struct Options {
    fs::path suite;     // tests/bad
    fs::path galley;    // the binary under test
    fs::path data_dir;  // GALLEY_DATA_DIR for it
    bool sanitized = false;
    bool keep = false;  // keep the work folders
    bool verbose = false;
    std::vector<std::string> cases;
    std::string mode = "all";
    fs::path emit;
};

[[noreturn]] void die(const std::string& message) {
    std::cerr << "galley_bad_tests: " << message << "\n";
    std::exit(2);
}

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The table writes bytes that cannot stand in Markdown as escapes:
// \xHH (one byte), \uHHHH and \UHHHHHHHH (a code point, as UTF-8), \\ and \s
// (a space, for setup arguments).
std::string unescape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        char k = s[i + 1];
        std::size_t digits = k == 'x' ? 2 : k == 'u' ? 4 : k == 'U' ? 8 : 0;
        if (digits != 0 && i + 2 + digits <= s.size()) {
            unsigned long v = std::stoul(std::string(s.substr(i + 2, digits)), nullptr, 16);
            if (k == 'x')
                out += static_cast<char>(v);
            else
                append_utf8(out, v);
            i += 1 + digits;
        } else if (k == '\\') {
            out += '\\';
            ++i;
        } else if (k == 's') {
            out += ' ';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// Shows bytes safely in our own report (a hostile case's output must not
// drive the terminal of whoever reads the test log either).
std::string shown(std::string_view s, std::size_t max = 4000) {
    std::string out;
    for (std::size_t i = 0; i < s.size() && out.size() < max; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c >= 0x80) {
            // Keep well-formed UTF-8 outside C1 as is; escape the rest.
            std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            bool ok = len != 0 && i + len <= s.size();
            for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
            if (ok && !(c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) &&
                !(c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                  static_cast<unsigned char>(s[i + 2]) >= 0xAA && static_cast<unsigned char>(s[i + 2]) <= 0xAE) &&
                !(c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x81 &&
                  static_cast<unsigned char>(s[i + 2]) >= 0xA6 && static_cast<unsigned char>(s[i + 2]) <= 0xA9)) {
                out.append(s.substr(i, len));
                i += len - 1;
                continue;
            }
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (out.size() >= max) out += "\n[... output shortened ...]";
    return out;
}

std::vector<std::string> split_ws(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// The contents of every `code span` in a cell, in order.
std::vector<std::string> code_spans(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (;;) {
        std::size_t open = cell.find('`', at);
        if (open == std::string::npos) break;
        std::size_t close = cell.find('`', open + 1);
        if (close == std::string::npos) break;
        out.push_back(cell.substr(open + 1, close - open - 1));
        at = close + 1;
    }
    return out;
}

// A file name as galley prints it in a diagnostic: control characters (C0
// but tab, and DEL) as \xHH, as docs/diagnostics.md says.
std::string as_printed(std::string_view s) {
    std::string out;
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += ch;
        }
    }
    return out;
}

bool is_none(const std::string& cell) { return cell.empty() || cell == "—" || cell == "-"; }

// ---------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------

struct Row {
    int line = 0;
    std::string name;
    std::string what;
    std::string input = ".";
    std::vector<std::string> setup;
    int check = -1;
    std::string code;  // "" = no diagnostic at all
    std::string at;    // "" = anywhere
    std::optional<int> build;  // run now; nullopt = later or not applicable
    std::string build_cell;
    std::vector<std::string> forbidden;
    std::string known_failing;
};

const std::vector<std::string> kColumns = {"case", "what it is", "input", "setup", "check", "code",
                                           "at", "build", "must not appear", "known-failing"};

std::vector<std::string> split_row(const std::string& line) {
    std::vector<std::string> cells;
    std::string cur;
    bool in_code = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '`') in_code = !in_code;
        if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
            cur += '|';
            ++i;
            continue;
        }
        if (c == '|' && !in_code) {
            cells.push_back(trim(cur));
            cur.clear();
            continue;
        }
        cur += c;
    }
    cells.push_back(trim(cur));
    // A row starts and ends with '|': drop the empty outer cells.
    if (!cells.empty() && cells.front().empty()) cells.erase(cells.begin());
    if (!cells.empty() && cells.back().empty()) cells.pop_back();
    return cells;
}

std::vector<Row> read_table(const fs::path& readme) {
    std::ifstream in(readme);
    if (!in) die("cannot read " + readme.string());
    std::vector<Row> rows;
    std::string line;
    int n = 0;
    bool in_table = false;
    while (std::getline(in, line)) {
        ++n;
        if (line.rfind("|", 0) != 0) {
            in_table = false;
            continue;
        }
        std::vector<std::string> cells = split_row(line);
        if (!in_table) {
            if (!cells.empty() && cells[0] == "case") {
                if (cells != kColumns) die(readme.string() + ":" + std::to_string(n) + ": the table's columns must be: case | what it is | input | setup | check | code | at | build | must not appear | known-failing");
                in_table = true;
            }
            continue;
        }
        if (!cells.empty() && cells[0].find("---") != std::string::npos) continue;
        // Rows may leave trailing cells out (an empty known-failing column).
        while (cells.size() < kColumns.size()) cells.emplace_back();
        if (cells.size() > kColumns.size())
            die(readme.string() + ":" + std::to_string(n) + ": " + std::to_string(cells.size()) + " cells, expected " +
                std::to_string(kColumns.size()));
        Row r;
        r.line = n;
        auto name = code_spans(cells[0]);
        if (name.size() != 1) die(readme.string() + ":" + std::to_string(n) + ": the case name must be one `code span`");
        r.name = name[0];
        r.what = cells[1];
        if (auto in_spans = code_spans(cells[2]); !in_spans.empty()) r.input = in_spans[0];
        r.setup = code_spans(cells[3]);
        try {
            r.check = std::stoi(cells[4]);
        } catch (...) {
            die(readme.string() + ":" + std::to_string(n) + ": check must be an exit status");
        }
        if (auto c = code_spans(cells[5]); !c.empty()) r.code = c[0];
        if (auto a = code_spans(cells[6]); !a.empty()) r.at = a[0];
        r.build_cell = cells[7];
        if (!is_none(cells[7]) && cells[7].find("later") == std::string::npos) {
            try {
                r.build = std::stoi(cells[7]);
            } catch (...) {
                die(readme.string() + ":" + std::to_string(n) + ": build must be a status, 'later: ...' or '—'");
            }
        }
        for (const std::string& s : code_spans(cells[8])) r.forbidden.push_back(unescape(s));
        r.known_failing = is_none(cells[9]) ? "" : cells[9];
        rows.push_back(std::move(r));
    }
    if (rows.empty()) die(readme.string() + ": no case table found");
    return rows;
}

// ---------------------------------------------------------------------------
// Work folder, setup, snapshot
// ---------------------------------------------------------------------------

struct Work {
    fs::path root;  // W
    fs::path case_dir;
    bool keep = false;
    ~Work() {
        if (root.empty() || keep) return;
        std::error_code ec;
        // Make everything removable again (a setup may have chmod-ed).
        fs::remove_all(root, ec);
    }
};

struct Entry {
    char type = '?';
    std::uintmax_t size = 0;
    long long mtime_ns = 0;
    unsigned mode = 0;
    std::string link;
    bool operator==(const Entry&) const = default;
};

using Snapshot = std::map<std::string, Entry>;

Snapshot snapshot(const fs::path& root) {
    Snapshot out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        struct stat st {};
        if (::lstat(it->path().c_str(), &st) != 0) continue;
        Entry e;
        e.type = S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' : S_ISREG(st.st_mode) ? 'f'
               : S_ISFIFO(st.st_mode) ? 'p' : S_ISCHR(st.st_mode) ? 'c' : 'o';
        e.size = e.type == 'f' ? static_cast<std::uintmax_t>(st.st_size) : 0;
        e.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
        e.mode = st.st_mode & 07777;
        if (e.type == 'l') e.link = fs::read_symlink(it->path(), ec).string();
        out[it->path().lexically_relative(root).generic_string()] = e;
    }
    return out;
}

std::vector<std::string> compare(const Snapshot& before, const Snapshot& after, const std::string& allowed_prefix) {
    std::vector<std::string> problems;
    auto allowed = [&](const std::string& p) {
        return !allowed_prefix.empty() && (p == allowed_prefix || p.rfind(allowed_prefix + "/", 0) == 0);
    };
    for (const auto& [p, e] : after) {
        if (allowed(p)) continue;
        auto it = before.find(p);
        if (it == before.end())
            problems.push_back("created: " + p);
        else if (!(it->second == e) && !(e.type == 'd' && it->second.type == 'd' && e.mode == it->second.mode))
            problems.push_back("changed: " + p);
    }
    for (const auto& [p, e] : before)
        if (!allowed(p) && after.count(p) == 0) problems.push_back("removed: " + p);
    return problems;
}

std::string safe_relative(const std::string& p) {
    fs::path rel = fs::path(unescape(p)).lexically_normal();
    if (rel.is_absolute() || rel.empty() || *rel.begin() == "..") die("setup path '" + p + "' must stay in the case folder");
    return rel.string();
}

struct Listener {
    int fd = -1;
    int port = 0;
    ~Listener() {
        if (fd >= 0) ::close(fd);
    }
};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const fs::path& p, const std::string& data) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << data;
    if (!out) die("cannot write " + p.string());
}

std::string replace_marker(const std::string& text, const std::string& marker, const std::string& with) {
    std::size_t at = text.find(marker);
    if (at == std::string::npos) die("setup: marker " + marker + " not found");
    return text.substr(0, at) + with + text.substr(at + marker.size());
}

// Returns false (skip) when a step cannot be done as this user.
bool run_setup(const Row& row, const Work& w, Listener& listener, std::string& skip_reason) {
    for (const std::string& step : row.setup) {
        std::vector<std::string> a = split_ws(step);
        if (a.empty()) continue;
        const std::string& op = a[0];
        auto need = [&](std::size_t n) {
            if (a.size() != n + 1) die(row.name + ": setup step '" + step + "' takes " + std::to_string(n) + " arguments");
        };
        auto at = [&](const std::string& p) { return w.case_dir / safe_relative(p); };
        auto target_of = [&](std::string t) {
            for (auto [var, value] : {std::pair<std::string, std::string>{"$CASE", w.case_dir.string()},
                                      std::pair<std::string, std::string>{"$OUTSIDE", w.root.string()}}) {
                if (auto i = t.find(var); i != std::string::npos) t.replace(i, var.size(), value);
            }
            return unescape(t);
        };
        if (op == "fifo") {
            need(1);
            if (::mkfifo(at(a[1]).c_str(), 0644) != 0) die(row.name + ": mkfifo: " + std::strerror(errno));
        } else if (op == "mkdir") {
            need(1);
            fs::create_directories(at(a[1]));
        } else if (op == "symlink") {
            need(2);
            fs::create_directories(at(a[1]).parent_path());
            fs::create_symlink(target_of(a[2]), at(a[1]));
        } else if (op == "mknod-zero") {
            need(1);
            if (::mknod(at(a[1]).c_str(), S_IFCHR | 0666, makedev(1, 5)) != 0) {
                skip_reason = std::string("cannot make a device node here (") + std::strerror(errno) + "; needs root)";
                return false;
            }
        } else if (op == "remove") {
            need(1);
            fs::remove(at(a[1]));
        } else if (op == "move") {
            need(2);
            fs::rename(at(a[1]), w.case_dir / unescape(a[2]));
        } else if (op == "fill" || op == "fillto") {
            // fill FILE COUNT UNIT: @FILL@ becomes UNIT repeated COUNT times.
            // fillto FILE SIZE UNIT: ... repeated until the file is SIZE bytes.
            need(3);
            fs::path f = at(a[1]);
            std::string text = read_file(f), unit = unescape(a[3]);
            std::size_t n = std::stoull(a[2]);
            std::size_t bytes = op == "fill" ? n * unit.size() : n - (text.size() - std::string("@FILL@").size());
            std::string fill;
            fill.reserve(bytes);
            while (fill.size() < bytes) fill += unit;
            fill.resize(bytes);
            write_file(f, replace_marker(text, "@FILL@", fill));
        } else if (op == "fillseq") {
            // fillseq FILE COUNT TEMPLATE: @ATTRS@ becomes TEMPLATE with {} = 0..COUNT-1.
            need(3);
            fs::path f = at(a[1]);
            std::string tmpl = unescape(a[3]), fill;
            std::size_t n = std::stoull(a[2]);
            for (std::size_t i = 0; i < n; ++i) {
                std::string one = tmpl;
                if (auto k = one.find("{}"); k != std::string::npos) one.replace(k, 2, std::to_string(i));
                fill += one;
            }
            write_file(f, replace_marker(read_file(f), "@ATTRS@", fill));
        } else if (op == "cpu-limit") {
            need(1);  // read by cpu_limit_of()
        } else if (op == "listen") {
            need(1);
            listener.port = std::stoi(a[1]);
            listener.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
            int one = 1;
            ::setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(static_cast<std::uint16_t>(listener.port));
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::bind(listener.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
                ::listen(listener.fd, 16) != 0) {
                skip_reason = "cannot listen on 127.0.0.1:" + a[1] + " (" + std::strerror(errno) + ")";
                return false;
            }
        } else {
            die(row.name + ": unknown setup step '" + step + "'");
        }
    }
    return true;
}

// ---------------------------------------------------------------------------
// Running galley
// ---------------------------------------------------------------------------

struct RunResult {
    int status = -1;  // exit status, or -1 when killed
    int signal = 0;
    bool timed_out = false;
    double seconds = 0;
    double cpu_seconds = 0;
    long max_rss_kb = 0;
    std::string out, err;
};

RunResult run(const Options& o, const std::vector<std::string>& args, const Work& w, int cpu_seconds) {
    const double limit_seconds = 6.0 * cpu_seconds;
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0 || ::pipe2(err_pipe, O_CLOEXEC) != 0) die("pipe failed");
    std::vector<std::string> env = {
        "PATH=/usr/bin:/bin",
        "HOME=" + (w.root / "home").string(),
        "TMPDIR=" + (w.root / "tmp").string(),
        "GALLEY_DATA_DIR=" + o.data_dir.string(),
        "NO_COLOR=1",
        "TERM=dumb",
        "SOURCE_DATE_EPOCH=1718323200",
    };
    for (const char* keep : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"})
        if (const char* v = std::getenv(keep)) env.push_back(std::string(keep) + "=" + v);
    std::vector<char*> argv, envp;
    std::string exe = o.galley.string();
    argv.push_back(exe.data());
    std::vector<std::string> args_copy = args;
    for (std::string& a : args_copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string cwd = (w.root / "cwd").string();

    auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid < 0) die("fork failed");
    if (pid == 0) {
        ::setpgid(0, 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        int devnull = ::open("/dev/null", O_RDONLY);
        ::dup2(devnull, 0);
        // Work is limited in CPU seconds, so a loaded machine does not fail
        // a case; the wall-clock limit only catches blocking (a FIFO read).
        rlimit cpu{static_cast<rlim_t>(cpu_seconds), static_cast<rlim_t>(cpu_seconds) + 2};
        ::setrlimit(RLIMIT_CPU, &cpu);
        if (::chdir(cwd.c_str()) != 0) _exit(126);
        ::execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    ::setpgid(pid, pid);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    RunResult r;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&r.out, &r.err};
    int open_fds = 2;
    const std::size_t max_capture = 64u << 20;
    while (open_fds > 0) {
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (elapsed > limit_seconds && !r.timed_out) {
            r.timed_out = true;
            ::kill(-pid, SIGKILL);
        }
        int n = ::poll(fds, 2, 200);
        if (n < 0 && errno != EINTR) break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
            char buf[65536];
            ssize_t got = ::read(fds[i].fd, buf, sizeof buf);
            if (got <= 0) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            } else if (sinks[i]->size() < max_capture) {
                sinks[i]->append(buf, static_cast<std::size_t>(got));
            }
        }
    }
    int status = 0;
    rusage ru{};
    while (::wait4(pid, &status, 0, &ru) < 0 && errno == EINTR) {
    }
    ::kill(-pid, SIGKILL);  // anything it left behind
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.max_rss_kb = ru.ru_maxrss;
    r.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                    static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    return r;
}

// ---------------------------------------------------------------------------
// Checking one run
// ---------------------------------------------------------------------------

bool has_sanitizer_report(const std::string& err) {
    return err.find("ERROR: AddressSanitizer") != std::string::npos ||
           err.find("ERROR: LeakSanitizer") != std::string::npos || err.find("runtime error:") != std::string::npos ||
           err.find("WARNING: MemorySanitizer") != std::string::npos;
}

// Is there a diagnostic line "<file>[:<line>[:<col>]]: <severity>: ... [<code>]"?
bool has_diagnostic(const std::string& err, const std::string& file, std::optional<int> line, const std::string& code) {
    std::istringstream in(err);
    std::string l;
    while (std::getline(in, l)) {
        if (l.size() < code.size() + 2 || l.compare(l.size() - code.size() - 2, std::string::npos, "[" + code + "]") != 0)
            continue;
        if (file.empty()) return true;
        if (l.rfind(file, 0) != 0) continue;
        std::string_view rest(l);
        rest.remove_prefix(file.size());
        if (rest.empty() || rest[0] != ':') continue;
        rest.remove_prefix(1);
        if (!line) {
            if (!rest.empty() && rest[0] == ' ') return true;  // "file: error: ..."
            continue;
        }
        std::string digits;
        while (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') {
            digits += rest[0];
            rest.remove_prefix(1);
        }
        if (!digits.empty() && std::stoi(digits) == *line && !rest.empty() && rest[0] == ':') return true;
    }
    return false;
}

struct Expect {
    int status;
    bool output_dir;  // build: the output folder must stay empty / absent
};

// 20 s of CPU (60 s with sanitizers), unless the row sets its own limit
// with `cpu-limit N`: for work done inside libxml2, which the sanitizers do
// not slow down, one limit fits both builds.
int cpu_limit_of(const Options& o, const Row& row) {
    for (const std::string& step : row.setup) {
        std::vector<std::string> a = split_ws(step);
        if (a.size() == 2 && a[0] == "cpu-limit") return std::stoi(a[1]);
    }
    return o.sanitized ? 60 : 20;
}

std::vector<std::string> check_run(const Row& row, const RunResult& r, const std::string& what, int want_status,
                                   const fs::path& input_root, const Options& o) {
    const int cpu_limit = cpu_limit_of(o, row);
    std::vector<std::string> f;
    const std::string both = r.out + r.err;
    if (r.timed_out)
        f.push_back(what + ": still running after " + std::to_string(static_cast<int>(r.seconds)) +
                    " s (wall clock); killed");
    else if (r.signal == SIGXCPU || (r.signal == SIGKILL && r.cpu_seconds >= cpu_limit))
        f.push_back(what + ": used more than the limit of " + std::to_string(cpu_limit) + " s of CPU time; killed");
    else if (r.signal != 0)
        f.push_back(what + ": killed by signal " + std::to_string(r.signal) + " (" + strsignal(r.signal) + ")");
    else if (r.status != want_status)
        f.push_back(what + ": exit status " + std::to_string(r.status) + ", expected " + std::to_string(want_status));
    if (has_sanitizer_report(r.err)) f.push_back(what + ": a sanitizer reported an error");
    const long rss_limit_kb = (o.sanitized ? 3L : 1L) * 1024 * 1024;
    if (r.max_rss_kb > rss_limit_kb)
        f.push_back(what + ": used " + std::to_string(r.max_rss_kb / 1024) + " MB of memory, over the limit of " +
                    std::to_string(rss_limit_kb / 1024) + " MB");
    std::vector<std::string> forbidden = row.forbidden;
    forbidden.push_back(kSecret);
    forbidden.push_back(kPasswd);
    for (const std::string& s : forbidden)
        if (!s.empty() && both.find(s) != std::string::npos)
            f.push_back(what + ": the output contains the forbidden string '" + shown(s) + "'");

    if (row.code.empty()) {
        // Accept cases: no error and no warning, except that the fixtures'
        // pictures are a few pixels wide on purpose, so a layout's
        // resolution warning (check and build lay the pages out) is theirs.
        std::istringstream lines(r.err);
        for (std::string l; std::getline(lines, l);) {
            bool error = l.find(": error:") != std::string::npos;
            bool warning = l.find(": warning:") != std::string::npos;
            if (error || (warning && l.find("[W-IMAGE-LOW-RESOLUTION]") == std::string::npos)) {
                f.push_back(what + ": expected no diagnostic, got: " + shown(l));
                break;
            }
        }
    } else if (!r.timed_out && r.signal == 0) {  // a killed run said nothing useful
        std::string file;
        std::optional<int> line;
        if (!row.at.empty()) {
            std::string at = unescape(row.at);
            std::size_t colon = at.rfind(':');
            if (colon != std::string::npos && colon + 1 < at.size() &&
                at.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
                line = std::stoi(at.substr(colon + 1));
                at = at.substr(0, colon);
            }
            if (at == ".")
                file = input_root.string() + "/";
            else if (!at.empty() && at[0] == '/')
                file = at;
            else
                file = (input_root / at).string();
            file = as_printed(file);
        }
        bool found = has_diagnostic(r.err, file, line, row.code);
        if (!found && row.at == ".") found = has_diagnostic(r.err, as_printed(input_root.string()), line, row.code);
        if (!found)
            f.push_back(what + ": no diagnostic [" + row.code + "] at " + (row.at.empty() ? "any location" : row.at) +
                        (file.empty() ? "" : " (" + shown(file) + (line ? ":" + std::to_string(*line) : "") + ")"));
    }
    return f;
}

// ---------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------

void copy_tree(const fs::path& from, const fs::path& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

int run_case(const Options& o, const Row& row) {
    const fs::path case_src = o.suite / "cases" / row.name;
    if (!fs::is_directory(case_src)) {
        std::cout << "FAIL " << row.name << ": no folder " << case_src << "\n";
        return 1;
    }
    Work w;
    w.keep = o.keep;
    std::string tmpl = (fs::temp_directory_path() / "galley-bad-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr) die("mkdtemp failed");
    w.root = fs::canonical(tmpl);
    w.case_dir = w.root / row.name;
    for (const auto& e : fs::directory_iterator(o.suite / "outside")) fs::copy(e.path(), w.root / e.path().filename());
    copy_tree(case_src, w.case_dir);
    for (const char* d : {"cwd", "home", "tmp"}) fs::create_directories(w.root / d);

    Listener listener;
    std::string skip_reason;
    if (!run_setup(row, w, listener, skip_reason)) {
        std::cout << "SKIP " << row.name << ": " << skip_reason << "\n";
        return kSkip;
    }
    std::string input = row.input;
    fs::path input_path = input == "." ? w.case_dir
                          : !input.empty() && input[0] == '/' ? fs::path(input)
                                                              : w.case_dir / unescape(input);
    // Where diagnostics' `at` paths are relative to: the case folder, or the
    // folder named as input when the input is a subfolder.
    fs::path input_root = w.case_dir;
    {
        std::error_code ec;
        if (input != "." && input[0] != '/' && fs::is_directory(fs::symlink_status(input_path, ec)))
            input_root = input_path;
    }

    const int limit = cpu_limit_of(o, row);
    std::vector<std::string> failures;
    std::ostringstream log;

    auto once = [&](const std::vector<std::string>& args, const std::string& what, int want, const std::string& out_rel) {
        Snapshot before = snapshot(w.root);
        RunResult r = run(o, args, w, limit);
        Snapshot after = snapshot(w.root);
        log << "--- galley";
        for (const std::string& a : args) log << " " << shown(a, 300);
        log << "\n    exit " << (r.signal ? "signal " + std::to_string(r.signal) : std::to_string(r.status)) << ", "
            << static_cast<int>(r.seconds * 1000) << " ms wall, " << static_cast<int>(r.cpu_seconds * 1000)
            << " ms CPU, " << r.max_rss_kb / 1024 << " MB\n";
        for (auto [label, text] : {std::pair<const char*, const std::string*>{"stdout", &r.out}, {"stderr", &r.err}}) {
            if (text->empty()) continue;
            std::string s = shown(*text);
            log << "--- " << label << "\n" << s << (s.back() == '\n' ? "" : "\n");
        }
        auto f = check_run(row, r, what, want, input_root, o);
        failures.insert(failures.end(), f.begin(), f.end());
        for (const std::string& p : compare(before, after, out_rel)) failures.push_back(what + ": " + p);
        if (!out_rel.empty()) {
            std::error_code ec;
            fs::path out = w.root / out_rel;
            if (want != 0 && fs::exists(out, ec) && !fs::is_empty(out, ec))
                failures.push_back(what + ": the input has errors, yet " + out_rel + "/ is not empty");
        }
        for (const char* d : {"cwd", "home", "tmp"}) {
            std::error_code ec;
            if (!fs::is_empty(w.root / d, ec)) failures.push_back(what + ": wrote into " + std::string(d) + "/");
        }
    };

    once({"check", input_path.string()}, "check", row.check, "");
    // A known-failing row whose check already failed skips its build: it
    // would only fail the same way again, slowly.
    if (row.build && (failures.empty() || row.known_failing.empty()))
        once({"build", input_path.string(), "-o", (w.root / "out").string()}, "build", *row.build, "out");

    if (listener.fd >= 0) {
        sockaddr_in peer{};
        socklen_t len = sizeof peer;
        int c = ::accept(listener.fd, reinterpret_cast<sockaddr*>(&peer), &len);
        if (c >= 0) {
            ::close(c);
            failures.push_back("galley connected to 127.0.0.1:" + std::to_string(listener.port));
        }
    }

    const bool failed = !failures.empty();
    if (failed || o.verbose) std::cout << log.str();
    if (failed) {
        std::cout << "FAIL " << row.name << " (README.md line " << row.line << ")\n";
        for (const std::string& f : failures) std::cout << "  - " << f << "\n";
        if (!row.known_failing.empty()) std::cout << "  known-failing: " << row.known_failing << "\n";
    } else {
        std::cout << "PASS " << row.name << (row.known_failing.empty() ? "" : "  (marked known-failing: remove the mark)")
                  << "\n";
    }
    if (o.keep) std::cout << "  work folder kept: " << w.root << "\n";
    return failed ? 1 : 0;
}

// ---------------------------------------------------------------------------
// The table against the folders and the documented codes
// ---------------------------------------------------------------------------

int check_table(const Options& o, const std::vector<Row>& rows) {
    std::vector<std::string> problems;
    std::set<std::string> names;
    std::string codes_doc = read_file(o.data_dir / "docs" / "diagnostics.md");
    for (const Row& r : rows) {
        if (!names.insert(r.name).second) problems.push_back(r.name + ": listed twice");
        if (!fs::is_directory(o.suite / "cases" / r.name)) problems.push_back(r.name + ": no folder in cases/");
        if (!r.code.empty() && codes_doc.find("`" + r.code + "`") == std::string::npos)
            problems.push_back(r.name + ": code " + r.code + " is not in docs/diagnostics.md");
        if (r.check != 0 && r.code.empty()) problems.push_back(r.name + ": an error case needs a code");
        if (r.check < 0 || r.check > 4) problems.push_back(r.name + ": check status out of range");
    }
    for (const auto& e : fs::directory_iterator(o.suite / "cases"))
        if (names.count(e.path().filename().string()) == 0)
            problems.push_back(e.path().filename().string() + ": a case folder with no row in README.md");
    for (const std::string& p : problems) std::cout << "table: " << p << "\n";
    std::cout << (problems.empty() ? "PASS" : "FAIL") << " table (" << rows.size() << " cases)\n";
    return problems.empty() ? 0 : 1;
}

std::string cmake_quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\' || c == '$' || c == ';') out += '\\';
        out += c;
    }
    return out + "\"";
}

void emit_ctest(const Options& o, const std::vector<Row>& rows, char** argv0) {
    std::ostringstream s;
    s << "# Generated by galley_bad_tests from tests/bad/README.md; do not edit.\n";
    const std::string self = fs::canonical("/proc/self/exe").string();
    std::string common = " --suite " + cmake_quote(o.suite.string()) + " --galley " + cmake_quote(o.galley.string()) +
                         " --data " + cmake_quote(o.data_dir.string()) + (o.sanitized ? " --sanitized" : "");
    (void)argv0;
    s << "add_test(" << cmake_quote("bad: table") << " " << cmake_quote(self) << " --table" << common << ")\n";
    s << "set_tests_properties(" << cmake_quote("bad: table") << " PROPERTIES LABELS bad)\n";
    for (const Row& r : rows) {
        const std::string name = "bad: " + r.name;
        s << "add_test(" << cmake_quote(name) << " " << cmake_quote(self) << " --case " << cmake_quote(r.name) << common
          << ")\n";
        // Room for check and build, each up to its wall-clock limit.
        s << "set_tests_properties(" << cmake_quote(name) << " PROPERTIES LABELS bad SKIP_RETURN_CODE 77 TIMEOUT "
          << 2 * 6 * cpu_limit_of(o, r) + 60;
        if (!r.known_failing.empty()) s << " WILL_FAIL TRUE";
        for (const std::string& step : r.setup)
            if (step.rfind("listen ", 0) == 0) s << " RESOURCE_LOCK " << cmake_quote("port-" + trim(step.substr(7)));
        s << ")\n";
    }
    std::string text = s.str();
    if (fs::exists(o.emit) && read_file(o.emit) == text) return;  // keep the timestamp
    write_file(o.emit, text);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--suite") o.suite = value();
        else if (a == "--galley") o.galley = value();
        else if (a == "--data") o.data_dir = value();
        else if (a == "--sanitized") o.sanitized = true;
        else if (a == "--keep") o.keep = true;
        else if (a == "-v" || a == "--verbose") o.verbose = true;
        else if (a == "--case") { o.mode = "case"; o.cases.push_back(value()); }
        else if (a == "--table") o.mode = "table";
        else if (a == "--emit-ctest") { o.mode = "emit"; o.emit = value(); }
        else if (a == "--help" || a == "-h") {
            std::cout << "usage: galley_bad_tests --suite DIR --galley BIN --data DIR [--sanitized] [--keep] [-v]\n"
                         "                        [--case NAME]... | --table | --emit-ctest FILE\n";
            std::exit(0);
        } else die("unknown argument '" + a + "'");
    }
    if (o.suite.empty() || o.galley.empty() || o.data_dir.empty()) die("--suite, --galley and --data are required");
    o.suite = fs::absolute(o.suite);
    o.galley = fs::absolute(o.galley);
    o.data_dir = fs::absolute(o.data_dir);
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    ::signal(SIGPIPE, SIG_IGN);
    std::cout << std::unitbuf;
    Options o = parse(argc, argv);
    std::vector<Row> rows = read_table(o.suite / "README.md");
    if (o.mode == "emit") {
        emit_ctest(o, rows, argv);
        return 0;
    }
    if (o.mode == "table") return check_table(o, rows);
    if (!fs::exists(o.galley)) die("no galley binary at " + o.galley.string());
    int failed = 0, expected_failures = 0, unexpected_passes = 0, skipped = 0, passed = 0;
    for (const Row& r : rows) {
        if (o.mode == "case" && std::find(o.cases.begin(), o.cases.end(), r.name) == o.cases.end()) continue;
        int rc = run_case(o, r);
        if (rc == kSkip) ++skipped;
        else if (rc != 0 && !r.known_failing.empty()) ++expected_failures;
        else if (rc != 0) ++failed;
        else if (!r.known_failing.empty()) ++unexpected_passes;
        else ++passed;
    }
    const int ran = passed + failed + expected_failures + unexpected_passes + skipped;
    if (ran == 0) die("no such case");
    if (o.mode == "case" && o.cases.size() == 1) return failed + expected_failures > 0 ? 1 : skipped ? kSkip : 0;
    std::cout << "\n" << passed << " passed, " << expected_failures << " known-failing (failed as expected), "
              << unexpected_passes << " known-failing that now pass, " << failed << " FAILED, " << skipped
              << " skipped\n";
    return failed + unexpected_passes > 0 ? 1 : 0;
}

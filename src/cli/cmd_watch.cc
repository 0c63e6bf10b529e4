// galley watch: build an issue, then rebuild it whenever a file in its
// folder changes (inotify, debounced), one summary line per rebuild. The
// layout, fonts and text setter stay loaded between builds (EditionBuilder),
// so a rebuild after an edit skips their set-up and reuses the shaping and
// hyphenation caches.
#include <sys/inotify.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>

#include "cli/build_options.h"
#include "cli/build_pipeline.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/exit_codes.h"
#include "cli/issue_session.h"
#include "cli/options.h"

namespace galley::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

CommandSpec watch_spec() {
    CommandSpec spec{"watch",
        "galley watch [OPTIONS] ISSUE_DIR",
        "Build an issue's editions, then rebuild them whenever a file in its folder changes.",
        "Changes are collected until the folder has been quiet for --debounce\n"
        "milliseconds, then the issue is read again and rebuilt; one line is printed\n"
        "per rebuild. The output folder is not watched. Stop with Ctrl-C.",
        {
            {0, "debounce", "MS", "300", "quiet time before a rebuild, in milliseconds"},
            {0, "max-rebuilds", "N", "", "stop after N rebuilds (for scripts and tests)"},
            {0, "strict", "", "", "treat warnings as errors"},
            {'q', "quiet", "", "", "print diagnostics only"},
        },
        1};
    // The options shared with galley build come first.
    const std::vector<OptionSpec> shared = edition_options();
    spec.options.insert(spec.options.begin(), shared.begin(), shared.end());
    return spec;
}

// Watches a folder tree, skipping hidden folders and the output folder.
class TreeWatch {
public:
    // `skip` may not exist yet (the first build creates it): compare paths.
    TreeWatch(std::filesystem::path root, const std::filesystem::path& skip)
        : root_(std::move(root)), skip_(normal(skip)) {
        fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    }
    ~TreeWatch() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool ok() const { return fd_ >= 0; }
    int fd() const { return fd_; }

    void add_tree(const std::filesystem::path& dir) {
        add(dir);
        std::error_code ec;
        for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
             !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
            if (!it->is_directory(ec) || it->is_symlink(ec)) continue;
            if (skipped(it->path())) {
                it.disable_recursion_pending();
                continue;
            }
            add(it->path());
        }
    }

    /// Reads pending events; returns whether any concerns the issue.
    bool drain() {
        alignas(inotify_event) char buf[16384];
        bool relevant = false;
        for (;;) {
            ssize_t n = ::read(fd_, buf, sizeof buf);
            if (n <= 0) break;
            for (char* p = buf; p < buf + n;) {
                auto* ev = reinterpret_cast<inotify_event*>(p);
                p += sizeof(inotify_event) + ev->len;
                auto dir = dirs_.find(ev->wd);
                if (dir == dirs_.end()) continue;
                std::filesystem::path path = ev->len > 0 ? dir->second / ev->name : dir->second;
                if (skipped(path)) continue;
                if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
                relevant = true;
            }
        }
        return relevant;
    }

private:
    static std::filesystem::path normal(const std::filesystem::path& p) {
        std::filesystem::path n = std::filesystem::absolute(p).lexically_normal();
        return n.has_filename() ? n : n.parent_path();
    }
    bool skipped(const std::filesystem::path& p) const {
        std::string name = p.filename().string();
        if (!name.empty() && name[0] == '.') return true;
        if (skip_.empty()) return false;
        // Inside the output folder (or the folder itself)?
        std::filesystem::path rel = normal(p).lexically_relative(skip_);
        return !rel.empty() && *rel.begin() != "..";
    }
    void add(const std::filesystem::path& dir) {
        int wd = inotify_add_watch(fd_, dir.c_str(),
                                   IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB);
        if (wd >= 0) dirs_[wd] = dir;
    }

    std::filesystem::path root_;
    std::filesystem::path skip_;
    int fd_ = -1;
    std::map<int, std::filesystem::path> dirs_;
};

bool parse_number(const std::optional<std::string>& v, int lo, int hi, int& out) {
    if (!v) return true;
    if (v->empty() || v->size() > 6 || v->find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(*v);
    return out >= lo && out <= hi;
}

}  // namespace

int run_watch(const std::vector<std::string>& args, Streams& io) {
    CommandSpec spec = watch_spec();
    std::string error;
    auto parsed = parse_args(spec, args, error);
    int debounce_ms = 300, max_rebuilds = -1;
    BuildRequest request;
    if (parsed && !parsed->help) {
        if (parsed->operands.size() != 1) error = "'galley watch' takes exactly one ISSUE_DIR";
        else if (!parse_number(parsed->value("debounce"), 10, 60000, debounce_ms))
            error = "option '--debounce' takes milliseconds from 10 to 60000";
        else if (!parse_number(parsed->value("max-rebuilds"), 0, 1000000, max_rebuilds))
            error = "option '--max-rebuilds' takes a whole number";
        else
            error = build_request_from(*parsed, request);
    }
    if (!parsed || !error.empty()) {
        io.err << "galley watch: " << error << "\nTry 'galley watch --help'.\n";
        return kUsage;
    }
    if (parsed->help) {
        io.out << help_text(spec);
        return kSuccess;
    }
    const std::string input = parsed->operands[0];
    if (!std::filesystem::is_directory(input)) {
        io.err << "galley watch: '" << input << "' is not an issue folder\n";
        return kUsage;
    }
    SessionOptions opts;
    opts.layout = request.layout;
    opts.jobs = request.jobs;
    opts.strict = parsed->flag("strict");
    opts.quiet = parsed->flag("quiet");
    request.strict = opts.strict;

    TreeWatch watch(input, request.out_dir);
    if (!watch.ok()) {
        io.err << "galley watch: cannot watch '" << input << "': " << std::strerror(errno) << "\n";
        return kOutputFailure;
    }
    watch.add_tree(input);
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);

    EditionBuilder builder;
    PrintOptions print{io.colour, {}};
    int rebuilds = 0;
    int last_status = kSuccess;
    auto build_once = [&](const char* verb) {
        auto started = std::chrono::steady_clock::now();
        auto issues = load_issues({input}, opts, builder);
        LoadedIssue& li = issues.front();
        print_diagnostics(io.err, li.diags, print);
        bool errors = li.diags.has_errors() || (opts.strict && li.diags.count(Severity::warning) > 0) || !li.read.issue;
        std::string id = li.read.issue ? li.read.issue->id : input;
        if (errors) {
            io.out << "not " << verb << " " << id << ": " << summary(li.diags) << "; fix and save to try again\n";
            last_status = kInputErrors;
        } else {
            Diagnostics build_diags;
            BuildOutcome outcome = builder.build(*li.read.issue, request, build_diags);
            build_diags.sort_by_location();
            build_diags.drop_repeats();
            build_diags.drop_reported_in(li.diags, "W-GLYPH-MISSING");  // the issue-wide check found it first
            print_diagnostics(io.err, build_diags, print);
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            if (!opts.quiet || outcome.written.empty()) {
                if (outcome.written.empty()) {
                    io.out << "not " << verb << " " << id << ": " << summary(build_diags) << "; nothing written\n";
                } else {
                    std::string line = summary_line(*li.read.issue, li.read.failed_articles.size(), outcome, seconds);
                    io.out << verb << line.substr(std::string("built").size()) << "\n";
                }
            }
            last_status = outcome.output_failed ? kOutputFailure : outcome.written.empty() ? kInputErrors : kSuccess;
        }
        io.out.flush();
    };

    build_once("built");
    while (!g_stop && (max_rebuilds < 0 || rebuilds < max_rebuilds)) {
        pollfd pfd{watch.fd(), POLLIN, 0};
        int rc = ::poll(&pfd, 1, 500);
        if (rc <= 0 || !watch.drain()) continue;
        // Debounce: wait until the folder has been quiet for a while.
        for (;;) {
            rc = ::poll(&pfd, 1, debounce_ms);
            if (rc <= 0) break;
            watch.drain();
        }
        build_once("rebuilt");
        ++rebuilds;
    }
    return last_status;
}

}  // namespace galley::cli

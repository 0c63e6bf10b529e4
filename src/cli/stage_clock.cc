#include "cli/stage_clock.h"

#include <sys/resource.h>

#include <utility>

namespace galley::cli {

namespace {

rusage usage_of(int who) {
    rusage u{};
    if (::getrusage(who, &u) != 0) return rusage{};
    return u;
}

double cpu_of(const rusage& u) {
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

double process_cpu_seconds() { return cpu_of(usage_of(RUSAGE_SELF)); }

double thread_cpu_seconds() { return cpu_of(usage_of(RUSAGE_THREAD)); }

double peak_resident_mb() {
    return static_cast<double>(usage_of(RUSAGE_SELF).ru_maxrss) / 1024.0;  // Linux: kilobytes
}

StageClock::StageClock() : wall_(std::chrono::steady_clock::now()), cpu_(process_cpu_seconds()) {}

StageTiming StageClock::done(std::string name, std::string note) const {
    StageTiming t;
    t.name = std::move(name);
    t.note = std::move(note);
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_).count();
    t.cpu_seconds = process_cpu_seconds() - cpu_;
    t.peak_mb = peak_resident_mb();
    return t;
}

}  // namespace galley::cli

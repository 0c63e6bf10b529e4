// What one stage of a build cost (for -v and bench/): wall time, the
// process's CPU time (all threads) over the same interval, and the
// process's peak resident memory when the stage ended.
//
// Stages that run side by side (the EPUB beside the PDF, the PDF drawn
// while the composer lays out later pages) overlap: each one's CPU time
// counts every thread busy during its interval, so the CPU times of
// overlapping stages must not be added. The peak is the process's high-water
// mark so far, so the first stage whose peak is the build's is the one
// that reached it.
#pragma once

#include <chrono>
#include <string>

namespace galley::cli {

/// One step of a build (-v).
struct StageTiming {
    std::string name;  ///< "read", "compose", "pdf", "epub", ...
    double seconds = 0;
    std::string note;  ///< e.g. "50 articles, 1204 paragraphs on 2 threads"
    double cpu_seconds = 0;  ///< user + system, all threads, during the stage
    double peak_mb = 0;      ///< the process's peak resident set when it ended (MB)
};

/// Starts timing at construction.
class StageClock {
public:
    StageClock();
    /// The stage from construction to now.
    StageTiming done(std::string name, std::string note = {}) const;

private:
    std::chrono::steady_clock::time_point wall_;
    double cpu_;
};

/// User + system CPU seconds of the whole process so far.
double process_cpu_seconds();
/// The same for the calling thread alone.
double thread_cpu_seconds();
/// The process's peak resident set so far, in MB.
double peak_resident_mb();

}  // namespace galley::cli

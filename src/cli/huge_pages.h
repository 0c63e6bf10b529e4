// The executable's heap on transparent huge pages.
//
// A build touches tens of megabytes of fresh heap (the 50-article issue
// about 45 MB), and each 4 KB page of it costs a page fault: on these
// virtual machines the faults took about a tenth of the build's CPU
// samples (perf record, 2026-12-07: docs/benchmarks.md). Under
// tcmalloc (GALLEY_TCMALLOC), the heap's memory comes from the system in
// chunks rounded up to 2 MB, aligned to 2 MB and marked MADV_HUGEPAGE, so
// a kernel whose transparent huge pages are "madvise" or "always" backs
// each with one huge page and one fault. Where the kernel has them off
// the madvise does nothing and the chunks are ordinary memory.
#pragma once

namespace galley::cli {

/// Makes tcmalloc take its memory from the system as 2 MB-aligned chunks
/// marked for huge pages. Call once, first thing in main; only in an
/// executable linked with tcmalloc.
void back_heap_with_huge_pages();

}  // namespace galley::cli

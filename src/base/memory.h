// Giving freed heap memory back to the system between the stages of a build.
//
// The allocator keeps what the program frees for its next allocations; a
// build's peak would then be each stage's memory on top of the last's (the
// set paragraphs under the PDF, the PDF's pages under the EPUB). The stages
// call release_free_memory() where a large part of the heap has just been
// freed. It asks whichever allocator the executable runs on: tcmalloc's
// ReleaseFreeMemory when galley is linked with it (GALLEY_TCMALLOC, see
// docs/benchmarks.md), else glibc's malloc_trim.
#pragma once

namespace galley {

/// Returns the heap's free pages to the system; does nothing on an
/// allocator it does not know.
void release_free_memory();

}  // namespace galley

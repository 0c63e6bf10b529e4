#include "base/memory.h"

#include <cstdlib>  // defines __GLIBC__ on the GNU C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// tcmalloc's C entry point. Weak: base links no allocator of its own; the
// symbol is there only when the executable is linked with tcmalloc (which
// then also owns malloc and free), and null otherwise.
extern "C" void MallocExtension_ReleaseFreeMemory(void) __attribute__((weak));

namespace galley {

void release_free_memory() {
    if (MallocExtension_ReleaseFreeMemory != nullptr) {
        MallocExtension_ReleaseFreeMemory();
        return;
    }
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace galley

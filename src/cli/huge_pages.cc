#include "cli/huge_pages.h"

#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace galley::cli {
namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

/// tcmalloc's source of memory: anonymous mappings of whole huge pages,
/// aligned to one, marked MADV_HUGEPAGE. What it cannot serve (an
/// alignment above 2 MB, a failed mapping) goes to tcmalloc's own.
class HugePageAllocator final : public SysAllocator {
public:
    explicit HugePageAllocator(SysAllocator* fallback) : fallback_(fallback) {}

    void* Alloc(std::size_t size, std::size_t* actual_size, std::size_t alignment) override {
        if (alignment > kHugePage || size > SIZE_MAX - 2 * kHugePage)
            return fallback_->Alloc(size, actual_size, alignment);
        const std::size_t length = (size + kHugePage - 1) & ~(kHugePage - 1);
        // One huge page more than asked, to cut an aligned run out of.
        void* mapped = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (mapped == MAP_FAILED) return fallback_->Alloc(size, actual_size, alignment);
        const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
        const std::uintptr_t aligned = (begin + kHugePage - 1) & ~(std::uintptr_t{kHugePage} - 1);
        const std::uintptr_t end = begin + length + kHugePage;
        if (aligned > begin) munmap(mapped, aligned - begin);
        if (end > aligned + length) munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
        // Refused (transparent huge pages compiled out): ordinary pages.
        madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
        if (actual_size != nullptr) *actual_size = length;
        return reinterpret_cast<void*>(aligned);
    }

private:
    SysAllocator* fallback_;
};

}  // namespace

void back_heap_with_huge_pages() {
    MallocExtension* tcmalloc = MallocExtension::instance();
    // Lives as long as the heap it serves: never freed.
    static HugePageAllocator allocator(tcmalloc->GetSystemAllocator());
    tcmalloc->SetSystemAllocator(&allocator);
}

}  // namespace galley::cli

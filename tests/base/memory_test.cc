#include <doctest/doctest.h>

#include <cstddef>
#include <fstream>
#include <memory>
#include <vector>

#include <unistd.h>

#include "base/memory.h"

#if defined(__SANITIZE_ADDRESS__)
#define GALLEY_TEST_OWN_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GALLEY_TEST_OWN_ALLOCATOR 1
#endif
#endif

// Under AddressSanitizer there is nothing to test: its allocator keeps freed
// memory in quarantine and has no trim.
#if !defined(GALLEY_TEST_OWN_ALLOCATOR)
namespace {

// Resident memory of this process in bytes, from /proc (0 when unreadable).
std::size_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    if (!(statm >> pages >> resident)) return 0;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

TEST_CASE("release_free_memory hands freed heap pages back to the system") {
    if (resident_bytes() == 0) return;  // no /proc here
    // 64 MB in small blocks, then one block after them that stays, so the
    // heap cannot simply shrink from its top when the rest is freed.
    constexpr std::size_t kBlocks = 256 * 1024, kSize = 256;
    std::vector<std::unique_ptr<char[]>> blocks;
    blocks.reserve(kBlocks);
    for (std::size_t i = 0; i < kBlocks; ++i) {
        blocks.emplace_back(new char[kSize]);
        for (std::size_t j = 0; j < kSize; j += 64) blocks.back()[j] = static_cast<char>(i);
    }
    auto pin = std::make_unique<char[]>(kSize);
    pin[0] = 1;
    for (auto& b : blocks) b.reset();
    const std::size_t before = resident_bytes();
    galley::release_free_memory();
    const std::size_t after = resident_bytes();
    // At least half of the 64 MB goes back.
    CHECK(before > after);
    CHECK(before - after > kBlocks * kSize / 2);
    CHECK(pin[0] == 1);
}
#endif

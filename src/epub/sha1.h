// SHA-1 (FIPS 180-4), written here so the EPUB writer needs no crypto
// library. Used only for naming, never for security: content-derived image
// names and the UUIDv5 identifier (RFC 9562, which specifies SHA-1).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::epub {

using Sha1Digest = std::array<std::uint8_t, 20>;

/// Incremental SHA-1: update() any number of times, then digest() once.
class Sha1 {
public:
    Sha1();
    void update(const void* data, std::size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    /// Finishes the hash. The object must not be updated afterwards.
    Sha1Digest digest();

private:
    void block(const std::uint8_t* p);

    std::array<std::uint32_t, 5> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t total_bytes_ = 0;
};

/// The SHA-1 of `bytes`.
Sha1Digest sha1(std::string_view bytes);

/// Lowercase hexadecimal of `size` bytes.
std::string to_hex(const std::uint8_t* bytes, std::size_t size);

}  // namespace galley::epub

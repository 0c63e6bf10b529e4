// Name-based identifiers: UUID version 5 (RFC 9562, section 5.5), so the same
// issue always gets the same dc:identifier when its manifest gives none.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace galley::epub {

using UuidBytes = std::array<std::uint8_t, 16>;

/// The RFC 9562 namespace for URLs (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
inline constexpr UuidBytes kUuidNamespaceUrl{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                             0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
/// The RFC 9562 namespace for DNS names (6ba7b810-...), for test vectors.
inline constexpr UuidBytes kUuidNamespaceDns{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                             0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

/// The UUIDv5 of `name` (UTF-8 bytes) in `name_space`, in the canonical
/// lowercase 8-4-4-4-12 form.
std::string uuid_v5(const UuidBytes& name_space, std::string_view name);

/// "urn:uuid:..." for an issue without an identifier of its own: the UUIDv5,
/// in the URL namespace, of "urn:galley:issue:" + issue id + ":" + publication.
/// (Issue ids cannot contain ':', so no two pairs give the same name.)
std::string issue_uuid_urn(std::string_view publication, std::string_view issue_id);

}  // namespace galley::epub

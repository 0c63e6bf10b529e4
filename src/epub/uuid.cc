#include "epub/uuid.h"

#include "epub/sha1.h"

namespace galley::epub {

std::string uuid_v5(const UuidBytes& name_space, std::string_view name) {
    Sha1 h;
    h.update(name_space.data(), name_space.size());
    h.update(name);
    Sha1Digest d = h.digest();
    UuidBytes u{};
    for (std::size_t i = 0; i < u.size(); ++i) u[i] = d[i];
    u[6] = static_cast<std::uint8_t>((u[6] & 0x0f) | 0x50);  // version 5
    u[8] = static_cast<std::uint8_t>((u[8] & 0x3f) | 0x80);  // RFC variant
    std::string hex = to_hex(u.data(), u.size());
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}

std::string issue_uuid_urn(std::string_view publication, std::string_view issue_id) {
    std::string name = "urn:galley:issue:";
    name += issue_id;
    name += ':';
    name += publication;
    return "urn:uuid:" + uuid_v5(kUuidNamespaceUrl, name);
}

}  // namespace galley::epub

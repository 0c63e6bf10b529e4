// Internal to galley_media: the per-format probes behind probe_image() and
// the message helpers they share. Each probe gets bytes whose magic already
// matched its format and a file name whose extension agrees.
#pragma once

#include "media/image_probe.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace galley::media_detail {

using Bytes = std::span<const std::uint8_t>;

ProbeResult probe_png(Bytes bytes, std::string_view name, const ImageLimits& limits);
ProbeResult probe_jpeg(Bytes bytes, std::string_view name, const ImageLimits& limits);
ProbeResult probe_gif(Bytes bytes, std::string_view name, const ImageLimits& limits);
ProbeResult probe_svg(Bytes bytes, std::string_view name, const ImageLimits& limits);

/// E-IMAGE-CORRUPT: "'name' is a damaged PNG image: <detail>".
ImageProblem damaged(std::string_view name, ImageType type, std::string_view detail);
/// The usual truncation detail: "it is truncated (the file ends <where>)".
ImageProblem truncated(std::string_view name, ImageType type, std::string_view where);
/// E-IMAGE-UNSUPPORTED: "'name' <detail>".
ImageProblem unsupported(std::string_view name, std::string_view detail);

/// Zero sizes (E-IMAGE-CORRUPT), the pixel budget and the longest side
/// (E-IMAGE-TOO-LARGE). Called on header values, before any decoding.
std::optional<ImageProblem> check_budget(std::string_view name, ImageType type, std::uint64_t width,
                                         std::uint64_t height, const ImageLimits& limits);

/// libpng and libjpeg messages are sentences with a capital letter; ours
/// embed them lower-case-first.
std::string lower_first(std::string s);

inline std::uint32_t be32(Bytes b, std::size_t at) {
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) |
           std::uint32_t{b[at + 3]};
}
inline std::uint32_t be16(Bytes b, std::size_t at) { return (std::uint32_t{b[at]} << 8) | std::uint32_t{b[at + 1]}; }
inline std::uint32_t le16(Bytes b, std::size_t at) { return std::uint32_t{b[at]} | (std::uint32_t{b[at + 1]} << 8); }

}  // namespace galley::media_detail

// Resource limits the reader enforces before doing expensive work.
#pragma once

#include <cstdint>

#include "base/xml_prescan.h"
#include "media/image_probe.h"

namespace galley::read {

struct ReadLimits {
    /// Largest article or manifest file read (bytes).
    std::uint64_t max_xml_bytes = 8u * 1024u * 1024u;
    /// Attributes and namespace declarations per element of an article or
    /// manifest, counted before parsing (libxml2 is quadratic in them).
    MarkupLimits markup;
    /// Largest image file read (bytes).
    std::uint64_t max_image_bytes = 64u * 1024u * 1024u;
    /// Pixel budget and decoder bounds per image.
    ImageLimits image;
};

}  // namespace galley::read

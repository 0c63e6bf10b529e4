// Names of images inside the EPUB: derived from the bytes alone, never from
// the input path (which may hold personal names, spaces or odd characters,
// and which would make two copies of one picture two files).
#pragma once

#include <string>
#include <string_view>

#include "model/block.h"

namespace galley::epub {

/// "jpg", "png", "gif" or "svg".
const char* image_extension(model::ImageFormat format);

/// The image's stem: the first 20 hex digits (80 bits) of the SHA-1 of its
/// bytes.
std::string image_stem(std::string_view bytes);

/// "images/<stem>.<ext>".
std::string image_href(std::string_view bytes, model::ImageFormat format);

}  // namespace galley::epub

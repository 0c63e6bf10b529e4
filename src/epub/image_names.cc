#include "epub/image_names.h"

#include "epub/sha1.h"

namespace galley::epub {

const char* image_extension(model::ImageFormat format) {
    switch (format) {
        case model::ImageFormat::jpeg: return "jpg";
        case model::ImageFormat::png: return "png";
        case model::ImageFormat::gif: return "gif";
        case model::ImageFormat::svg: return "svg";
    }
    return "bin";
}

std::string image_stem(std::string_view bytes) {
    Sha1Digest d = sha1(bytes);
    return to_hex(d.data(), 10);
}

std::string image_href(std::string_view bytes, model::ImageFormat format) {
    return "images/" + image_stem(bytes) + "." + image_extension(format);
}

}  // namespace galley::epub

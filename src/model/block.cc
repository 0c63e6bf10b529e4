#include "model/block.h"

namespace galley::model {

const char* format_name(ImageFormat f) {
    switch (f) {
        case ImageFormat::jpeg: return "JPEG";
        case ImageFormat::png: return "PNG";
        case ImageFormat::gif: return "GIF";
        case ImageFormat::svg: return "SVG";
    }
    return "JPEG";
}

const char* media_type(ImageFormat f) {
    switch (f) {
        case ImageFormat::jpeg: return "image/jpeg";
        case ImageFormat::png: return "image/png";
        case ImageFormat::gif: return "image/gif";
        case ImageFormat::svg: return "image/svg+xml";
    }
    return "image/jpeg";
}

bool in_print(Edition e) { return e != Edition::digital; }
bool in_digital(Edition e) { return e != Edition::print; }

}  // namespace galley::model

#include "render/adobe_jpeg.h"

#include <memory>
#include <vector>

#include <qpdf/Buffer.hh>

namespace galley::render {

bool has_adobe_marker(const std::string& jpeg) {
    std::size_t pos = 2;
    while (pos + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[pos]) == 0xFF) {
        unsigned char marker = static_cast<unsigned char>(jpeg[pos + 1]);
        if (marker == 0xDA || marker == 0xD9) return false;
        std::size_t length = (std::size_t(static_cast<unsigned char>(jpeg[pos + 2])) << 8) |
                             static_cast<unsigned char>(jpeg[pos + 3]);
        if (marker == 0xEE && length >= 7 && jpeg.compare(pos + 4, 5, "Adobe") == 0) return true;
        if (length < 2) return false;
        pos += 2 + length;
    }
    return false;
}

bool mark_inverted_cmyk_jpeg(QPDFObjectHandle image) {
    if (!image.isStream()) return false;
    QPDFObjectHandle dict = image.getDict();
    if (!dict.getKey("/Subtype").isNameAndEquals("/Image") || !dict.getKey("/Filter").isNameAndEquals("/DCTDecode") ||
        !dict.getKey("/ColorSpace").isNameAndEquals("/DeviceCMYK") || dict.hasKey("/Decode"))
        return false;
    std::shared_ptr<Buffer> data = image.getRawStreamData();
    if (!has_adobe_marker(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()))) return false;
    std::vector<QPDFObjectHandle> decode;
    for (int i = 0; i < 4; ++i) {
        decode.push_back(QPDFObjectHandle::newInteger(1));
        decode.push_back(QPDFObjectHandle::newInteger(0));
    }
    dict.replaceKey("/Decode", QPDFObjectHandle::newArray(decode));
    return true;
}

}  // namespace galley::render

#include "render/number_format.h"

#include <charconv>
#include <cmath>

namespace galley::render {

std::string fixed(double value, int decimals) {
    if (!std::isfinite(value)) return "nan";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (ec != std::errc()) return "overflow";
    std::string out(buf, end);
    // A value that rounds to zero prints without its sign.
    if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
    return out;
}

}  // namespace galley::render

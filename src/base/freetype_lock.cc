#include "base/freetype_lock.h"

namespace galley {

std::mutex& cairo_freetype_mutex() {
    static std::mutex m;
    return m;
}

}  // namespace galley

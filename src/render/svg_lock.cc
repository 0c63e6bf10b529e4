#include "render/svg_lock.h"

namespace galley::render {

std::mutex& svg_render_mutex() {
    static std::mutex m;
    return m;
}

}  // namespace galley::render

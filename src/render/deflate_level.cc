#include "render/deflate_level.h"

#include <zlib.h>

namespace galley::render {

namespace {

// Per thread: cairo deflates on the thread that draws, so a drawing's scope
// never changes the level of anything another thread compresses, and two
// drawings on two threads cannot undo each other's.
thread_local int t_level = Z_DEFAULT_COMPRESSION;

}  // namespace

DeflateLevel::DeflateLevel(int level) : previous_(t_level) { t_level = level; }

DeflateLevel::~DeflateLevel() { t_level = previous_; }

int default_deflate_level() { return t_level; }

}  // namespace galley::render

// zlib's deflateInit_ (deflate.c), with the default level taken from the
// innermost DeflateLevel. 8 is zlib's DEF_MEM_LEVEL, which zlib.h does not
// export. Exported by default visibility, so cairo's call binds here.
extern "C" __attribute__((visibility("default"))) int deflateInit_(z_streamp strm, int level, const char* version,
                                                                     int stream_size) {
    if (level == Z_DEFAULT_COMPRESSION) level = galley::render::default_deflate_level();
    return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

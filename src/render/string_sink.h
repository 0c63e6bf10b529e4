// Cairo's write callback for output held in memory: every PDF and PNG galley
// draws goes to a std::string, and only the output writer touches the disk.
#pragma once

#include <cairo.h>

namespace galley::render {

/// A cairo_write_func_t appending to the std::string `closure` points to;
/// CAIRO_STATUS_WRITE_ERROR when memory runs out, so cairo reports it.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length);

}  // namespace galley::render

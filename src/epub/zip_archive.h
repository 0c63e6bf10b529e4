// The EPUB container as bytes: a ZIP built in memory with libzip, mimetype
// first and stored, every entry with the same fixed DOS time (from UTC) and
// the same Unix mode, so the bytes depend only on the entries given. The
// caller writes the result through base/output_file; libzip never touches
// the target path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace galley::epub {

enum class ZipMethod { store, deflate };

struct ZipEntry {
    std::string name;  ///< Path inside the archive: relative, '/' separated, no '.' or '..'.
    std::string data;
    ZipMethod method = ZipMethod::deflate;
};

/// An MS-DOS date and time as stored in ZIP headers (2-second resolution,
/// 1980..2107).
struct DosTimestamp {
    std::uint16_t time = 0;
    std::uint16_t date = 0x21;  ///< 1980-01-01
};

/// The DOS timestamp of a moment given in seconds since the Unix epoch, read
/// in UTC (never the local time zone); clamped to 1980-01-01 .. 2107-12-31.
DosTimestamp dos_timestamp_utc(std::int64_t unix_seconds);

/// Whether `name` may be an entry name: not empty, relative, no empty, '.'
/// or '..' component, no backslash or control character.
bool valid_entry_name(const std::string& name);

/// The archive's bytes, entries in the order given (the caller puts
/// `mimetype` first). Every entry gets `when` and mode 0644. On failure
/// reports E-EPUB-ZIP and returns nothing.
std::optional<std::string> build_zip(const std::vector<ZipEntry>& entries, DosTimestamp when, Diagnostics& diags);

}  // namespace galley::epub

#include "epub/zip_archive.h"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <sstream>

#include "base/civil_time.h"

namespace galley::epub {
namespace {

constexpr zip_uint32_t kRegularFile0644 = 0100644u;

struct SourceCloser {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceCloser>;

void report(Diagnostics& diags, const std::string& what, const std::string& detail) {
    diags.error("E-EPUB-ZIP", {}, "cannot build the EPUB container: " + what + (detail.empty() ? "" : ": " + detail));
}

std::string error_text(zip_error_t* e) {
    const char* s = zip_error_strerror(e);
    return s ? s : "unknown libzip error";
}

}  // namespace

DosTimestamp dos_timestamp_utc(std::int64_t unix_seconds) {
    constexpr std::int64_t kMin = 315532800;    // 1980-01-01T00:00:00Z
    constexpr std::int64_t kMax = 4354819198;   // 2107-12-31T23:59:58Z
    CivilTime t = civil_from_unix(std::clamp(unix_seconds, kMin, kMax));
    DosTimestamp d;
    d.time = static_cast<std::uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
    d.date = static_cast<std::uint16_t>(((t.year - 1980) << 9) | (t.month << 5) | t.day);
    return d;
}

bool valid_entry_name(const std::string& name) {
    if (name.empty() || name.front() == '/') return false;
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f) return false;
    std::istringstream parts(name);
    std::string part;
    std::size_t count = 0;
    while (std::getline(parts, part, '/')) {
        ++count;
        if (part.empty() || part == "." || part == "..") return false;
    }
    return count > 0 && name.back() != '/';
}

std::optional<std::string> build_zip(const std::vector<ZipEntry>& entries, DosTimestamp when, Diagnostics& diags) {
    if (entries.empty()) {
        report(diags, "no entries", "");
        return std::nullopt;
    }
    zip_error_t error;
    zip_error_init(&error);
    SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) {
        report(diags, "memory buffer", error_text(&error));
        zip_error_fini(&error);
        return std::nullopt;
    }
    // zip_open_from_source takes over one reference; keep ours to read the
    // finished archive back after zip_close.
    zip_source_keep(buffer.get());
    zip_t* za = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!za) {
        zip_source_free(buffer.get());  // the reference the failed open did not take
        report(diags, "open", error_text(&error));
        zip_error_fini(&error);
        return std::nullopt;
    }
    zip_error_fini(&error);

    for (const ZipEntry& e : entries) {
        if (!valid_entry_name(e.name)) {
            report(diags, "invalid entry name '" + e.name + "'", "");
            zip_discard(za);
            return std::nullopt;
        }
        zip_source_t* src = zip_source_buffer(za, e.data.data(), e.data.size(), 0);
        if (!src) {
            report(diags, "entry " + e.name, zip_strerror(za));
            zip_discard(za);
            return std::nullopt;
        }
        zip_int64_t index = zip_file_add(za, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            report(diags, "entry " + e.name, zip_strerror(za));
            zip_discard(za);
            return std::nullopt;
        }
        auto idx = static_cast<zip_uint64_t>(index);
        bool stored = e.method == ZipMethod::store;
        if (zip_set_file_compression(za, idx, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : 9) != 0 ||
            zip_file_set_dostime(za, idx, when.time, when.date, 0) != 0 ||
            zip_file_set_external_attributes(za, idx, 0, ZIP_OPSYS_UNIX, kRegularFile0644 << 16) != 0) {
            report(diags, "entry " + e.name, zip_strerror(za));
            zip_discard(za);
            return std::nullopt;
        }
    }
    // The entries' data is read only now.
    if (zip_close(za) != 0) {
        report(diags, "writing the archive", zip_strerror(za));
        zip_discard(za);
        return std::nullopt;
    }

    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(buffer.get(), &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(buffer.get()) != 0) {
        report(diags, "reading the archive back", zip_error_strerror(zip_source_error(buffer.get())));
        return std::nullopt;
    }
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t got = zip_source_read(buffer.get(), out.data(), st.size);
    zip_source_close(buffer.get());
    if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
        report(diags, "reading the archive back", "short read");
        return std::nullopt;
    }
    return out;
}

}  // namespace galley::epub

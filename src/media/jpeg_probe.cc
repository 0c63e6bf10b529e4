// JPEG: walk the markers to the frame header (SOFn), bounded by the file ->
// budget -> refuse variants nobody downstream can show -> walk on to the
// end-of-image marker counting scans (SOS), skipping entropy-coded data ->
// refuse too many scans -> decode everything with libjpeg at 1/8 scale (every
// Huffman code is still read) with an error handler that longjmps, warnings
// about corrupt data treated as errors, a memory cap and a scan cap.
#include "media/probe_detail.h"

#include "base/content_root.h"

#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <jpeglib.h>
#include <jerror.h>

namespace galley::media_detail {
namespace {

constexpr ImageType jpeg = ImageType::jpeg;

constexpr std::uint8_t SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, APP0 = 0xE0;

bool is_sof(std::uint8_t m) { return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC; }
bool is_standalone(std::uint8_t m) { return m == 0x01 || (m >= 0xD0 && m <= 0xD7); }

struct Segment {
    std::uint8_t marker = 0;
    std::size_t at = 0;  // offset of the 0xFF
    Bytes data;          // payload after the length field
};

enum class Step { segment, end, truncated, bad };

// Reads the marker segment at `pos` and moves past it (and past the
// entropy-coded data after an SOS). Every call advances at least two bytes.
Step next_segment(Bytes b, std::size_t& pos, Segment& seg) {
    if (pos >= b.size()) return Step::truncated;
    seg.at = pos;
    if (b[pos] != 0xFF) return Step::bad;
    while (pos < b.size() && b[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= b.size()) return Step::truncated;
    seg.marker = b[pos++];
    seg.data = {};
    if (seg.marker == EOI) return Step::end;
    if (is_standalone(seg.marker)) return Step::segment;
    if (seg.marker == 0x00 || seg.marker == SOI) return Step::bad;
    if (b.size() - pos < 2) return Step::truncated;
    const std::size_t length = be16(b, pos);
    if (length < 2) return Step::bad;
    if (b.size() - pos < length) return Step::truncated;
    seg.data = b.subspan(pos + 2, length - 2);
    pos += length;
    if (seg.marker == SOS) {
        // Entropy-coded data runs to the next marker: 0xFF not followed by
        // a stuffed 0x00, a restart marker or another fill byte.
        while (pos < b.size()) {
            if (b[pos] != 0xFF) {
                ++pos;
                continue;
            }
            if (pos + 1 >= b.size()) {
                pos = b.size();
                break;
            }
            std::uint8_t n = b[pos + 1];
            if (n == 0x00 || (n >= 0xD0 && n <= 0xD7)) {
                pos += 2;
            } else if (n == 0xFF) {
                ++pos;
            } else {
                break;
            }
        }
    }
    return Step::segment;
}

// libjpeg's error manager, extended with where to jump and what was said.
struct ErrorManager {
    jpeg_error_mgr pub;  // first: libjpeg hands us a pointer to it
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
    int code;
    bool too_many_scans;
};

struct ProgressMonitor {
    jpeg_progress_mgr pub;  // first, likewise
    int max_scans;
};

ErrorManager& manager(j_common_ptr c) { return *reinterpret_cast<ErrorManager*>(c->err); }

[[noreturn]] void on_error(j_common_ptr c) {
    ErrorManager& e = manager(c);
    (*c->err->format_message)(c, e.message);
    e.code = c->err->msg_code;
    std::longjmp(e.jump, 1);
}

// Warnings that mean the data is damaged stop the decode; libjpeg would
// otherwise paint the rest grey and carry on.
bool is_corruption(int code) {
    switch (code) {
        case JWRN_JPEG_EOF:
        case JWRN_HIT_MARKER:
        case JWRN_HUFF_BAD_CODE:
        case JWRN_ARITH_BAD_CODE:
        case JWRN_MUST_RESYNC:
        case JWRN_NOT_SEQUENTIAL:
        case JWRN_BOGUS_PROGRESSION: return true;
        default: return false;
    }
}

void on_message(j_common_ptr c, int level) {
    if (level < 0 && is_corruption(c->err->msg_code)) on_error(c);
}

void on_output(j_common_ptr) {}

void on_progress(j_common_ptr c) {
    auto* monitor = reinterpret_cast<ProgressMonitor*>(c->progress);
    if (!c->is_decompressor) return;
    if (reinterpret_cast<j_decompress_ptr>(c)->input_scan_number > monitor->max_scans) {
        manager(c).too_many_scans = true;
        std::longjmp(manager(c).jump, 1);
    }
}

// Decodes every scanline into one row. No object with a destructor lives in
// this frame; the caller destroys `cinfo` whatever happens.
bool decode(jpeg_decompress_struct& cinfo, ErrorManager& err, ProgressMonitor& progress, Bytes bytes, long max_memory) {
    if (setjmp(err.jump)) return false;
    jpeg_create_decompress(&cinfo);
    cinfo.mem->max_memory_to_use = max_memory;
    cinfo.progress = &progress.pub;
    jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
    jpeg_read_header(&cinfo, TRUE);
    cinfo.scale_num = 1;
    cinfo.scale_denom = 8;
    cinfo.dct_method = JDCT_IFAST;
    cinfo.do_fancy_upsampling = FALSE;
    cinfo.do_block_smoothing = FALSE;
    jpeg_start_decompress(&cinfo);
    const JDIMENSION row_size = cinfo.output_width * static_cast<JDIMENSION>(cinfo.output_components);
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE, row_size, 1);
    while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, row, 1);
    jpeg_finish_decompress(&cinfo);
    return true;
}

ProbeResult refuse_scans(std::string_view name, bool progressive, std::string_view count, int limit) {
    return ImageProblem{"E-IMAGE-TOO-MANY-SCANS", quote_path(name) + " is a " + (progressive ? "progressive " : "") +
                                                      "JPEG with " + std::string(count) + " scans; the limit is " +
                                                      std::to_string(limit)};
}

}  // namespace

ProbeResult probe_jpeg(Bytes bytes, std::string_view name, const ImageLimits& limits) {
    ImageInfo info;
    info.type = jpeg;

    // The header, up to the frame header.
    std::size_t pos = 2;
    Segment seg;
    bool have_frame = false;
    unsigned precision = 0, components = 0;
    std::uint8_t process = 0;
    while (!have_frame) {
        switch (next_segment(bytes, pos, seg)) {
            case Step::truncated: return truncated(name, jpeg, "before its frame header");
            case Step::end: return damaged(name, jpeg, "it ends without a frame header");
            case Step::bad:
                return damaged(name, jpeg, "it has no marker where one should be, at byte " + std::to_string(seg.at));
            case Step::segment: break;
        }
        Bytes d = seg.data;
        if (seg.marker == APP0 && d.size() >= 12 && std::memcmp(d.data(), "JFIF\0", 5) == 0) {
            const double per_inch = d[7] == 1 ? 1.0 : d[7] == 2 ? 2.54 : 0.0;
            info.dpi_x = be16(d, 8) * per_inch;
            info.dpi_y = be16(d, 10) * per_inch;
        } else if (seg.marker == SOS) {
            return damaged(name, jpeg, "its image data starts before its frame header");
        } else if (is_sof(seg.marker)) {
            if (d.size() < 6) return damaged(name, jpeg, "its frame header is too short");
            precision = d[0];
            info.height_px = be16(d, 1);
            info.width_px = be16(d, 3);
            components = d[5];
            if (d.size() < 6 + 3 * std::size_t{components}) return damaged(name, jpeg, "its frame header is too short");
            process = seg.marker;
            have_frame = true;
        }
    }
    if (auto problem = check_budget(name, jpeg, info.width_px, info.height_px, limits)) return *problem;

    // Variants that browsers, e-book readers or PDF viewers cannot show.
    if (process == 0xC9 || process == 0xCA)
        return unsupported(name, "uses arithmetic coding, which browsers and e-book readers cannot display");
    if (process != 0xC0 && process != 0xC1 && process != 0xC2)
        return unsupported(name, "is a lossless or hierarchical JPEG, which galley cannot read");
    if (precision != 8)
        return unsupported(name, "has " + std::to_string(precision) + "-bit samples; galley reads 8-bit JPEG images");
    if (components != 1 && components != 3 && components != 4)
        return unsupported(name, "has " + std::to_string(components) +
                                     " colour components; galley reads greyscale, colour and CMYK JPEG images");
    info.progressive = process == 0xC2;

    // The rest of the file, counting scans.
    long scans = 0;
    for (bool done = false; !done;) {
        switch (next_segment(bytes, pos, seg)) {
            case Step::truncated: return truncated(name, jpeg, "before its end-of-image marker");
            case Step::end: done = true; break;
            case Step::bad:
                return damaged(name, jpeg, "it has no marker where one should be, at byte " + std::to_string(seg.at));
            case Step::segment:
                if (seg.marker == SOS) ++scans;
                if (is_sof(seg.marker)) return damaged(name, jpeg, "it has a second frame header");
                break;
        }
    }
    if (scans == 0) return damaged(name, jpeg, "it has no image data");
    if (scans > limits.max_jpeg_scans) return refuse_scans(name, info.progressive, std::to_string(scans), limits.max_jpeg_scans);

    // Decode.
    jpeg_decompress_struct cinfo;
    std::memset(&cinfo, 0, sizeof cinfo);
    ErrorManager err;
    std::memset(&err, 0, sizeof err);
    cinfo.err = jpeg_std_error(&err.pub);
    err.pub.error_exit = on_error;
    err.pub.emit_message = on_message;
    err.pub.output_message = on_output;
    ProgressMonitor progress;
    std::memset(&progress, 0, sizeof progress);
    progress.pub.progress_monitor = on_progress;
    progress.max_scans = limits.max_jpeg_scans;
    const bool ok = decode(cinfo, err, progress, bytes, limits.max_jpeg_memory);
    jpeg_destroy_decompress(&cinfo);
    if (ok) return info;
    if (err.too_many_scans)
        return refuse_scans(name, info.progressive, "more than " + std::to_string(limits.max_jpeg_scans), limits.max_jpeg_scans);
    if (err.code == JERR_OUT_OF_MEMORY || err.code == JERR_NO_BACKING_STORE || err.code == JERR_TFILE_CREATE)
        return ImageProblem{"E-IMAGE-TOO-LARGE", quote_path(name) + " needs more than " +
                                                     std::to_string(limits.max_jpeg_memory / (1024 * 1024)) +
                                                     " MB of memory to decode"};
    return damaged(name, jpeg, "its image data cannot be decoded (" + lower_first(err.message) + ")");
}

}  // namespace galley::media_detail

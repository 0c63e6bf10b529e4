// libFuzzer target: the image probe, in memory (media::probe_image), the
// code that stands between untrusted bytes and libpng, libjpeg, Cairo and
// every EPUB reading system.
//
// The input is the file. Its name is photo.<ext> with the extension its
// magic bytes call for (so the probe gets past its name check and into the
// format parsers), except when the input's length is a multiple of 7, which
// keeps the type-mismatch paths covered too.
//
// Invariants checked besides crashes: an accepted raster image is inside the
// pixel budget; a refusal has a stable E-IMAGE-* code and a message that
// names the file.
#include <cstdint>
#include <span>
#include <string>

#include "fuzz_support.h"
#include "media/image_probe.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::string name = "img/photo.";
    name += size % 7 == 0 ? "png" : galley::fuzz::extension_for(bytes);

    // Small limits, so the fuzzer reaches the budget checks with small files.
    galley::ImageLimits limits;
    limits.max_pixels = 4'000'000;
    limits.max_side = 4'000;
    limits.max_jpeg_scans = 20;
    limits.max_jpeg_memory = 64L * 1024 * 1024;

    galley::ProbeResult r = galley::probe_image(std::span<const std::uint8_t>(data, size), name, limits);
    if (const auto* info = std::get_if<galley::ImageInfo>(&r)) {
        if (info->type != galley::ImageType::svg) {
            if (info->width_px == 0 || info->height_px == 0) __builtin_trap();
            if (std::uint64_t{info->width_px} * info->height_px > limits.max_pixels) __builtin_trap();
            if (info->width_px > limits.max_side || info->height_px > limits.max_side) __builtin_trap();
        }
    } else {
        const auto& p = std::get<galley::ImageProblem>(r);
        if (p.code.rfind("E-IMAGE-", 0) != 0) __builtin_trap();
        if (p.message.find("photo") == std::string::npos) __builtin_trap();
    }
    return 0;
}

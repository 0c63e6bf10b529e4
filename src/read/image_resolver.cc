#include "read/image_resolver.h"

#include <span>

namespace galley::read {
namespace {

model::ImageFormat format_of(ImageType t) {
    switch (t) {
        case ImageType::jpeg: return model::ImageFormat::jpeg;
        case ImageType::png: return model::ImageFormat::png;
        case ImageType::gif: return model::ImageFormat::gif;
        case ImageType::svg: return model::ImageFormat::svg;
    }
    return model::ImageFormat::jpeg;
}

}  // namespace

std::optional<model::Image> ImageResolver::resolve(const std::string& src, std::optional<std::string> alt,
                                                   const std::filesystem::path& referring_dir,
                                                   const SourceLocation& where, Diagnostics& diags) {
    PathResult resolved = root_.resolve(src, referring_dir, "image path");
    if (auto* refusal = std::get_if<PathRefusal>(&resolved)) {
        diags.error(refusal->code, where, refusal->message);
        return std::nullopt;
    }
    const ResolvedPath& path = std::get<ResolvedPath>(resolved);
    Probed* entry = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        std::unique_ptr<Probed>& slot = cache_[path.absolute.string()];
        if (!slot) slot = std::make_unique<Probed>();
        entry = slot.get();
    }
    Probed& probed = *entry;
    std::call_once(probed.done, [&] { probe(probed, path); });
    if (!probed.ok) {
        diags.error(probed.code, where, probed.message);
        return std::nullopt;
    }
    model::Image image = probed.image;
    image.src = src;
    image.path = path.relative;
    image.alt = std::move(alt);
    return image;
}

void ImageResolver::probe(Probed& probed, const ResolvedPath& path) const {
    ReadResult bytes = root_.read(path, limits_.max_image_bytes);
    if (auto* refusal = std::get_if<PathRefusal>(&bytes)) {
        probed.code = refusal->code;
        probed.message = refusal->message;
        return;
    }
    const auto& data = std::get<std::vector<std::uint8_t>>(bytes);
    ProbeResult info =
        probe_image(std::span<const std::uint8_t>(data.data(), data.size()), path.relative, limits_.image);
    if (auto* problem = std::get_if<ImageProblem>(&info)) {
        probed.code = problem->code;
        probed.message = problem->message;
        return;
    }
    const ImageInfo& ii = std::get<ImageInfo>(info);
    probed.ok = true;
    probed.image.path = path.relative;
    probed.image.format = format_of(ii.type);
    probed.image.width_px = ii.width_px;
    probed.image.height_px = ii.height_px;
    probed.image.dpi_x = ii.dpi_x;
    probed.image.dpi_y = ii.dpi_y;
}

}  // namespace galley::read

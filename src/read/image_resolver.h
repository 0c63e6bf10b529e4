// Turns an <image src alt> into a model::Image: resolves the path inside the
// issue folder (base/content_root), reads the file with a size cap and probes
// it (media/image_probe). Every refusal becomes a diagnostic at the article
// line; the same file is probed once per issue.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "base/content_root.h"
#include "base/diagnostic.h"
#include "media/image_probe.h"
#include "model/block.h"
#include "read/limits.h"

namespace galley::read {

class ImageResolver {
public:
    ImageResolver(const ContentRoot& root, const ReadLimits& limits) : root_(root), limits_(limits) {}
    virtual ~ImageResolver() = default;

    /// `referring_dir` is the folder of the article (or manifest) that names
    /// the image; `where` is the <image> element's location.
    virtual std::optional<model::Image> resolve(const std::string& src, std::optional<std::string> alt,
                                                const std::filesystem::path& referring_dir,
                                                const SourceLocation& where, Diagnostics& diags);

private:
    struct Probed {
        bool ok = false;
        model::Image image;
        std::string code;
        std::string message;
    };
    const ContentRoot& root_;
    ReadLimits limits_;
    std::map<std::string, Probed> cache_;  // by normalised relative path
};

}  // namespace galley::read

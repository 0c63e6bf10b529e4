// Turns an <image src alt> into a model::Image: resolves the path inside the
// issue folder (base/content_root), reads the file with a size cap and probes
// it (media/image_probe). Every refusal becomes a diagnostic at the article
// line; the same file is probed once per issue. Thread-safe: articles are
// read on several threads, and a file two of them name is probed once.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
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
        std::once_flag done;  // probed by the first thread that asks
        bool ok = false;
        model::Image image;
        std::string code;
        std::string message;
    };
    void probe(Probed& probed, const ResolvedPath& path) const;

    const ContentRoot& root_;
    ReadLimits limits_;
    std::mutex mutex_;  // guards cache_ (not the entries, which have their once_flag)
    std::map<std::string, std::unique_ptr<Probed>> cache_;  // by absolute path
};

}  // namespace galley::read

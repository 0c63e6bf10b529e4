// <body> children (and an aside's blocks) -> model::Block values.
#pragma once

#include <filesystem>
#include <vector>

#include <libxml/tree.h>

#include "model/block.h"
#include "read/image_resolver.h"
#include "xml/document.h"

namespace galley::read {

struct BlockContext {
    const xml::Document& doc;
    ImageResolver& images;
    std::filesystem::path article_dir;  ///< the article's folder, for relative image paths
    Diagnostics& diags;
};

std::vector<model::Block> read_blocks(const xmlNode* parent, BlockContext& ctx);

/// W-ALT-MISSING when `image` has no alt attribute (alt="" is decorative).
void warn_if_alt_missing(const model::Image& image, const SourceLocation& where, Diagnostics& diags);

/// Reads a <figure>'s image, caption and credit (also used for the lead figure).
std::optional<model::Figure> read_figure(const xmlNode* figure, BlockContext& ctx);

}  // namespace galley::read

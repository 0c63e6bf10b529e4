// One validated <article> document -> model::Article.
#pragma once

#include <filesystem>
#include <string>

#include "model/article.h"
#include "read/image_resolver.h"
#include "xml/document.h"

namespace galley::read {

/// `relative_file` is the article's path inside the issue folder ('/'
/// separated); `article_dir` its folder on disk, against which image paths
/// resolve. The document must already have passed the article schema.
model::Article read_article(const xml::Document& doc, const std::string& relative_file,
                            const std::filesystem::path& article_dir, ImageResolver& images, Diagnostics& diags);

}  // namespace galley::read

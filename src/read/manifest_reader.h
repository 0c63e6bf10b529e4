// issue.xml -> the issue's metadata and the list of article files per
// section (resolved and read later by the issue reader).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/issue.h"
#include "xml/document.h"

namespace galley::read {

struct PictureRef {
    std::string src;
    std::optional<std::string> alt;
    SourceLocation where;
};

struct ArticleRef {
    std::string src;
    SourceLocation where;
};

struct ManifestSection {
    std::string title;
    std::vector<ArticleRef> articles;
};

struct Manifest {
    model::Issue issue;  ///< metadata only; sections, logo, cover and house ads left empty
    std::optional<PictureRef> logo;
    std::optional<PictureRef> cover;
    std::vector<PictureRef> house_ads;
    std::vector<ManifestSection> sections;
};

/// The document must already have passed the issue schema.
Manifest read_manifest(const xml::Document& doc);

}  // namespace galley::read

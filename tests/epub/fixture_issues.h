// Issues the EPUB tests build besides the bundled sample, written into temp
// folders: one article, no images at all, and every block and inline kind
// the vocabulary has (with print-only and digital-only blocks).
#pragma once

#include <filesystem>
#include <string>

#include "support/test_support.h"

namespace galley::test {

/// A single article file with a lead JPEG; returns the article file's path.
std::filesystem::path write_one_article_issue(const TempDir& dir);

/// A folder without issue.xml: two articles, no images, no identifier;
/// returns the folder.
std::filesystem::path write_no_images_issue(const TempDir& dir);

/// A folder `name` with issue.xml (in English) and one article "udhr" in
/// `lang`, headed `headline`, with `body` (the body element's content) in
/// section "World"; returns the folder.
std::filesystem::path write_language_issue(const TempDir& dir, const std::string& name, const std::string& lang,
                                           const std::string& headline, const std::string& body);

/// A folder with issue.xml (logo, cover, ISSN, volume, number, no
/// identifier) and two sections: "every-block" uses every block, inline and
/// end-matter element, including print-only and digital-only blocks;
/// "target" is what its related item refers to; "en-francais" is in French.
std::filesystem::path write_every_block_issue(const TempDir& dir);

/// Words that appear only in print-only blocks of the every-block issue.
inline constexpr const char* kPrintOnlyMarker = "PRINTONLYMARKER";
/// A word that appears only in a digital-only block.
inline constexpr const char* kDigitalOnlyMarker = "DIGITALONLYMARKER";

/// A real JPEG (the sample's cover picture).
std::string sample_jpeg();
/// A 1x1 GIF89a.
std::string tiny_gif();
/// A small SVG with a title.
std::string tiny_svg();

}  // namespace galley::test

// What goes into the book and where: the digital edition of each article,
// every file's name inside the package, and the images read once and named
// after their content. Every part writer reads this plan; none of them
// decides a file name or reads a file itself.
//
// Package layout (paths relative to the package folder EPUB/):
//   package.opf  nav.xhtml  toc.ncx  cover.xhtml  contents.xhtml
//   sections/section-N.xhtml   articles/<article id>.xhtml
//   css/galley.css   fonts/*   images/<content hash>.<ext>
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "model/issue.h"

namespace galley::epub {

/// The package folder inside the ZIP, and fixed document names in it.
inline constexpr std::string_view kPackageDir = "EPUB";
inline constexpr std::string_view kPackageHref = "package.opf";
inline constexpr std::string_view kNavHref = "nav.xhtml";
inline constexpr std::string_view kNcxHref = "toc.ncx";
inline constexpr std::string_view kCoverHref = "cover.xhtml";
inline constexpr std::string_view kContentsHref = "contents.xhtml";
inline constexpr std::string_view kStylesheetHref = "css/galley.css";

/// An image copied into the book.
struct ImageResource {
    std::string href;        ///< "images/<hash>.<ext>"
    std::string id;          ///< Manifest id.
    std::string media_type;  ///< image/jpeg, image/png, image/gif, image/svg+xml
    std::string bytes;
    bool cover = false;      ///< The cover image (manifest property cover-image).
};

struct ArticleEntry {
    const model::Article* article = nullptr;
    std::string href;  ///< "articles/<id>.xhtml"
    std::string id;    ///< Manifest id.
    std::size_t section = 0;
};

struct SectionEntry {
    const model::Section* section = nullptr;
    std::string href;  ///< "sections/section-N.xhtml"
    std::string id;
    std::vector<std::size_t> articles;  ///< Indexes into BookPlan::articles().
};

/// What the accessibility metadata states, found while planning.
struct ContentFacts {
    bool has_images = false;
    bool every_image_has_alt = true;  ///< alt="" (decorative) counts as given.
    bool has_tables = false;
    bool has_pullquotes = false;
    std::vector<std::string> languages;  ///< Issue language first, then others used, in order of appearance.
};

/// A picture handed in by the caller rather than read from the issue folder:
/// the print edition's front page, rendered, used as the cover when the
/// manifest names none.
struct SuppliedCover {
    std::string bytes;
    model::ImageFormat format = model::ImageFormat::png;
    std::uint32_t width_px = 0;
    std::uint32_t height_px = 0;
    std::string alt;
};

/// The plan points into the issue it was made from, which must outlive it.
class BookPlan {
public:
    /// Plans the book for `issue`, reading every image the digital edition
    /// uses through the issue's content root. Reports E-EPUB-EMPTY (no
    /// article) and E-EPUB-IMAGE-READ; returns nothing on error.
    /// `front_page`, when given, is the cover unless the manifest names one.
    static std::optional<BookPlan> make(const model::Issue& issue, const layout::Labels& labels,
                                        const SuppliedCover* front_page, Diagnostics& diags);

    const model::Issue& issue() const { return *issue_; }
    const std::vector<SectionEntry>& sections() const { return sections_; }
    const std::vector<ArticleEntry>& articles() const { return articles_; }
    /// The entry of an article of the issue, or null.
    const ArticleEntry* find_article(std::string_view id) const;
    /// The resource an image of the model was copied to (null if never planned).
    const ImageResource* image(const model::Image& image) const;
    /// Every image, sorted by href (no duplicates: equal bytes share one).
    const std::vector<ImageResource>& images() const { return images_; }
    /// The cover picture (manifest cover, else the supplied front page, else
    /// the first article's lead figure) and the model image it came from;
    /// null when there is none.
    const ImageResource* cover_image() const;
    const model::Image* cover_source() const { return cover_source_; }
    /// The manifest's logo, or null.
    const ImageResource* logo_image() const;
    const ContentFacts& facts() const { return facts_; }
    /// The words the book adds itself, from the layout (label.*).
    const layout::Labels& labels() const { return labels_; }

private:
    BookPlan() = default;
    void plan_documents();
    void choose_cover();
    /// Every image the book shows (cover page, then articles), noting the facts.
    std::vector<std::pair<const model::Image*, SourceLocation>> images_shown();
    bool copy_images(const std::vector<std::pair<const model::Image*, SourceLocation>>& shown, Diagnostics& diags);
    void add_image(const std::string& path, std::string bytes, model::ImageFormat format);
    void sort_images();
    void collect_languages();

    const model::Issue* issue_ = nullptr;
    layout::Labels labels_;
    std::vector<SectionEntry> sections_;
    std::vector<ArticleEntry> articles_;
    std::vector<ImageResource> images_;
    std::vector<std::pair<std::string, std::size_t>> image_by_path_;  // issue-relative path -> images_
    const model::Image* cover_source_ = nullptr;
    // The supplied front page as a model image (heap: the plan is moved, the
    // pointer in cover_source_ must stay valid) and its bytes.
    std::shared_ptr<model::Image> supplied_image_;
    std::string supplied_bytes_;
    ContentFacts facts_;
};

/// The blocks of `blocks` that belong in the digital edition, in order.
std::vector<const model::Block*> digital_blocks(const std::vector<model::Block>& blocks);

/// `to` as a link from the document `from` (both relative to the package
/// folder): "articles/a.xhtml" -> "images/x.png" gives "../images/x.png".
std::string relative_href(std::string_view from, std::string_view to);

}  // namespace galley::epub

#include "epub/epub_writer.h"

#include <algorithm>

#include "base/civil_time.h"
#include "base/output_file.h"
#include "epub/article_page.h"
#include "epub/book_plan.h"
#include "epub/contents_page.h"
#include "epub/cover_page.h"
#include "epub/nav_document.h"
#include "epub/ncx.h"
#include "epub/package_document.h"
#include "epub/section_page.h"
#include "epub/stylesheet.h"
#include "epub/zip_archive.h"
#include "layout/label_text.h"
#include "model/language.h"

namespace galley::epub {
namespace {

constexpr const char* kXhtmlType = "application/xhtml+xml";

/// A document of the book, in manifest order.
struct Part {
    ManifestItem item;
    std::string data;
    bool in_spine = false;
    ZipMethod method = ZipMethod::deflate;
};

std::int64_t build_time(const model::Issue& issue, const EpubOptions& options) {
    if (options.source_date_epoch) return *options.source_date_epoch;
    if (auto date = parse_date(issue.date)) return unix_from_civil(*date);
    return 315532800;  // 1980-01-01: the reader guarantees a date, but never depend on the clock
}

/// The content documents in reading order: cover, contents, then each
/// section's index page followed by its articles.
std::vector<Part> content_documents(const BookPlan& plan) {
    std::vector<Part> parts;
    parts.push_back({{"cover", std::string(kCoverHref), kXhtmlType, ""}, cover_page(plan), true});
    parts.push_back({{"contents", std::string(kContentsHref), kXhtmlType, ""}, contents_page(plan), true});
    for (const SectionEntry& s : plan.sections()) {
        parts.push_back({{s.id, s.href, kXhtmlType, ""}, section_page(plan, s), true});
        for (std::size_t index : s.articles) {
            const ArticleEntry& a = plan.articles()[index];
            parts.push_back({{a.id, a.href, kXhtmlType, ""}, article_page(plan, a), true});
        }
    }
    return parts;
}

ZipMethod method_for(const std::string& media_type) {
    // JPEG, PNG and GIF are compressed already.
    if (media_type == "image/jpeg" || media_type == "image/png" || media_type == "image/gif") return ZipMethod::store;
    return ZipMethod::deflate;
}

}  // namespace

std::string epub_file_name(const model::Issue& issue) { return issue.id + ".epub"; }

std::optional<EpubBuild> build_epub(const model::Issue& issue, const layout::Layout& layout,
                                    const fonts::FontLibrary* fonts, const EpubOptions& options, Diagnostics& diags) {
    const std::size_t errors_before = diags.count(Severity::error);
    std::optional<BookPlan> plan =
        BookPlan::make(issue, layout.labels, options.front_page ? &*options.front_page : nullptr, diags);
    if (!plan) return std::nullopt;

    const std::int64_t when = build_time(issue, options);
    PackageParts package;
    package.identifier = book_identifier(issue);
    package.title = layout::edition_title(issue.publication, issue.date, issue.title, layout.labels);
    package.modified = format_utc_timestamp(civil_from_unix(when));

    std::vector<Part> documents = content_documents(*plan);
    Part nav{{"nav", std::string(kNavHref), kXhtmlType, "nav"}, nav_document(*plan)};
    Part ncx{{"ncx", std::string(kNcxHref), "application/x-dtbncx+xml", ""},
             ncx_document(*plan, package.identifier, package.title)};

    // Style and fonts: subset to the characters the documents show.
    const auto& languages = plan->facts().languages;
    BookScripts scripts;
    for (const std::string& lang : languages) {
        if (model::right_to_left(lang)) scripts.right_to_left = true;
        if (model::indents_by_characters(lang)) scripts.character_indents.push_back(lang);
        if (model::stacks_marks(lang)) scripts.stacked_marks.push_back(lang);
        if (model::justifies_between_letters(lang)) scripts.letter_justified.push_back(lang);
    }
    std::vector<CssRule> rules = stylesheet_rules(layout, scripts);
    FontEmbedding embedding;
    if (fonts && options.fonts != FontMode::none) {
        std::set<char32_t> codepoints;
        for (const Part& d : documents) collect_text_codepoints(d.data, codepoints);
        collect_text_codepoints(nav.data, codepoints);
        collect_utf8_codepoints(stylesheet_generated_text(layout), codepoints);
        embedding = embed_fonts(*fonts, font_uses(rules, layout), options.fonts, codepoints, diags);
    }
    if (diags.count(Severity::error) > errors_before) return std::nullopt;
    std::vector<FontFace> faces;
    for (const EmbeddedFont& f : embedding.fonts) faces.push_back(f.face);
    Part css{{"css", std::string(kStylesheetHref), "text/css", ""}, stylesheet_css(rules, faces)};

    // Manifest order: navigation, style, documents in reading order, fonts, images.
    std::vector<Part> parts;
    parts.push_back(std::move(nav));
    parts.push_back(std::move(ncx));
    parts.push_back(std::move(css));
    for (Part& d : documents) parts.push_back(std::move(d));
    for (EmbeddedFont& f : embedding.fonts)
        parts.push_back({{f.id, f.face.href, f.media_type, ""}, std::move(f.bytes), false, ZipMethod::deflate});
    for (const ImageResource& img : plan->images())
        parts.push_back({{img.id, img.href, img.media_type, img.cover ? "cover-image" : ""}, img.bytes, false,
                         method_for(img.media_type)});
    for (const Part& p : parts) {
        package.items.push_back(p.item);
        if (p.in_spine) package.spine.push_back(p.item.id);
    }

    std::vector<ZipEntry> entries;
    entries.push_back({"mimetype", "application/epub+zip", ZipMethod::store});
    entries.push_back({"META-INF/container.xml", container_xml(), ZipMethod::deflate});
    const std::string dir = std::string(kPackageDir) + "/";
    entries.push_back({dir + std::string(kPackageHref), package_document(*plan, package), ZipMethod::deflate});
    for (Part& p : parts) entries.push_back({dir + p.item.href, std::move(p.data), p.method});

    std::optional<std::string> zip = build_zip(entries, dos_timestamp_utc(when), diags);
    if (!zip) return std::nullopt;

    EpubBuild out;
    out.stats.bytes = zip->size();
    out.stats.sections = plan->sections().size();
    out.stats.articles = plan->articles().size();
    out.stats.images = plan->images().size();
    out.stats.fonts = embedding.fonts.size();
    out.stats.font_original_bytes = embedding.original_bytes;
    out.stats.font_embedded_bytes = embedding.embedded_bytes;
    out.bytes = std::move(*zip);
    return out;
}

bool write_epub(const model::Issue& issue, const layout::Layout& layout, const fonts::FontLibrary* fonts,
                const EpubOptions& options, const std::filesystem::path& target, Diagnostics& diags,
                EpubStats* stats) {
    std::optional<EpubBuild> book = build_epub(issue, layout, fonts, options, diags);
    if (!book) return false;
    if (!write_file_atomically(target, book->bytes, diags)) return false;
    if (stats) *stats = book->stats;
    return true;
}

}  // namespace galley::epub

#include "epub/book_plan.h"

#include <algorithm>
#include <variant>

#include "base/content_root.h"
#include "epub/article_walk.h"
#include "epub/image_names.h"

namespace galley::epub {
namespace {

constexpr std::uint64_t kMaxImageBytes = 64u * 1024u * 1024u;

}  // namespace

std::vector<const model::Block*> digital_blocks(const std::vector<model::Block>& blocks) {
    std::vector<const model::Block*> out;
    for (const model::Block& b : blocks)
        if (model::in_digital(b.edition)) out.push_back(&b);
    return out;
}

std::string relative_href(std::string_view from, std::string_view to) {
    // Common folder prefix, then one ".." per remaining folder of `from`.
    std::size_t common = 0;
    for (std::size_t i = 0; i < from.size() && i < to.size() && from[i] == to[i]; ++i)
        if (from[i] == '/') common = i + 1;
    std::string out;
    for (std::size_t i = common; i < from.size(); ++i)
        if (from[i] == '/') out += "../";
    out += to.substr(common);
    return out;
}

const ArticleEntry* BookPlan::find_article(std::string_view id) const {
    for (const ArticleEntry& a : articles_)
        if (a.article->id == id) return &a;
    return nullptr;
}

const ImageResource* BookPlan::image(const model::Image& img) const {
    for (const auto& [path, index] : image_by_path_)
        if (path == img.path) return &images_[index];
    return nullptr;
}

const ImageResource* BookPlan::cover_image() const { return cover_source_ ? image(*cover_source_) : nullptr; }

const ImageResource* BookPlan::logo_image() const {
    return issue_->logo ? image(*issue_->logo) : nullptr;
}

void BookPlan::plan_documents() {
    for (const model::Section& section : issue_->sections) {
        if (section.articles.empty()) continue;
        SectionEntry s;
        s.section = &section;
        s.id = "section-" + std::to_string(sections_.size() + 1);
        s.href = "sections/" + s.id + ".xhtml";
        for (const model::Article& article : section.articles) {
            s.articles.push_back(articles_.size());
            articles_.push_back({&article, "articles/" + article.id + ".xhtml", "article-" + article.id,
                                 sections_.size()});
        }
        sections_.push_back(std::move(s));
    }
}

void BookPlan::choose_cover() {
    if (issue_->cover) {
        cover_source_ = &*issue_->cover;
        return;
    }
    if (supplied_image_) {
        cover_source_ = supplied_image_.get();
        return;
    }
    for (const model::Block* b : digital_blocks(articles_.front().article->body)) {
        const auto* f = std::get_if<model::Figure>(&b->node);
        if (f && f->placement == model::Placement::lead) {
            cover_source_ = &f->image;
            return;
        }
    }
}

std::vector<std::pair<const model::Image*, SourceLocation>> BookPlan::images_shown() {
    std::vector<std::pair<const model::Image*, SourceLocation>> shown;
    auto note = [&](const model::Image& img, const SourceLocation& where) {
        shown.push_back({&img, where});
        facts_.has_images = true;
        if (!img.alt) facts_.every_image_has_alt = false;
    };
    // The cover page shows the cover picture and the logo.
    if (cover_source_) note(*cover_source_, {issue_->root, 0, 0});
    if (issue_->logo) note(*issue_->logo, {issue_->root, 0, 0});
    auto walk = [&](auto&& self, const std::vector<model::Block>& blocks) -> void {
        for (const model::Block* b : digital_blocks(blocks)) {
            if (const auto* f = std::get_if<model::Figure>(&b->node)) {
                note(f->image, b->where);
            } else if (const auto* a = std::get_if<model::Aside>(&b->node)) {
                self(self, a->blocks);
            } else if (std::holds_alternative<model::Table>(b->node)) {
                facts_.has_tables = true;
            } else if (std::holds_alternative<model::PullQuote>(b->node)) {
                facts_.has_pullquotes = true;
            }
        }
    };
    for (const ArticleEntry& a : articles_) walk(walk, a.article->body);
    return shown;
}

bool BookPlan::copy_images(const std::vector<std::pair<const model::Image*, SourceLocation>>& shown,
                           Diagnostics& diags) {
    ContentRoot root(issue_->root);
    bool ok = true;
    for (const auto& [img, where] : shown) {
        if (image(*img)) continue;  // the same path again
        if (img == supplied_image_.get()) {
            add_image(img->path, supplied_bytes_, img->format);
            continue;
        }
        PathResult resolved = root.resolve(img->path, {}, "image path");
        const PathRefusal* refusal = std::get_if<PathRefusal>(&resolved);
        ReadResult read;
        if (!refusal) {
            read = root.read(std::get<ResolvedPath>(resolved), kMaxImageBytes);
            refusal = std::get_if<PathRefusal>(&read);
        }
        if (refusal) {
            diags.error("E-EPUB-IMAGE-READ", where, "cannot copy image into the EPUB: " + refusal->message);
            ok = false;
            continue;
        }
        const auto& data = std::get<std::vector<std::uint8_t>>(read);
        add_image(img->path, std::string(data.begin(), data.end()), img->format);
    }
    return ok;
}

void BookPlan::add_image(const std::string& path, std::string bytes, model::ImageFormat format) {
    std::string href = image_href(bytes, format);
    auto same = std::find_if(images_.begin(), images_.end(), [&](const ImageResource& r) { return r.href == href; });
    if (same == images_.end()) {
        images_.push_back({href, "img-" + image_stem(bytes), model::media_type(format), std::move(bytes)});
        same = images_.end() - 1;
    }
    image_by_path_.push_back({path, static_cast<std::size_t>(same - images_.begin())});
}

void BookPlan::sort_images() {
    std::vector<std::size_t> order(images_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return images_[a].href < images_[b].href; });
    std::vector<ImageResource> sorted;
    std::vector<std::size_t> new_index(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        new_index[order[i]] = i;
        sorted.push_back(std::move(images_[order[i]]));
    }
    images_ = std::move(sorted);
    for (auto& entry : image_by_path_) entry.second = new_index[entry.second];
    if (cover_source_)
        for (const auto& [path, index] : image_by_path_)
            if (path == cover_source_->path) images_[index].cover = true;
}

void BookPlan::collect_languages() {
    auto& langs = facts_.languages;
    auto add = [&](const std::string& lang) {
        if (!lang.empty() && std::find(langs.begin(), langs.end(), lang) == langs.end()) langs.push_back(lang);
    };
    add(issue_->lang);
    for (const ArticleEntry& a : articles_) add(a.article->lang);
    for (const ArticleEntry& a : articles_) {
        for_each_digital_inlines(*a.article, [&](const model::Inlines& content) {
            for_each_span(content, [&](const model::Span& span) { add(span.lang); });
        });
    }
}

std::optional<BookPlan> BookPlan::make(const model::Issue& issue, const layout::Labels& labels,
                                       const SuppliedCover* front_page, Diagnostics& diags) {
    BookPlan plan;
    plan.issue_ = &issue;
    plan.labels_ = labels;
    if (front_page && !front_page->bytes.empty()) {
        plan.supplied_image_ = std::make_shared<model::Image>();
        // Not a file of the issue: a name no issue path can take (paths
        // never contain ':'), so it cannot collide with a real image.
        plan.supplied_image_->path = "galley:front-page";
        plan.supplied_image_->src = plan.supplied_image_->path;
        plan.supplied_image_->format = front_page->format;
        plan.supplied_image_->width_px = front_page->width_px;
        plan.supplied_image_->height_px = front_page->height_px;
        plan.supplied_image_->alt = front_page->alt;
        plan.supplied_bytes_ = front_page->bytes;
    }
    plan.plan_documents();
    if (plan.articles_.empty()) {
        diags.error("E-EPUB-EMPTY", {issue.root, 0, 0}, "the issue has no article to put in an EPUB");
        return std::nullopt;
    }
    plan.choose_cover();
    if (!plan.copy_images(plan.images_shown(), diags)) return std::nullopt;
    plan.sort_images();
    plan.collect_languages();
    return plan;
}

}  // namespace galley::epub

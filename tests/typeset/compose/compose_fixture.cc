#include "compose_fixture.h"

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <variant>

#include "base/data_dir.h"
#include "fonts/font_library.h"
#include "layout/loader.h"
#include "read/issue_reader.h"
#include "support/test_support.h"
#include "typeset/compose/compose.h"
#include "typeset/text/text_setter.h"

namespace galley::test {

namespace {

const fonts::FontLibrary& font_library() {
    static std::unique_ptr<fonts::FontLibrary> fonts = [] {
        Diagnostics diags;
        auto lib = fonts::FontLibrary::open({data_dir() / "fonts"}, diags);
        REQUIRE(lib);
        return lib;
    }();
    return *fonts;
}

}  // namespace

layout::Layout bundled_layout(const std::string& name) {
    Diagnostics diags;
    auto layout = layout::load_layout(name, layout::bundled_layouts_dir(), diags);
    REQUIRE_MESSAGE(layout.has_value(), name);
    return *layout;
}

namespace {

// `issue` composed in `layout`; `streamed`: through a page sink, the article
// links resolved afterwards with the resolver compose_issue sets.
std::unique_ptr<Composed> compose_with(model::Issue issue, const layout::Layout& layout, bool streamed) {
    auto out = std::make_unique<Composed>();
    out->issue = std::move(issue);
    out->layout = std::make_unique<layout::Layout>(layout);
    typeset::TextSetter setter(*out->layout, font_library(), data_dir() / "layouts" / "hyphenation");
    typeset::ComposeOptions options;
    options.creator = "galley test";
    std::vector<page::Page> pages;
    std::function<bool(page::Link&)> resolve;
    if (streamed) {
        options.page_sink = [&](page::Page&& p) { pages.push_back(std::move(p)); };
        options.link_resolver = &resolve;
    }
    out->doc = typeset::compose_issue(out->issue, *out->layout, setter, options, out->diags);
    if (!streamed) return out;
    CHECK(out->doc.pages.empty());
    REQUIRE(resolve);
    for (page::Page& p : pages) {
        std::vector<page::Item> kept;
        for (page::Item& item : p.items) {
            auto* link = std::get_if<page::Link>(&item);
            if (link && !resolve(*link)) continue;
            kept.push_back(std::move(item));
        }
        p.items = std::move(kept);
    }
    out->doc.pages = std::move(pages);
    return out;
}

}  // namespace

std::unique_ptr<Composed> compose(model::Issue issue, const layout::Layout& layout) {
    return compose_with(std::move(issue), layout, false);
}

std::unique_ptr<Composed> compose_streamed(model::Issue issue, const layout::Layout& layout) {
    return compose_with(std::move(issue), layout, true);
}

std::vector<std::size_t> articles_set_at_each_page(model::Issue issue, const layout::Layout& layout) {
    typeset::TextSetter setter(layout, font_library(), data_dir() / "layouts" / "hyphenation");
    typeset::ComposeOptions options;
    options.creator = "galley test";
    std::size_t set = 0;
    std::vector<std::size_t> out;
    options.progress = [&](const typeset::ComposeProgress& p) { set = p.articles_set; };
    options.page_sink = [&](page::Page&&) { out.push_back(set); };
    std::function<bool(page::Link&)> resolve;
    options.link_resolver = &resolve;
    Diagnostics diags;
    typeset::compose_issue(issue, layout, setter, options, diags);
    return out;
}

const Composed& sample(const std::string& layout_name) {
    static std::map<std::string, std::unique_ptr<Composed>> cache;
    auto it = cache.find(layout_name);
    if (it != cache.end()) return *it->second;
    Diagnostics diags;
    auto read = read::read_issue(source_dir() / "samples" / "ppp-2008-06-13", {}, diags);
    REQUIRE(read.issue.has_value());
    return *cache.emplace(layout_name, compose(*read.issue, bundled_layout(layout_name))).first->second;
}

model::Inlines text(const std::string& s) { return {model::Inline{model::Text{s}}}; }

model::Issue issue_of(std::vector<model::Article> articles) {
    model::Issue issue;
    issue.id = "test";
    issue.lang = "en";
    issue.publication = "The Test Post";
    issue.date = "2008-06-13";
    issue.root = (source_dir() / "samples" / "ppp-2008-06-13").string();
    model::Section s;
    s.title = "News";
    s.articles = std::move(articles);
    issue.sections.push_back(std::move(s));
    return issue;
}

model::Block figure_block(model::Placement placement, const std::string& path, std::uint32_t width,
                          std::uint32_t height, const std::string& alt, const std::string& caption) {
    model::Figure f;
    f.placement = placement;
    f.image.path = path;
    f.image.format = path.ends_with(".png") ? model::ImageFormat::png : model::ImageFormat::jpeg;
    f.image.width_px = width;
    f.image.height_px = height;
    f.image.alt = alt;
    f.caption = text(caption);
    model::Block b;
    b.node = f;
    return b;
}

}  // namespace galley::test

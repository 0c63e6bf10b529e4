// Composing issues in tests: the sample issue in a bundled layout (composed
// once per layout and kept for the run), or a hand-built issue.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "layout/settings.h"
#include "model/issue.h"
#include "page/page.h"

namespace galley::test {

struct Composed {
    model::Issue issue;
    std::unique_ptr<layout::Layout> layout;
    page::Document doc;
    Diagnostics diags;
};

/// A bundled layout by name (fails the test when it does not load).
layout::Layout bundled_layout(const std::string& name);

/// `issue` composed in `layout`.
std::unique_ptr<Composed> compose(model::Issue issue, const layout::Layout& layout);

/// `issue` composed in `layout` with a page sink: the pages as they were
/// handed over, article links resolved afterwards with the resolver
/// compose_issue set (as the PDF drawn while composing does).
std::unique_ptr<Composed> compose_streamed(model::Issue issue, const layout::Layout& layout);

/// `issue` composed in `layout` on the calling thread alone, through a page
/// sink: for each page as it was handed over, how many of the issue's
/// articles had been set by then.
std::vector<std::size_t> articles_set_at_each_page(model::Issue issue, const layout::Layout& layout);

/// The sample issue (samples/ppp-2008-06-13) composed in a bundled layout.
const Composed& sample(const std::string& layout_name);

/// The layouts the bundled layouts folder holds, by name.
const char* const kLayouts[] = {"tabloid", "broadsheet", "magazine", "newsletter", "peer-tabloid"};

/// Inlines holding one text.
model::Inlines text(const std::string& s);

/// An issue of one section, "News", holding `articles` (its images found in
/// the sample issue's folder).
model::Issue issue_of(std::vector<model::Article> articles);

/// A figure of one of the sample's images (`path` under the sample issue,
/// JPEG or PNG by its name), `width` x `height` pixels.
model::Block figure_block(model::Placement placement, const std::string& path, std::uint32_t width,
                          std::uint32_t height, const std::string& alt, const std::string& caption);

}  // namespace galley::test

#include "render/structure.h"

#include <type_traits>
#include <variant>

namespace galley::render {

std::string tag_name(page::TagKind kind, int level) {
    using page::TagKind;
    switch (kind) {
        case TagKind::document: return "Document";
        case TagKind::article: return "Art";
        case TagKind::section: return "Sect";
        case TagKind::heading: {
            if (level < 1 || level > 6) return "H";
            return "H" + std::to_string(level);
        }
        case TagKind::paragraph: return "P";
        case TagKind::figure: return "Figure";
        case TagKind::caption: return "Caption";
        case TagKind::table: return "Table";
        case TagKind::table_row: return "TR";
        case TagKind::table_header_cell: return "TH";
        case TagKind::table_cell: return "TD";
        case TagKind::list: return "L";
        case TagKind::list_item: return "LI";
        case TagKind::block_quote: return "BlockQuote";
        case TagKind::note: return "Note";
        case TagKind::artifact: return "Artifact";
    }
    return "P";
}

namespace {

std::string at(std::size_t page, std::size_t item) {
    return "page " + std::to_string(page + 1) + ", item " + std::to_string(item + 1);
}

}  // namespace

std::size_t StructurePlanner::add_page(const page::Page& page) {
    const std::size_t p = pages_++;
    auto fail = [&](const std::string& where, const std::string& what) {
        diags_.error("E-RENDER-TAGS", {}, "structure tags are not properly nested (" + where + "): " + what);
        plan_.valid = false;
    };
    const auto& items = page.items;
    for (std::size_t i = 0; i < items.size() && plan_.valid; ++i) {
        if (const auto* begin = std::get_if<page::TagBegin>(&items[i])) {
            if (begin->kind == page::TagKind::artifact || artifact_depth_ > 0) {
                if (begin->kind == page::TagKind::artifact) ++artifact_depth_;
                open_.push_back({begin->kind, -1});
                continue;
            }
            if (first_element_) {
                plan_.add_document = begin->kind != page::TagKind::document;
                first_element_ = false;
            }
            for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
                if (it->element >= 0) {
                    plan_.has_children[static_cast<std::size_t>(it->element)] = true;
                    break;
                }
            }
            open_.push_back({begin->kind, static_cast<int>(plan_.has_children.size())});
            plan_.has_children.push_back(false);
        } else if (const auto* end = std::get_if<page::TagEnd>(&items[i])) {
            if (open_.empty()) {
                fail(at(p, i), "end of " + tag_name(end->kind, 0) + " without a begin");
            } else if (open_.back().kind != end->kind) {
                fail(at(p, i), "end of " + tag_name(end->kind, 0) + " inside " + tag_name(open_.back().kind, 0));
            } else {
                if (open_.back().kind == page::TagKind::artifact) --artifact_depth_;
                open_.pop_back();
            }
        }
    }
    return plan_.has_children.size();
}

void StructurePlanner::finish() {
    if (finished_) return;
    finished_ = true;
    if (plan_.valid && !open_.empty()) {
        diags_.error("E-RENDER-TAGS", {},
                     "structure tags are not properly nested (at the end of the document): " +
                         tag_name(open_.back().kind, 0) + " is never ended");
        plan_.valid = false;
    }
    if (first_element_) plan_.add_document = true;
}

std::size_t StructurePlanner::decided() const {
    if (finished_ || !plan_.valid) return plan_.has_children.size();
    // The open elements are in begin order: the first without a child yet
    // is the first undecided one.
    for (const Open& o : open_)
        if (o.element >= 0 && !plan_.has_children[static_cast<std::size_t>(o.element)])
            return static_cast<std::size_t>(o.element);
    return plan_.has_children.size();
}

StructurePlan plan_structure(const page::Document& document, Diagnostics& diags) {
    StructurePlanner planner(diags);
    for (const page::Page& page : document.pages) {
        planner.add_page(page);
        if (!planner.plan().valid) break;
    }
    planner.finish();
    return planner.plan();
}

}  // namespace galley::render

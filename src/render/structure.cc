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

StructurePlan plan_structure(const page::Document& document, Diagnostics& diags) {
    StructurePlan plan;
    struct Open {
        page::TagKind kind;
        int element;  // index into has_children, -1 for artifacts and their contents
    };
    std::vector<Open> open;
    int artifact_depth = 0;
    bool first_element = true;

    auto fail = [&](const std::string& where, const std::string& what) {
        diags.error("E-RENDER-TAGS", {},
                    "structure tags are not properly nested (" + where + "): " + what);
        plan.valid = false;
    };
    auto at = [](std::size_t page, std::size_t item) {
        return "page " + std::to_string(page + 1) + ", item " + std::to_string(item + 1);
    };

    for (std::size_t p = 0; p < document.pages.size() && plan.valid; ++p) {
        const auto& items = document.pages[p].items;
        for (std::size_t i = 0; i < items.size() && plan.valid; ++i) {
            if (const auto* begin = std::get_if<page::TagBegin>(&items[i])) {
                if (begin->kind == page::TagKind::artifact || artifact_depth > 0) {
                    if (begin->kind == page::TagKind::artifact) ++artifact_depth;
                    open.push_back({begin->kind, -1});
                    continue;
                }
                if (first_element) {
                    plan.add_document = begin->kind != page::TagKind::document;
                    first_element = false;
                }
                for (auto it = open.rbegin(); it != open.rend(); ++it) {
                    if (it->element >= 0) {
                        plan.has_children[static_cast<std::size_t>(it->element)] = true;
                        break;
                    }
                }
                open.push_back({begin->kind, static_cast<int>(plan.has_children.size())});
                plan.has_children.push_back(false);
            } else if (const auto* end = std::get_if<page::TagEnd>(&items[i])) {
                if (open.empty()) {
                    fail(at(p, i), "end of " + tag_name(end->kind, 0) + " without a begin");
                } else if (open.back().kind != end->kind) {
                    fail(at(p, i), "end of " + tag_name(end->kind, 0) + " inside " + tag_name(open.back().kind, 0));
                } else {
                    if (open.back().kind == page::TagKind::artifact) --artifact_depth;
                    open.pop_back();
                }
            }
        }
    }
    if (plan.valid && !open.empty())
        fail("at the end of the document", tag_name(open.back().kind, 0) + " is never ended");
    if (first_element) plan.add_document = true;
    return plan;
}

}  // namespace galley::render

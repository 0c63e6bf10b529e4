#include "layout/settings.h"

#include <algorithm>

#include "base/utf8.h"

namespace galley::layout {
namespace {

std::size_t tier_index(int priority) { return static_cast<std::size_t>(std::clamp(priority, 1, kTierCount) - 1); }

}  // namespace

std::vector<std::string> label_list(std::string_view list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = list.find(',', start);
        std::string_view name = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        out.emplace_back(name);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::vector<std::string> label_characters(std::string_view text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        const utf8::Decoded d = utf8::decode(text, at);
        const std::size_t n = d.length > 0 ? d.length : 1;  // a stray byte counts as one
        out.emplace_back(text.substr(at, n));
        at += n;
    }
    return out;
}

void fill_label(std::string& text, std::string_view name, const std::string& value) {
    const std::string braced = "{" + std::string(name) + "}";
    const std::size_t at = text.find(braced);
    if (at != std::string::npos) text.replace(at, braced.size(), value);
}

std::string Labels::volume_and_number(const std::string& issue_volume, const std::string& issue_number) const {
    std::string out;
    if (!issue_volume.empty()) {
        out = volume;
        fill_label(out, "volume", issue_volume);
    }
    if (!issue_number.empty()) {
        std::string n = number;
        fill_label(n, "number", issue_number);
        out += (out.empty() ? "" : ", ") + n;
    }
    return out;
}

const ParagraphStyle& Layout::style(ParagraphStyleId id) const { return paragraph_styles[static_cast<std::size_t>(id)]; }
ParagraphStyle& Layout::style(ParagraphStyleId id) { return paragraph_styles[static_cast<std::size_t>(id)]; }

const CharacterStyle& Layout::character_style(CharacterStyleId id) const {
    return character_styles[static_cast<std::size_t>(id)];
}
CharacterStyle& Layout::character_style(CharacterStyleId id) { return character_styles[static_cast<std::size_t>(id)]; }

const Box& Layout::box(BoxId id) const { return boxes[static_cast<std::size_t>(id)]; }
Box& Layout::box(BoxId id) { return boxes[static_cast<std::size_t>(id)]; }

const HeadlineTier& Layout::tier(int priority) const { return tiers[tier_index(priority)]; }
HeadlineTier& Layout::tier(int priority) { return tiers[tier_index(priority)]; }

Length Layout::live_width() const { return page.width - page.margin_inner - page.margin_outer; }
Length Layout::live_height() const { return page.height - page.margin_top - page.margin_bottom; }

Length Layout::column_width() const {
    int n = std::max(columns.count, 1);
    return (live_width() - columns.gutter * (n - 1)) / n;
}

Length Layout::span_width(int n) const {
    n = std::clamp(n, 1, std::max(columns.count, 1));
    return column_width() * n + columns.gutter * (n - 1);
}

Length Layout::column_left(int index) const { return (column_width() + columns.gutter) * index; }

bool PageGeometry::left_hand(int page_number) const {
    if (!facing) return false;
    const bool even = page_number % 2 == 0;
    return binding == BindingEdge::right ? !even : even;
}

Length Layout::left_margin(int page_number) const {
    return page.left_hand(page_number) ? page.margin_outer : page.margin_inner;
}

int Layout::tier_columns(int priority) const { return tier(priority).span.resolve(columns.count, columns.count); }

}  // namespace galley::layout

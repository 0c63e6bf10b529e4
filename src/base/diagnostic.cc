#include "base/diagnostic.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <vector>

namespace galley {

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

void Diagnostics::error(std::string code, SourceLocation where, std::string message) {
    add({Severity::error, std::move(code), std::move(where), std::move(message)});
}

void Diagnostics::warning(std::string code, SourceLocation where, std::string message) {
    add({Severity::warning, std::move(code), std::move(where), std::move(message)});
}

void Diagnostics::note(std::string code, SourceLocation where, std::string message) {
    add({Severity::note, std::move(code), std::move(where), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::retract(const Diagnostic& d) {
    auto found = std::find(items_.rbegin(), items_.rend(), d);
    if (found == items_.rend()) return false;
    items_.erase(std::next(found).base());
    return true;
}

void Diagnostics::retract_after(std::size_t count) {
    if (count < items_.size()) items_.resize(count);
}

std::size_t Diagnostics::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

bool Diagnostics::contains(const std::string& code) const {
    return std::any_of(items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.code == code; });
}

void Diagnostics::sort_by_location() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) <
               std::tie(b.where.file, b.where.line, b.where.column);
    });
}

void Diagnostics::drop_repeats() {
    // Equal diagnostics share a location: compare within each location only.
    std::map<std::tuple<std::string, int, int>, std::vector<std::size_t>> kept_at;
    std::vector<Diagnostic> kept;
    kept.reserve(items_.size());
    for (Diagnostic& d : items_) {
        std::vector<std::size_t>& same_place = kept_at[{d.where.file, d.where.line, d.where.column}];
        if (std::any_of(same_place.begin(), same_place.end(), [&](std::size_t k) { return kept[k] == d; })) continue;
        same_place.push_back(kept.size());
        kept.push_back(std::move(d));
    }
    items_ = std::move(kept);
}

void Diagnostics::drop_reported_in(const Diagnostics& earlier, const std::string& code) {
    std::set<std::tuple<const std::string&, int, int>> reported;
    for (const Diagnostic& d : earlier.items_)
        if (d.code == code) reported.emplace(d.where.file, d.where.line, d.where.column);
    if (reported.empty()) return;
    std::erase_if(items_, [&](const Diagnostic& d) {
        return d.code == code && reported.contains({d.where.file, d.where.line, d.where.column});
    });
}

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::note: return "note";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

}  // namespace galley

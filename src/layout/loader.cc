#include "layout/loader.h"

#include <algorithm>
#include <system_error>

#include "base/data_dir.h"
#include "layout/check.h"
#include "layout/layer.h"
#include "layout/resolve.h"
#include "layout/spans.h"
#include "layout/suggest.h"

namespace galley::layout {
namespace {

namespace fs = std::filesystem;

bool valid_name(std::string_view n) {
    if (n.empty()) return false;
    for (std::size_t i = 0; i < n.size(); ++i) {
        char c = n[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0))) return false;
    }
    return true;
}

// The stems of every *.xml file directly in `dir`, sorted.
std::vector<std::string> layout_files(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".xml" && it->is_regular_file(ec)) out.push_back(it->path().stem().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

fs::path canonical_or_self(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? p : c;
}

std::string chain_text(const std::vector<Layer>& chain, std::size_t from, const std::string& last) {
    std::string out;
    for (std::size_t i = from; i < chain.size(); ++i) out += chain[i].name + " -> ";
    return out + last;
}

bool already_reported(const Diagnostics& diags, const Diagnostic& d) {
    for (const Diagnostic& e : diags.all())
        if (e.code == d.code && e.message == d.message && e.where.file == d.where.file &&
            e.where.line == d.where.line && e.where.column == d.where.column)
            return true;
    return false;
}

// `file` and every layer it extends, leaf first.
std::optional<std::vector<Layer>> read_chain(const fs::path& file, const fs::path& layouts_dir, Diagnostics& diags) {
    std::vector<Layer> chain;
    std::vector<fs::path> seen;
    fs::path current = file;
    while (true) {
        std::optional<Layer> layer = read_layer(current, current.string(), diags);
        if (!layer) return std::nullopt;
        seen.push_back(canonical_or_self(current));
        chain.push_back(std::move(*layer));
        const Layer& top = chain.back();
        if (!top.extends) return chain;

        const std::string& ext = *top.extends;
        fs::path next;
        std::error_code ec;
        if (is_layout_name(ext)) {
            next = layouts_dir / (ext + ".xml");
            if (!valid_name(ext) || !fs::is_regular_file(next, ec)) {
                std::string msg = "layout '" + top.name + "' extends '" + ext + "', which is not a bundled layout";
                if (std::optional<std::string> s = closest_match(ext, layout_files(layouts_dir)))
                    msg += "; did you mean '" + *s + "'?";
                diags.error("E-LAYOUT-NOT-FOUND", top.extends_where, msg);
                return std::nullopt;
            }
        } else {
            next = (current.parent_path() / ext).lexically_normal();
            if (!fs::is_regular_file(next, ec)) {
                diags.error("E-LAYOUT-NOT-FOUND", top.extends_where,
                            "layout '" + top.name + "' extends '" + ext + "', but " +
                                (fs::exists(next, ec) ? next.string() + " is not a file (a folder, a device or a pipe)"
                                                      : "there is no layout file " + next.string()));
                return std::nullopt;
            }
        }
        fs::path canon = canonical_or_self(next);
        for (std::size_t i = 0; i < seen.size(); ++i) {
            if (seen[i] == canon) {
                diags.error("E-LAYOUT-EXTENDS-CYCLE", top.extends_where,
                            "layout '" + chain[i].name + "' extends itself: " + chain_text(chain, i, chain[i].name));
                return std::nullopt;
            }
        }
        current = next;
    }
}

// Loads `file`; when it is abstract and `skip_abstract` is set, returns
// nothing without a diagnostic and sets `was_abstract`.
std::optional<Layout> load(const fs::path& file, const fs::path& layouts_dir, Diagnostics& diags, bool skip_abstract,
                           bool& was_abstract) {
    std::optional<std::vector<Layer>> chain = read_chain(file, layouts_dir, diags);
    if (!chain) return std::nullopt;
    const Layer& leaf = chain->front();
    was_abstract = leaf.abstract;
    if (leaf.abstract) {
        if (!skip_abstract)
            diags.error("E-LAYOUT-ABSTRACT", leaf.root_where,
                        "layout '" + leaf.name + "' is abstract: it holds shared settings for other layouts to "
                        "extend and cannot be used itself");
        return std::nullopt;
    }
    Origins origins;
    std::optional<Layout> layout = resolve_layers(*chain, origins, diags);
    if (!layout) return std::nullopt;
    layout->name = leaf.name;
    layout->description = leaf.description;
    layout->file = file;
    for (const Layer& l : *chain) layout->chain.push_back(l.name);
    fit_inherited_spans(*layout, origins);
    if (!check_layout(*layout, origins, diags)) return std::nullopt;
    return layout;
}

}  // namespace

fs::path bundled_layouts_dir() { return data_dir() / "layouts"; }

bool is_layout_name(std::string_view text) {
    bool xml_suffix = text.size() >= 4 && text.substr(text.size() - 4) == ".xml";
    return text.find('/') == std::string_view::npos && !xml_suffix;
}

std::optional<Layout> load_layout_file(const fs::path& file, const fs::path& layouts_dir, Diagnostics& diags) {
    bool was_abstract = false;
    return load(file, layouts_dir, diags, false, was_abstract);
}

std::optional<Layout> load_layout_file(const fs::path& file, Diagnostics& diags) {
    return load_layout_file(file, bundled_layouts_dir(), diags);
}

std::optional<Layout> load_layout(std::string_view name_or_path, const fs::path& layouts_dir, Diagnostics& diags) {
    std::string text(name_or_path);
    std::error_code ec;
    if (!is_layout_name(text)) {
        if (!fs::is_regular_file(text, ec)) {
            // Said as it is: a folder or a device is there, but is no file.
            diags.error("E-LAYOUT-NOT-FOUND", {text, 0, 0},
                        fs::exists(text, ec) ? "'" + text + "' is not a layout file (a folder, a device or a pipe)"
                                             : "no layout file at '" + text + "'");
            return std::nullopt;
        }
        return load_layout_file(text, layouts_dir, diags);
    }
    fs::path file = layouts_dir / (text + ".xml");
    if (!valid_name(text) || !fs::is_regular_file(file, ec)) {
        std::string msg = "no bundled layout named '" + text + "'";
        Diagnostics scratch;
        std::vector<std::string> names;
        for (const LayoutSummary& s : list_layouts(layouts_dir, scratch)) names.push_back(s.name);
        if (std::optional<std::string> s = closest_match(text, names)) {
            msg += "; did you mean '" + *s + "'?";
        } else if (!names.empty()) {
            msg += "; the bundled layouts are ";
            for (std::size_t i = 0; i < names.size(); ++i) msg += (i > 0 ? ", " : "") + names[i];
        }
        diags.error("E-LAYOUT-NOT-FOUND", {layouts_dir.string(), 0, 0}, msg);
        return std::nullopt;
    }
    return load_layout_file(file, layouts_dir, diags);
}

std::vector<LayoutSummary> list_layouts(const fs::path& layouts_dir, Diagnostics& diags) {
    std::vector<LayoutSummary> out;
    std::error_code ec;
    if (!fs::is_directory(layouts_dir, ec)) {
        diags.error("E-LAYOUT-NOT-FOUND", {layouts_dir.string(), 0, 0}, "no layouts folder here");
        return out;
    }
    for (const std::string& name : layout_files(layouts_dir)) {
        bool was_abstract = false;
        fs::path file = layouts_dir / (name + ".xml");
        Diagnostics found;
        std::optional<Layout> l = load(file, layouts_dir, found, true, was_abstract);
        // A broken file that several layouts extend is reported once.
        for (const Diagnostic& d : found.all())
            if (!already_reported(diags, d)) diags.add(d);
        if (!l) continue;
        out.push_back({l->name, l->description, l->page.width, l->page.height, l->columns.count, file});
    }
    return out;
}

}  // namespace galley::layout

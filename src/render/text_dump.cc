#include "render/text_dump.h"

#include <cmath>
#include <cstdio>
#include <variant>
#include <utility>
#include <vector>

#include "render/number_format.h"
#include "render/structure.h"

namespace galley::render {
namespace {

// A string in double quotes: \" and \\ escaped, control characters as \xHH.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string font_name(const page::FontFace& face) {
    std::string file = face.file;
    std::size_t at = file.rfind("/fonts/");
    if (at != std::string::npos) file = file.substr(at + 7);
    if (face.index != 0) file += "#" + std::to_string(face.index);
    if (face.synthetic_bold) file += " (synthetic bold)";
    return file;
}

std::string file_name(const std::string& path) {
    std::size_t at = path.rfind('/');
    return at == std::string::npos ? path : path.substr(at + 1);
}

std::string colour(const page::Colour& c) {
    auto channel = [](double v) {
        long n = std::lround((v < 0 ? 0 : v > 1 ? 1 : v) * 255);
        return static_cast<int>(n);
    };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    return buf;
}

std::string rect(const page::Rect& r) {
    return "x=" + fixed(r.x) + " y=" + fixed(r.y) + " w=" + fixed(r.width) + " h=" + fixed(r.height);
}

const char* format_name(page::ImageFormat f) {
    switch (f) {
        case page::ImageFormat::jpeg: return "jpeg";
        case page::ImageFormat::png: return "png";
        case page::ImageFormat::gif: return "gif";
        case page::ImageFormat::svg: return "svg";
    }
    return "?";
}

class ItemLine {
public:
    explicit ItemLine(std::vector<std::pair<page::TagKind, std::string>>& open) : open_(open) {}

    std::string operator()(const page::GlyphRun& run) const {
        std::string line = "text x=" + fixed(run.origin.x) + " y=" + fixed(run.origin.y) + " size=" + fixed(run.size) +
                           " w=" + fixed(run.advance) + " font=" + font_name(run.face);
        if (!(run.colour == page::Colour{})) line += " colour=" + colour(run.colour);
        return line + " " + quoted(run.text);
    }
    std::string operator()(const page::Rule& r) const {
        std::string line = "rule x1=" + fixed(r.from.x) + " y1=" + fixed(r.from.y) + " x2=" + fixed(r.to.x) +
                           " y2=" + fixed(r.to.y) + " width=" + fixed(r.width);
        if (!(r.colour == page::Colour{})) line += " colour=" + colour(r.colour);
        return line;
    }
    std::string operator()(const page::Box& b) const {
        std::string line = "box " + rect(b.rect);
        if (b.fill) line += " fill=" + colour(*b.fill);
        if (b.stroke) line += " stroke=" + colour(*b.stroke) + " stroke-width=" + fixed(b.stroke_width);
        return line;
    }
    std::string operator()(const page::Image& i) const {
        std::string line = "image " + rect(i.rect) + " " + format_name(i.format) + " " + std::to_string(i.width_px) +
                           "x" + std::to_string(i.height_px) + "px";
        if (i.clip) line += " clip=" + fixed(i.clip->x) + "," + fixed(i.clip->y) + "," + fixed(i.clip->width) + "," +
                            fixed(i.clip->height);
        if (i.bleed) line += " bleed";
        return line + " " + quoted(file_name(i.file));
    }
    std::string operator()(const page::Link& l) const {
        std::string line = "link " + rect(l.rect);
        if (!l.uri.empty()) return line + " uri=" + quoted(l.uri);
        return line + " to page=" + std::to_string(l.target_page + 1) + " y=" + fixed(l.target_y);
    }
    std::string operator()(const page::TagBegin& t) const {
        std::string line = "begin " + tag_name(t.kind, t.level);
        if (!t.lang.empty()) line += " lang=" + t.lang;
        if (!t.title.empty()) line += " title=" + quoted(t.title);
        if (!t.alt.empty() || t.kind == page::TagKind::figure) line += " alt=" + quoted(t.alt);
        open_.emplace_back(t.kind, tag_name(t.kind, t.level));
        return line;
    }
    std::string operator()(const page::TagEnd& t) const {
        // The name of the begin it closes ("end H2"); the dump shows bad
        // nesting as it is rather than checking it.
        std::string name = tag_name(t.kind, 0);
        if (!open_.empty()) {
            if (open_.back().first == t.kind) name = open_.back().second;
            open_.pop_back();
        }
        return "end " + name;
    }

private:
    std::vector<std::pair<page::TagKind, std::string>>& open_;
};

}  // namespace

std::string dump_document(const page::Document& document) {
    const page::Metadata& m = document.meta;
    std::string out = "document";
    if (!m.title.empty()) out += " title=" + quoted(m.title);
    if (!m.lang.empty()) out += " lang=" + m.lang;
    out += " pages=" + std::to_string(document.pages.size()) + "\n";
    std::vector<std::pair<page::TagKind, std::string>> open;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const page::Page& page = document.pages[p];
        out += "page " + std::to_string(p + 1) + " size=" + fixed(page.width) + "x" + fixed(page.height) +
               " label=" + quoted(page.label) + "\n";
        for (const page::Item& item : page.items) {
            // An end tag is written at the depth of its begin.
            std::size_t depth = open.size();
            std::size_t indent = std::holds_alternative<page::TagEnd>(item) && depth > 0 ? depth - 1 : depth;
            std::string line = std::visit(ItemLine(open), item);
            out += std::string(2 + 2 * indent, ' ') + line + "\n";
        }
    }
    for (const page::OutlineEntry& e : document.outline)
        out += "outline level=" + std::to_string(e.level) + " page=" + std::to_string(e.page + 1) + " y=" +
               fixed(e.y) + " " + quoted(e.title) + "\n";
    return out;
}

}  // namespace galley::render

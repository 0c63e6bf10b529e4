#include "read/block_reader.h"

#include "read/inline_reader.h"

namespace galley::read {
namespace {

using namespace galley::model;

Edition edition_of(const xmlNode* n) {
    auto e = xml::attribute(n, "edition");
    if (!e) return Edition::both;
    if (*e == "print") return Edition::print;
    if (*e == "digital") return Edition::digital;
    return Edition::both;
}

Align align_of(const xmlNode* n) {
    auto a = xml::attribute(n, "align");
    if (!a) return Align::start;
    if (*a == "left") return Align::left;
    if (*a == "right") return Align::right;
    if (*a == "center") return Align::center;
    return Align::start;
}

Quotation read_quotation(const xmlNode* n, BlockContext& ctx) {
    Quotation q;
    for (xmlNode* c : xml::children(n)) {
        if (xml::is_element(c, "p"))
            q.paragraphs.push_back({read_inlines(ctx.doc, c, ctx.diags)});
        else if (xml::is_element(c, "attribution"))
            q.attribution = read_inlines(ctx.doc, c, ctx.diags);
    }
    return q;
}

Row read_row(const xmlNode* n, BlockContext& ctx) {
    Row r;
    for (xmlNode* c : xml::children(n))
        if (xml::is_element(c, "cell")) r.cells.push_back({align_of(c), read_inlines(ctx.doc, c, ctx.diags)});
    return r;
}

Table read_table(const xmlNode* n, BlockContext& ctx) {
    Table t;
    for (xmlNode* c : xml::children(n)) {
        std::string_view name = xml::name(c);
        if (name == "caption") {
            t.caption = read_inlines(ctx.doc, c, ctx.diags);
        } else if (name == "head") {
            if (xmlNode* row = xml::child(c, "row")) t.head = read_row(row, ctx);
        } else if (name == "row") {
            t.rows.push_back(read_row(c, ctx));
        }
    }
    return t;
}

List read_list(const xmlNode* n, BlockContext& ctx) {
    List l;
    l.type = xml::attribute(n, "type").value_or("bullet") == "number" ? ListType::number : ListType::bullet;
    for (xmlNode* c : xml::children(n))
        if (xml::is_element(c, "item")) l.items.push_back(read_inlines(ctx.doc, c, ctx.diags));
    return l;
}

std::optional<Block> read_block(const xmlNode* n, BlockContext& ctx) {
    Block b;
    b.edition = edition_of(n);
    b.where = ctx.doc.where(n);
    std::string_view name = xml::name(n);
    if (name == "p") {
        b.node = Paragraph{read_inlines(ctx.doc, n, ctx.diags)};
    } else if (name == "subhead") {
        b.node = Subhead{read_inlines(ctx.doc, n, ctx.diags)};
    } else if (name == "blockquote") {
        b.node = Blockquote{read_quotation(n, ctx)};
    } else if (name == "pullquote") {
        b.node = PullQuote{read_quotation(n, ctx)};
    } else if (name == "figure") {
        auto f = read_figure(n, ctx);
        if (!f) return std::nullopt;
        b.node = std::move(*f);
    } else if (name == "list") {
        b.node = read_list(n, ctx);
    } else if (name == "aside") {
        Aside a;
        if (xmlNode* t = xml::child(n, "title")) a.title = read_inlines(ctx.doc, t, ctx.diags);
        a.blocks = read_blocks(n, ctx);
        b.node = std::move(a);
    } else if (name == "table") {
        b.node = read_table(n, ctx);
    } else if (name == "separator") {
        b.node = Separator{};
    } else {
        // "title" inside an aside is read by the aside; anything else was
        // already refused by the schema.
        return std::nullopt;
    }
    return b;
}

}  // namespace

void warn_if_alt_missing(const Image& image, const SourceLocation& where, Diagnostics& diags) {
    // alt="" marks a decorative image, as in HTML; only a missing alt warns.
    if (!image.alt)
        diags.warning("W-ALT-MISSING", where,
                      "image " + quote_path(image.src) + " has no alt text; readers who cannot see it will miss it");
}

std::optional<Figure> read_figure(const xmlNode* n, BlockContext& ctx) {
    Figure f;
    f.placement = xml::attribute(n, "placement").value_or("inline") == "lead" ? Placement::lead : Placement::inline_;
    const xmlNode* img = xml::child(n, "image");
    if (img == nullptr) return std::nullopt;
    auto image = ctx.images.resolve(xml::attribute(img, "src").value_or(""), xml::attribute(img, "alt"),
                                    ctx.article_dir, ctx.doc.where(img), ctx.diags);
    if (!image) return std::nullopt;
    f.image = std::move(*image);
    warn_if_alt_missing(f.image, ctx.doc.where(img), ctx.diags);
    if (xmlNode* c = xml::child(n, "caption")) f.caption = read_inlines(ctx.doc, c, ctx.diags);
    if (xmlNode* c = xml::child(n, "credit")) f.credit = read_inlines(ctx.doc, c, ctx.diags);
    return f;
}

std::vector<Block> read_blocks(const xmlNode* parent, BlockContext& ctx) {
    std::vector<Block> out;
    for (xmlNode* c : xml::children(parent)) {
        if (xml::is_element(c, "title")) continue;
        if (auto b = read_block(c, ctx)) out.push_back(std::move(*b));
    }
    return out;
}

}  // namespace galley::read

// NITF body.content -> model::Block: p, hl2, bq, media, ol/ul, dl, hr, pre,
// fn, note, block (flattened); tables are in nitf_tables.cc. Anything else
// keeps its text.
#include <set>

#include "read/block_reader.h"
#include "read/nitf_context.h"

namespace galley::read::nitf {
namespace {

using namespace galley::model;

Block make_block(Context& c, const xmlNode* n) {
    Block b;
    b.where = c.where(n);
    return b;
}

void add_paragraph(Context& c, const xmlNode* n, Inlines content, std::vector<Block>& out) {
    if (is_blank(content)) return;  // an empty <p/> holds nothing to keep
    Block b = make_block(c, n);
    b.node = Paragraph{std::move(content)};
    c.seen_paragraph = true;
    out.push_back(std::move(b));
}

// An element galley has no block for: its text, as a paragraph where it stands.
void keep_as_paragraph(Context& c, const xmlNode* n, const std::string& why, std::vector<Block>& out) {
    Inlines text = read_text(c, n);
    if (is_blank(text)) {
        c.report.warn("W-NITF-UNMAPPED", "empty " + shown_name(n), c.where(n), tag(n) + " " + why + ": left out (it holds no text)");
        return;
    }
    c.report.warn("W-NITF-UNMAPPED", "paragraph " + shown_name(n), c.where(n),
                  tag(n) + " " + why + ": its text is kept as a paragraph");
    add_paragraph(c, n, std::move(text), out);
}

// ol/ul -> a list; a nested list's items follow their parent's item.
void collect_items(Context& c, const xmlNode* list, std::vector<Inlines>& items) {
    for (xmlNode* li : xml::children(list)) {
        if (!in_nitf(c, li) || xml::name(li) != "li") {
            Inlines text = read_text(c, li);
            c.report.warn("W-NITF-UNMAPPED", "in list " + shown_name(li), c.where(li),
                          tag(li) + " in a list is not an item: its text is kept as an item");
            if (!is_blank(text)) items.push_back(std::move(text));
            continue;
        }
        // Split the item's own content from lists nested in it.
        std::vector<const xmlNode*> nested;
        for (xmlNode* ch : xml::children(li))
            if (in_nitf(c, ch) && (xml::name(ch) == "ul" || xml::name(ch) == "ol")) nested.push_back(ch);
        TextMode mode;
        mode.skip = &nested;
        Inlines own = read_text(c, li, mode);
        if (!nested.empty())
            c.report.warn("W-NITF-UNMAPPED", "nested list", c.where(nested.front()),
                          "a list inside a list item: galley's lists do not nest, so its items follow the item");
        if (!is_blank(own)) items.push_back(std::move(own));
        for (const xmlNode* n : nested) collect_items(c, n, items);
    }
}

void read_list(Context& c, const xmlNode* n, ListType type, std::vector<Block>& out) {
    List l;
    l.type = type;
    collect_items(c, n, l.items);
    if (l.items.empty()) return;
    Block b = make_block(c, n);
    b.node = std::move(l);
    out.push_back(std::move(b));
}

// dl: each term with its definitions becomes one bulleted item,
// "<strong>term</strong> definition".
void read_definition_list(Context& c, const xmlNode* n, std::vector<Block>& out) {
    List l;
    for (xmlNode* ch : xml::children(n)) {
        std::string name = shown_name(ch);
        Inlines text = read_text(c, ch);
        if (is_blank(text)) continue;
        if (name == "dt" || l.items.empty()) {
            Inlines item;
            if (name == "dt")
                item.push_back({Strong{std::move(text)}});
            else
                item = std::move(text);
            l.items.push_back(std::move(item));
        } else {
            l.items.back().push_back({Text{" "}});
            for (Inline& in : text) l.items.back().push_back(std::move(in));
        }
    }
    c.report.warn("W-NITF-UNMAPPED", "dl", c.where(n),
                  "<dl> has no counterpart in galley: read as a bulleted list of terms and definitions");
    if (l.items.empty()) return;
    Block b = make_block(c, n);
    b.node = std::move(l);
    out.push_back(std::move(b));
}

// bq: block+ (or p+ in practice), credit? -> a blockquote with attribution.
void collect_quote(Context& c, const xmlNode* n, Quotation& q) {
    for (xmlNode* ch : xml::children(n)) {
        std::string name = shown_name(ch);
        if (in_nitf(c, ch) && name == "p") {
            Inlines text = read_text(c, ch);
            if (!is_blank(text)) q.paragraphs.push_back({std::move(text)});
        } else if (in_nitf(c, ch) && name == "credit") {
            q.attribution = read_text(c, ch);
        } else if (in_nitf(c, ch) && name == "block") {
            collect_quote(c, ch, q);
        } else {
            Inlines text = read_text(c, ch);
            c.report.warn("W-NITF-UNMAPPED", "in quote " + name, c.where(ch),
                          tag(ch) + " in a quotation: its text is kept as a paragraph of the quotation");
            if (!is_blank(text)) q.paragraphs.push_back({std::move(text)});
        }
    }
}

void read_quote(Context& c, const xmlNode* n, std::vector<Block>& out) {
    Quotation q;
    collect_quote(c, n, q);
    // Text written straight into <bq> (no <p>): one paragraph.
    bool stray = false;
    for (const xmlNode* t = n->children; t != nullptr; t = t->next)
        if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && !squash(xml::text(t)).empty())
            stray = true;
    if (stray && q.paragraphs.empty()) {
        std::vector<const xmlNode*> credits;
        for (xmlNode* ch : xml::children(n))
            if (xml::name(ch) == "credit") credits.push_back(ch);
        TextMode mode;
        mode.skip = &credits;
        Inlines text = read_text(c, n, mode);
        if (!is_blank(text)) q.paragraphs.push_back({std::move(text)});
    }
    if (q.attribution.empty()) {
        if (auto src = xml::attribute(n, "quote-source"); src && !squash(*src).empty())
            q.attribution = {{Text{squash(*src)}}};
    }
    if (q.paragraphs.empty()) {
        c.report.warn("W-NITF-UNMAPPED", "empty bq", c.where(n), "<bq> without text: left out");
        return;
    }
    Block b = make_block(c, n);
    b.node = Blockquote{std::move(q)};
    out.push_back(std::move(b));
}

bool image_type(const std::string& media_type) {
    std::string t = squash(media_type);
    return t.empty() || t == "image" || t == "photo" || t == "graphic" || t == "chart";
}

bool image_reference(const xmlNode* ref) {
    std::string mime = squash(xml::attribute(ref, "mime-type").value_or(""));
    return mime.empty() || mime.rfind("image/", 0) == 0;
}

// media -> a figure (image, caption, credit). The first media before any
// paragraph is the lead picture.
void read_media(Context& c, const xmlNode* n, std::vector<Block>& out) {
    bool first = !c.seen_media;
    c.seen_media = true;
    Inlines caption, credit;
    std::vector<const xmlNode*> refs;
    for (xmlNode* ch : xml::children(n)) {
        std::string name = shown_name(ch);
        if (!in_nitf(c, ch)) {
            c.report.warn("W-NITF-UNMAPPED", "in media " + name, c.where(ch), tag(ch) + " in <media>: left out");
        } else if (name == "media-reference") {
            refs.push_back(ch);
        } else if (name == "media-caption") {
            Inlines text = read_text(c, ch);
            if (!caption.empty() && !is_blank(text)) caption.push_back({Text{" "}});
            for (Inline& in : text) caption.push_back(std::move(in));
        } else if (name == "media-producer") {
            credit = read_text(c, ch);
        } else if (name == "media-metadata" || name == "media-object") {
            c.report.metadata_left_out(name, c.where(ch));
        } else {
            c.report.warn("W-NITF-UNMAPPED", "in media " + name, c.where(ch), tag(ch) + " in <media>: left out");
        }
    }
    const xmlNode* chosen = nullptr;
    if (image_type(xml::attribute(n, "media-type").value_or("")))
        for (const xmlNode* r : refs)
            if (image_reference(r) && xml::attribute(r, "source")) {
                chosen = r;
                break;
            }
    if (chosen == nullptr) {
        std::string type = squash(xml::attribute(n, "media-type").value_or(""));
        std::string what = !image_type(type) ? "<media media-type=\"" + type + "\"> is not a picture"
                                             : "<media> names no image file (media-reference/@source)";
        if (!is_blank(caption)) {
            c.report.warn("W-NITF-UNMAPPED", "media " + type, c.where(n), what + ": its caption is kept as a paragraph");
            add_paragraph(c, n, std::move(caption), out);
        } else {
            c.report.warn("W-NITF-UNMAPPED", "media " + type, c.where(n), what + ": left out");
        }
        return;
    }
    if (refs.size() > 1)
        c.report.warn("W-NITF-UNMAPPED", "renditions", c.where(n),
                      "<media> has " + std::to_string(refs.size()) + " references: galley uses the first image, '" +
                          squash(*xml::attribute(chosen, "source")) + "'");
    if (credit.empty()) {
        if (auto sc = xml::attribute(chosen, "source-credit"); sc && !squash(*sc).empty())
            credit = {{Text{squash(*sc)}}};
    }
    std::optional<std::string> alt = xml::attribute(chosen, "alternate-text");
    if (alt) alt = squash(*alt);
    SourceLocation at = c.where(chosen);
    auto image = c.images.resolve(*xml::attribute(chosen, "source"), alt, c.article_dir, at, c.diags);
    if (!image) return;  // the resolver reported why
    warn_if_alt_missing(*image, at, c.diags);
    Figure f;
    f.placement = first && !c.seen_paragraph ? Placement::lead : Placement::inline_;
    f.image = std::move(*image);
    f.caption = std::move(caption);
    f.credit = std::move(credit);
    Block b = make_block(c, n);
    b.node = std::move(f);
    out.push_back(std::move(b));
}

// pre: its lines kept as line breaks in one paragraph.
void read_pre(Context& c, const xmlNode* n, std::vector<Block>& out) {
    std::string text = xml::text(n);
    Inlines content;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        std::string line = squash(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (!line.empty()) {
            if (!content.empty()) content.push_back({LineBreak{}});
            content.push_back({Text{line}});
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    c.report.warn("W-NITF-UNMAPPED", "pre", c.where(n),
                  "<pre> has no counterpart in galley: kept as a paragraph with its line breaks");
    add_paragraph(c, n, std::move(content), out);
}

// note: a box of blocks; a correction note goes to the end matter; a note
// not for publication (type="npa") is left out.
void read_note(Context& c, const xmlNode* n, std::vector<Block>& out) {
    std::string type = squash(xml::attribute(n, "type").value_or(""));
    std::string cls = squash(xml::attribute(n, "noteclass").value_or(""));
    if (type == "npa") {
        c.report.warn("W-NITF-UNMAPPED", "npa note", c.where(n),
                      "<note type=\"npa\"> is not for publication: left out");
        return;
    }
    if (cls == "correction") {
        // Its paragraphs, run together: a correction is one text.
        std::vector<Block> blocks;
        bool seen = c.seen_paragraph;
        read_body_content(c, n, blocks);
        c.seen_paragraph = seen;
        Inlines text;
        for (Block& b : blocks) {
            if (auto* p = std::get_if<Paragraph>(&b.node)) {
                if (!text.empty()) text.push_back({Text{" "}});
                for (Inline& in : p->content) text.push_back(std::move(in));
            } else {
                c.report.warn("W-NITF-UNMAPPED", "in correction", b.where,
                              "a correction note holds more than paragraphs: only its paragraphs are kept");
            }
        }
        if (!is_blank(text)) c.article.end.corrections.push_back(std::move(text));
        return;
    }
    Aside a;
    read_body_content(c, n, a.blocks);
    if (a.blocks.empty()) return;
    Block b = make_block(c, n);
    b.node = std::move(a);
    out.push_back(std::move(b));
}

void read_tagline(Context& c, const xmlNode* n) {
    Inlines text = read_text(c, n);
    if (is_blank(text)) return;
    Inlines& tagline = c.article.end.tagline;
    if (!tagline.empty()) tagline.push_back({LineBreak{}});
    for (Inline& in : text) tagline.push_back(std::move(in));
}

void read_block_element(Context& c, const xmlNode* n, std::vector<Block>& out) {
    std::string name = shown_name(n);
    if (!in_nitf(c, n)) {
        keep_as_paragraph(c, n, "is not NITF markup", out);
        return;
    }
    if (name == "p") {
        add_paragraph(c, n, read_text(c, n), out);
    } else if (name == "hl2" || name == "hl1") {
        if (name == "hl1")
            c.report.warn("W-NITF-UNMAPPED", "hl1 in body", c.where(n),
                          "<hl1> inside the body: read as a subhead (the headline is body.head/hedline/hl1)");
        Inlines text = read_text(c, n);
        if (is_blank(text)) return;
        Block b = make_block(c, n);
        b.node = Subhead{std::move(text)};
        out.push_back(std::move(b));
    } else if (name == "bq") {
        read_quote(c, n, out);
    } else if (name == "media") {
        read_media(c, n, out);
    } else if (name == "ol" || name == "ul") {
        read_list(c, n, name == "ol" ? ListType::number : ListType::bullet, out);
    } else if (name == "dl") {
        read_definition_list(c, n, out);
    } else if (name == "table") {
        read_table(c, n, out);
    } else if (name == "nitf-table") {
        for (xmlNode* ch : xml::children(n)) {
            if (in_nitf(c, ch) && xml::name(ch) == "table")
                read_table(c, ch, out);
            else
                c.report.metadata_left_out(shown_name(ch), c.where(ch));
        }
    } else if (name == "hr") {
        Block b = make_block(c, n);
        b.node = Separator{};
        out.push_back(std::move(b));
    } else if (name == "br") {
        // A line break between blocks: nothing to keep.
    } else if (name == "pre") {
        read_pre(c, n, out);
    } else if (name == "block" || name == "body.content") {
        // block: flattened; body.content: inside a note.
        read_body_content(c, n, out);
    } else if (name == "note") {
        read_note(c, n, out);
    } else if (name == "tagline") {
        read_tagline(c, n);
    } else if (name == "fn") {
        keep_as_paragraph(c, n, "(a footnote) has no counterpart in galley", out);
    } else if (name == "key-list") {
        for (xmlNode* k : xml::children(n)) {
            std::string key = squash(xml::attribute(k, "key").value_or(plain(k)));
            if (!key.empty()) c.article.meta.keywords.push_back(key);
        }
    } else if (name == "tobject" || name == "classifier" || name == "datasource" || name == "identified-content") {
        c.report.metadata_left_out(name, c.where(n));
    } else {
        keep_as_paragraph(c, n, "is not NITF markup galley knows", out);
    }
}

}  // namespace

void read_block(Context& c, const xmlNode* element, std::vector<Block>& out) { read_block_element(c, element, out); }

bool is_block_name(std::string_view name) {
    static const std::set<std::string_view, std::less<>> names{
        "block", "bq", "media", "ol", "ul", "li", "dl", "dt", "dd", "table", "nitf-table", "tr", "td", "th",
        "hl1", "hl2", "hr", "pre", "fn", "note", "body.content", "tagline", "abstract", "credit"};
    return names.count(name) != 0;
}

void read_body_content(Context& c, const xmlNode* parent, std::vector<Block>& out) {
    // Text and inline elements straight inside a block container (no <p>)
    // are gathered into a paragraph.
    std::vector<const xmlNode*> loose;
    auto flush_loose = [&]() {
        if (loose.empty()) return;
        Inlines text = read_nodes(c, loose);
        const xmlNode* first = loose.front();
        loose.clear();
        if (is_blank(text)) return;
        Block b = make_block(c, parent);
        if (first->line > 0) b.where.line = first->line;
        c.report.warn("W-NITF-UNMAPPED", "loose text", b.where,
                      "text outside any paragraph in " + tag(parent) + ": kept as a paragraph");
        b.node = Paragraph{std::move(text)};
        c.seen_paragraph = true;
        out.push_back(std::move(b));
    };
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            loose.push_back(n);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE) continue;
        std::string name = shown_name(n);
        if (in_nitf(c, n) && is_inline_name(name) && name != "classifier") {
            loose.push_back(n);
            continue;
        }
        flush_loose();
        read_block_element(c, n, out);
    }
    flush_loose();
}

}  // namespace galley::read::nitf

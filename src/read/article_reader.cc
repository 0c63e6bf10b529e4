#include "read/article_reader.h"

#include "read/block_reader.h"
#include "read/inline_reader.h"

namespace galley::read {
namespace {

using namespace galley::model;

Meta read_meta(const xmlNode* meta, BlockContext& ctx) {
    Meta m;
    if (meta == nullptr) return m;
    for (xmlNode* c : xml::children(meta)) {
        std::string_view n = xml::name(c);
        if (n == "section") {
            m.section = plain_text(read_inlines(ctx.doc, c, ctx.diags));
        } else if (n == "published") {
            m.published = plain_text(read_inlines(ctx.doc, c, ctx.diags));
        } else if (n == "updated") {
            m.updated = plain_text(read_inlines(ctx.doc, c, ctx.diags));
        } else if (n == "priority") {
            std::string p = plain_text(read_inlines(ctx.doc, c, ctx.diags));
            if (p.size() == 1 && p[0] >= '1' && p[0] <= '5') m.priority = p[0] - '0';
        } else if (n == "keyword") {
            m.keywords.push_back(plain_text(read_inlines(ctx.doc, c, ctx.diags)));
        } else if (n == "rights") {
            m.rights = read_inlines(ctx.doc, c, ctx.diags);
            m.rights_at = ctx.doc.where(c);
        }
    }
    return m;
}

Head read_head(const xmlNode* head, BlockContext& ctx) {
    Head h;
    for (xmlNode* c : xml::children(head)) {
        std::string_view n = xml::name(c);
        if (n == "kicker") {
            h.kicker = read_inlines(ctx.doc, c, ctx.diags);
            h.kicker_at = ctx.doc.where(c);
        } else if (n == "headline") {
            h.headline = read_inlines(ctx.doc, c, ctx.diags);
            h.headline_at = ctx.doc.where(c);
        } else if (n == "deck") {
            h.deck = read_inlines(ctx.doc, c, ctx.diags);
            h.deck_at = ctx.doc.where(c);
        } else if (n == "byline") {
            h.bylines.push_back(read_inlines(ctx.doc, c, ctx.diags));
            h.bylines_at.push_back(ctx.doc.where(c));
        } else if (n == "dateline") {
            h.dateline = read_inlines(ctx.doc, c, ctx.diags);
            h.dateline_at = ctx.doc.where(c);
        }
    }
    return h;
}

RelatedItem read_related_item(const xmlNode* item, BlockContext& ctx) {
    RelatedItem r;
    r.ref = xml::attribute(item, "ref").value_or("");
    r.href = xml::attribute(item, "href").value_or("");
    r.where = ctx.doc.where(item);
    for (xmlNode* c : xml::children(item)) {
        std::string_view n = xml::name(c);
        if (n == "kicker") r.kicker = read_inlines(ctx.doc, c, ctx.diags);
        else if (n == "title") r.title = read_inlines(ctx.doc, c, ctx.diags);
        else if (n == "teaser") r.teaser = read_inlines(ctx.doc, c, ctx.diags);
    }
    return r;
}

End read_end(const xmlNode* end, BlockContext& ctx) {
    End e;
    if (end == nullptr) return e;
    for (xmlNode* c : xml::children(end)) {
        std::string_view n = xml::name(c);
        if (n == "tagline") {
            e.tagline = read_inlines(ctx.doc, c, ctx.diags);
            e.tagline_at = ctx.doc.where(c);
        } else if (n == "correction") {
            e.corrections.push_back(read_inlines(ctx.doc, c, ctx.diags));
            e.corrections_at.push_back(ctx.doc.where(c));
        } else if (n == "related") {
            for (xmlNode* item : xml::children(c))
                if (xml::is_element(item, "item")) e.related.push_back(read_related_item(item, ctx));
        }
    }
    return e;
}

}  // namespace

Article read_article(const xml::Document& doc, const std::string& relative_file,
                     const std::filesystem::path& article_dir, ImageResolver& images, Diagnostics& diags) {
    BlockContext ctx{doc, images, article_dir, diags};
    const xmlNode* root = doc.root();
    Article a;
    a.id = xml::attribute(root, "id").value_or("");
    a.lang = xml::attribute(root, "lang", xml::kXmlNamespace).value_or("");
    a.file = relative_file;
    a.where = doc.where(root);
    a.meta = read_meta(xml::child(root, "meta"), ctx);
    if (const xmlNode* head = xml::child(root, "head")) {
        a.head = read_head(head, ctx);
        // The schema asks for the element; an empty one leaves the story
        // without a title in the contents, the PDF outline and the page.
        if (is_blank(a.head.headline))
            diags.error("E-ARTICLE-HEADLINE-EMPTY", a.head.headline_at,
                        "the headline is empty: it is the story's title in the contents, the PDF outline and on "
                        "the page");
    }
    if (const xmlNode* body = xml::child(root, "body")) a.body = read_blocks(body, ctx);
    a.end = read_end(xml::child(root, "end"), ctx);
    return a;
}

}  // namespace galley::read

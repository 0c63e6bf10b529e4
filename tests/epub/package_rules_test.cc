// Checks of EPUB 3.3 rules (and of this project's own promises) that
// Debian's epubcheck 4.2.6, which knows the 3.2 rules, does not make:
// container and manifest completeness, no remote resources, languages on
// every document, landmarks, accessibility metadata present and consistent
// with the content, epub:type terms with their ARIA roles, the NCX mirroring
// the nav document, content-derived image names, reading-system-friendly CSS.
#include <doctest/doctest.h>

#include <algorithm>

#include <regex>
#include <set>

#include "built_books.h"
#include "epub/image_names.h"
#include "epub/stylesheet.h"
#include "layout/loader.h"
#include "xml_probe.h"

namespace galley::test {
namespace {

bool is_xhtml(const std::string& name) { return name.size() > 6 && name.substr(name.size() - 6) == ".xhtml"; }

std::string dir_of(const std::string& path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

/// Resolves a relative reference against the folder of `from` (ZIP paths).
std::string resolve(const std::string& from, std::string ref) {
    std::size_t hash = ref.find('#');
    if (hash != std::string::npos) ref = ref.substr(0, hash);
    std::vector<std::string> parts;
    std::string base = dir_of(from) + ref;
    std::string part;
    for (std::size_t i = 0; i <= base.size(); ++i) {
        if (i == base.size() || base[i] == '/') {
            if (part == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.push_back(part);
            }
            part.clear();
        } else {
            part += base[i];
        }
    }
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

bool is_remote(const std::string& ref) {
    static const std::regex scheme("^[A-Za-z][A-Za-z0-9+.-]*:");
    return std::regex_search(ref, scheme) || (!ref.empty() && ref[0] == '/');
}

}  // namespace

TEST_CASE("package: mimetype comes first, stored, without extra field, container names the package") {
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        REQUIRE_FALSE(book.entries.empty());
        const ZipFileEntry& first = book.entries.front();
        CHECK(first.name == "mimetype");
        CHECK(first.data == "application/epub+zip");
        CHECK(first.method == 0);
        CHECK(first.extra_field_length == 0);
        XmlProbe container(book.files.at("META-INF/container.xml"), "container.xml");
        REQUIRE(container.ok());
        std::string path = container.value("/c:container/c:rootfiles/c:rootfile/@full-path");
        CHECK(path == "EPUB/package.opf");
        CHECK(book.files.count(path) == 1);
        for (const ZipFileEntry& e : book.entries) {
            CAPTURE(e.name);
            CHECK((e.external_attributes >> 16) == 0100644u);
        }
    }
}

TEST_CASE("package: every file is in the manifest and every manifest item is in the container") {
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        XmlProbe opf(book.files.at("EPUB/package.opf"), "package.opf");
        REQUIRE(opf.ok());
        std::set<std::string> listed;
        std::set<std::string> ids;
        for (xmlNode* item : opf.all("/opf:package/opf:manifest/opf:item")) {
            std::string href = attr(item, "href");
            CAPTURE(href);
            CHECK_FALSE(is_remote(href));
            CHECK(book.files.count("EPUB/" + href) == 1);
            CHECK(listed.insert("EPUB/" + href).second);
            CHECK(ids.insert(attr(item, "id")).second);
        }
        for (const auto& [name, data] : book.files) {
            if (name == "mimetype" || name.rfind("META-INF/", 0) == 0 || name == "EPUB/package.opf") continue;
            CAPTURE(name);
            CHECK(listed.count(name) == 1);
        }
        auto spine = opf.all("/opf:package/opf:spine/opf:itemref");
        CHECK(spine.size() >= 3);
        for (xmlNode* ref : spine) {
            std::string id = attr(ref, "idref");
            CAPTURE(id);
            CHECK(opf.value("/opf:package/opf:manifest/opf:item[@id='" + id + "']/@media-type") ==
                  "application/xhtml+xml");
        }
        CHECK(opf.count("/opf:package/opf:manifest/opf:item[@properties='nav']") == 1);
        CHECK(opf.value("/opf:package/opf:spine/@toc") == "ncx");
        CHECK(opf.value("/opf:package/opf:manifest/opf:item[@id='ncx']/@media-type") == "application/x-dtbncx+xml");
        // The unique identifier names the dc:identifier.
        std::string uid = opf.value("/opf:package/@unique-identifier");
        CHECK(opf.count("/opf:package/opf:metadata/dc:identifier[@id='" + uid + "']") == 1);
    }
}

TEST_CASE("content documents: well-formed XHTML, lang and xml:lang on the root, unique ids, no named entities") {
    static const std::regex named_entity("&(?!(amp|lt|gt|quot|apos);|#)[A-Za-z][A-Za-z0-9]*;");
    static const std::regex language_tag("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$");
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        for (const auto& [name, data] : book.files) {
            if (name.size() < 4 || (name.substr(name.size() - 4) != ".opf" && name.substr(name.size() - 4) != ".ncx" &&
                                    !is_xhtml(name)))
                continue;
            CAPTURE(name);
            CHECK_FALSE(std::regex_search(data, named_entity));
            XmlProbe doc(data, name);
            INFO(doc.errors());
            REQUIRE(doc.ok());
            if (!is_xhtml(name)) continue;
            std::string lang = attr(doc.root(), "lang");
            CHECK(std::regex_match(lang, language_tag));
            CHECK(attr(doc.root(), "lang", kXmlNs) == lang);
            CHECK_FALSE(doc.value("/h:html/h:head/h:title").empty());
            std::set<std::string> seen;
            for (xmlNode* n : doc.all("//*[@id]")) {
                CAPTURE(attr(n, "id"));
                CHECK(seen.insert(attr(n, "id")).second);
            }
            // Any element in another language says so with both attributes.
            for (xmlNode* n : doc.all("//*[@lang]")) CHECK(attr(n, "lang", kXmlNs) == attr(n, "lang"));
        }
    }
}

TEST_CASE("content documents: no remote resources, every internal link and fragment resolves") {
    static const std::regex css_url(R"re(url\(\s*"?([^")]+)"?\s*\))re");
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        for (const auto& [name, data] : book.files) {
            if (name.size() > 4 && name.substr(name.size() - 4) == ".css") {
                for (std::sregex_iterator it(data.begin(), data.end(), css_url), end; it != end; ++it) {
                    std::string ref = (*it)[1];
                    CAPTURE(ref);
                    CHECK_FALSE(is_remote(ref));
                    CHECK(book.files.count(resolve(name, ref)) == 1);
                }
                CHECK(data.find("@import") == std::string::npos);
                continue;
            }
            if (!is_xhtml(name)) continue;
            CAPTURE(name);
            XmlProbe doc(data, name);
            REQUIRE(doc.ok());
            for (xmlNode* n : doc.all("//*[@src] | //h:link[@href]")) {
                std::string ref = has_attr(n, "src") ? attr(n, "src") : attr(n, "href");
                CAPTURE(ref);
                CHECK_FALSE(is_remote(ref));
                CHECK(book.files.count(resolve(name, ref)) == 1);
            }
            for (xmlNode* a : doc.all("//h:a[@href]")) {
                std::string href = attr(a, "href");
                CAPTURE(href);
                if (href.rfind("https://", 0) == 0 || href.rfind("http://", 0) == 0 || href.rfind("mailto:", 0) == 0)
                    continue;
                std::string target = resolve(name, href);
                REQUIRE(book.files.count(target) == 1);
                std::size_t hash = href.find('#');
                if (hash != std::string::npos) {
                    XmlProbe other(book.files.at(target), target);
                    CHECK(other.count("//*[@id='" + href.substr(hash + 1) + "']") == 1);
                }
            }
            CHECK(doc.count("//h:script | //h:iframe | //h:object | //h:embed | //h:form") == 0);
        }
    }
}

TEST_CASE("navigation: toc, landmarks (cover, toc, bodymatter) and an NCX that mirrors the toc") {
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        XmlProbe opf(book.files.at("EPUB/package.opf"), "package.opf");
        std::string nav_path = "EPUB/" + opf.value("/opf:package/opf:manifest/opf:item[@properties='nav']/@href");
        XmlProbe nav(book.files.at(nav_path), nav_path);
        REQUIRE(nav.ok());
        CHECK(nav.count("//h:nav[@epub:type='toc']") == 1);
        std::set<std::string> spine_docs;
        for (xmlNode* ref : opf.all("/opf:package/opf:spine/opf:itemref"))
            spine_docs.insert("EPUB/" + opf.value("/opf:package/opf:manifest/opf:item[@id='" + attr(ref, "idref") + "']/@href"));
        for (const char* type : {"cover", "toc", "bodymatter"}) {
            CAPTURE(type);
            auto links = nav.all(std::string("//h:nav[@epub:type='landmarks']//h:a[@epub:type='") + type + "']");
            REQUIRE(links.size() == 1);
            CHECK(spine_docs.count(resolve(nav_path, attr(links.front(), "href"))) == 1);
        }
        // Sections, each with its articles, in both.
        auto toc_links = nav.all("//h:nav[@epub:type='toc']//h:a");
        REQUIRE_FALSE(toc_links.empty());
        XmlProbe ncx(book.files.at("EPUB/toc.ncx"), "toc.ncx");
        REQUIRE(ncx.ok());
        auto labels = ncx.all("//ncx:navPoint/ncx:navLabel/ncx:text");
        auto srcs = ncx.all("//ncx:navPoint/ncx:content/@src");
        REQUIRE(labels.size() == toc_links.size());
        REQUIRE(srcs.size() == toc_links.size());
        for (std::size_t i = 0; i < toc_links.size(); ++i) {
            CHECK(node_text(labels[i]) == node_text(toc_links[i]));
            CHECK(node_text(srcs[i]) == attr(toc_links[i], "href"));
        }
        CHECK(ncx.value("/ncx:ncx/ncx:head/ncx:meta[@name='dtb:uid']/@content") ==
              opf.value("/opf:package/opf:metadata/dc:identifier"));
        CHECK(ncx.count("//ncx:navPoint/ncx:navPoint") > 0);  // sections hold their articles
    }
}

TEST_CASE("accessibility metadata: present, from the vocabulary, and consistent with the content") {
    static const std::set<std::string> features{"structuralNavigation", "tableOfContents", "readingOrder", "ARIA",
                                                "displayTransformability", "alternativeText"};
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        XmlProbe opf(book.files.at("EPUB/package.opf"), "package.opf");
        auto values = [&](const std::string& property) {
            std::vector<std::string> out;
            for (xmlNode* n : opf.all("/opf:package/opf:metadata/opf:meta[@property='" + property + "']"))
                out.push_back(node_text(n));
            return out;
        };
        auto has = [](const std::vector<std::string>& v, const std::string& s) {
            return std::find(v.begin(), v.end(), s) != v.end();
        };
        // The facts, from the content itself.
        bool images = false;
        bool all_alt = true;
        for (const auto& [name, data] : book.files) {
            if (!is_xhtml(name)) continue;
            XmlProbe doc(data, name);
            for (xmlNode* img : doc.all("//h:img")) {
                images = true;
                all_alt = all_alt && has_attr(img, "alt");
            }
        }
        auto modes = values("schema:accessMode");
        auto sufficient = values("schema:accessModeSufficient");
        auto feats = values("schema:accessibilityFeature");
        auto hazards = values("schema:accessibilityHazard");
        auto summary = values("schema:accessibilitySummary");
        CHECK(has(modes, "textual"));
        CHECK(has(modes, "visual") == images);
        CHECK(has(sufficient, "textual") == (!images || all_alt));
        CHECK(has(sufficient, "textual,visual") == images);
        for (const char* f : {"structuralNavigation", "tableOfContents", "readingOrder"}) CHECK(has(feats, f));
        CHECK(has(feats, "alternativeText") == (images && all_alt));
        for (const std::string& f : feats) {
            CAPTURE(f);
            CHECK(features.count(f) == 1);
        }
        CHECK(hazards == std::vector<std::string>{"none"});
        REQUIRE(summary.size() == 1);
        CHECK(summary.front().size() > 40);
        bool tables = false;
        for (const auto& [name, data] : book.files)
            if (is_xhtml(name) && data.find("<table") != std::string::npos) tables = true;
        CHECK((summary.front().find("header cells") != std::string::npos) == tables);
        // dcterms:modified: exactly one, in the required form.
        auto modified = values("dcterms:modified");
        REQUIRE(modified.size() == 1);
        CHECK(std::regex_match(modified.front(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    }
}

TEST_CASE("semantics: epub:type terms carry their ARIA roles, no doc-chapter on article") {
    const std::map<std::string, std::string> roles{{"pullquote", "doc-pullquote"}, {"toc", "doc-toc"},
                                                   {"errata", "doc-errata"},      {"subtitle", "doc-subtitle"},
                                                   {"cover", "doc-cover"}};
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        for (const auto& [name, data] : book.files) {
            if (!is_xhtml(name)) continue;
            CAPTURE(name);
            XmlProbe doc(data, name);
            for (xmlNode* n : doc.all("//*[@epub:type]")) {
                std::string type = attr(n, "type", kOpsNs);
                CAPTURE(type);
                // Landmarks name their targets' types; they take no role.
                if (type == "landmarks" || (n->parent && n->parent->parent && n->parent->parent->parent &&
                                            attr(n->parent->parent->parent, "type", kOpsNs) == "landmarks"))
                    continue;
                REQUIRE(roles.count(type) == 1);
                CHECK(attr(n, "role") == roles.at(type));
            }
            CHECK(doc.count("//h:article[@role='doc-chapter']") == 0);
            // Pull quotes repeat the body: hidden from assistive technology, nothing focusable inside.
            for (xmlNode* q : doc.all("//h:aside[@epub:type='pullquote']")) CHECK(attr(q, "aria-hidden") == "true");
            CHECK(doc.count("//h:aside[@epub:type='pullquote']//h:a") == 0);
            // Tables mark their header cells.
            CHECK(doc.count("//h:thead//h:td") == 0);
            for (xmlNode* th : doc.all("//h:th")) CHECK(attr(th, "scope") == "col");
        }
    }
}

TEST_CASE("images: named after their content, never after the input path, with the right media type") {
    static const std::regex name("EPUB/images/([0-9a-f]{20})\\.(jpg|png|gif|svg)");
    const std::map<std::string, std::string> types{
        {"jpg", "image/jpeg"}, {"png", "image/png"}, {"gif", "image/gif"}, {"svg", "image/svg+xml"}};
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        XmlProbe opf(book.files.at("EPUB/package.opf"), "package.opf");
        for (xmlNode* item : opf.all("/opf:package/opf:manifest/opf:item[starts-with(@media-type, 'image/')]")) {
            std::string path = "EPUB/" + attr(item, "href");
            CAPTURE(path);
            std::smatch m;
            REQUIRE(std::regex_match(path, m, name));
            CHECK(m[1] == epub::image_stem(book.files.at(path)));
            CHECK(attr(item, "media-type") == types.at(m[2]));
        }
        // Nothing in the book is named after an input image path.
        for (const auto& [file, data] : book.files) {
            CAPTURE(file);
            CHECK(file.find("dolphin-surfacing") == std::string::npos);
            CHECK(file.find("img/") == std::string::npos);
        }
    }
}

TEST_CASE("cover: the manifest's cover, else the first article's lead picture, marked cover-image") {
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        XmlProbe opf(book.files.at("EPUB/package.opf"), "package.opf");
        auto covers = opf.all("/opf:package/opf:manifest/opf:item[@properties='cover-image']");
        if (book.name == "no-images") {
            CHECK(covers.empty());
            continue;
        }
        REQUIRE(covers.size() == 1);
        std::string href = attr(covers.front(), "href");
        CHECK(opf.value("/opf:package/opf:metadata/opf:meta[@name='cover']/@content") == attr(covers.front(), "id"));
        XmlProbe page(book.files.at("EPUB/cover.xhtml"), "cover.xhtml");
        CHECK(page.value("//h:img[@role='doc-cover']/@src") == href);
    }
}

TEST_CASE("stylesheet: no columns, no positioning, no absolute font sizes, no background colours") {
    for (const BuiltBook& book : built_books()) {
        CAPTURE(book.name);
        const std::string& css = book.files.at("EPUB/css/galley.css");
        CHECK(css.find("column") == std::string::npos);
        CHECK(css.find("position") == std::string::npos);
        CHECK(css.find("background") == std::string::npos);
        CHECK(css.find("!important") == std::string::npos);
        static const std::regex font_size(R"(font-size:\s*([^;]+);)");
        for (std::sregex_iterator it(css.begin(), css.end(), font_size), end; it != end; ++it) {
            std::string v = (*it)[1];
            CAPTURE(v);
            CHECK(std::regex_match(v, std::regex(R"([0-9.]+(em|%))")));
        }
        static const std::regex absolute(R"([0-9.]+(pt|px|cm|mm|in|pc)\b)");
        CHECK_FALSE(std::regex_search(css, absolute));
        // The body's size is the reader's.
        std::size_t body = css.find("\nbody {");
        REQUIRE(body != std::string::npos);
        CHECK(css.substr(body, css.find('}', body) - body).find("font-size") == std::string::npos);
    }
}

}  // namespace galley::test

namespace galley::test {

TEST_CASE("stylesheet: every bundled layout gives a reader-friendly stylesheet") {
    Diagnostics diags;
    auto layouts = layout::list_layouts(layout::bundled_layouts_dir(), diags);
    REQUIRE(layouts.size() >= 5);
    for (const layout::LayoutSummary& summary : layouts) {
        CAPTURE(summary.name);
        Diagnostics d;
        auto l = layout::load_layout(summary.name, layout::bundled_layouts_dir(), d);
        REQUIRE(l.has_value());
        std::string css = epub::stylesheet_css(epub::stylesheet_rules(*l), {});
        CHECK(css.find("column") == std::string::npos);
        CHECK(css.find("background") == std::string::npos);
        CHECK_FALSE(std::regex_search(css, std::regex(R"([0-9.]+(pt|px|cm|mm|in|pc)\b)")));
        CHECK(css.find("nan") == std::string::npos);
        CHECK(css.find("inf") == std::string::npos);
        // Headline tiers shrink (or stay) from the lead story down.
        double previous = 100;
        for (int tier = 1; tier <= 5; ++tier) {
            std::string sel = ".headline.tier-" + std::to_string(tier) + " {";
            std::size_t at = css.find(sel);
            REQUIRE(at != std::string::npos);
            std::size_t fs = css.find("font-size: ", at);
            double size = std::stod(css.substr(fs + 11));
            CHECK(size <= previous);
            CHECK(size >= 1.0);
            previous = size;
        }
    }
}

TEST_CASE("stylesheet: stacked-mark scripts get the layout's least line-height, not more, under :lang") {
    Diagnostics d;
    auto l = layout::load_layout("broadsheet", layout::bundled_layouts_dir(), d);
    REQUIRE(l.has_value());
    l->grid.stacked_line_height = 1.25;
    epub::BookScripts scripts;
    scripts.stacked_marks = {"km", "my", "km\"] *"};  // the last is no language tag: skipped
    std::string css = epub::stylesheet_css(epub::stylesheet_rules(*l, scripts), {});
    // Only rules below 1.25 come again, at 1.25, for each tag.
    std::regex lang_rule(R"(([^\n{}]*:lang\([^\n{}]*) \{\n  line-height: ([0-9.]+);\n\})");
    int count = 0;
    for (std::sregex_iterator it(css.begin(), css.end(), lang_rule), end; it != end; ++it) {
        ++count;
        CHECK((*it)[2] == "1.25");
        const std::string selector = (*it)[1];
        CHECK(selector.find(":lang(km)") != std::string::npos);
        CHECK(selector.find(":lang(my)") != std::string::npos);
        CHECK(selector.find("km\"") == std::string::npos);
    }
    CHECK(count > 0);
    CHECK(css.find(".headline:lang(km), .headline:lang(my) {") != std::string::npos);
    CHECK(css.find(".deck:lang(km), .deck:lang(my) {") != std::string::npos);
    // The body's 1.3 needs no taller lines.
    CHECK(css.find("body:lang(") == std::string::npos);
    // Without such scripts, no :lang rules.
    CHECK(epub::stylesheet_css(epub::stylesheet_rules(*l), {}).find(":lang(") == std::string::npos);
}

TEST_CASE("stylesheet: text written without spaces between words is justified between letters, under :lang") {
    Diagnostics d;
    auto l = layout::load_layout("tabloid", layout::bundled_layouts_dir(), d);
    REQUIRE(l.has_value());
    epub::BookScripts scripts;
    scripts.letter_justified = {"km", "th", "th\"] *"};  // the last is no language tag: skipped
    const std::vector<epub::CssRule> rules = epub::stylesheet_rules(*l, scripts);
    // Every justified rule comes again for each tag, with nothing but
    // text-justify; nothing else does.
    std::size_t justified = 0, again = 0;
    for (const epub::CssRule& r : rules) {
        const bool lang = r.selector.find(":lang(") != std::string::npos;
        for (const auto& [name, value] : r.declarations) {
            if (name == "text-align" && value == "justify") {
                CHECK(!lang);
                ++justified;
            }
            if (name == "text-justify") {
                CHECK(value == "inter-character");
                CHECK(r.declarations.size() == 1);
                CHECK(r.selector.find(":lang(km)") != std::string::npos);
                CHECK(r.selector.find(":lang(th)") != std::string::npos);
                CHECK(r.selector.find("th\"") == std::string::npos);
                ++again;
            }
        }
    }
    CHECK(justified > 0);
    CHECK(again == justified);
    // Body text is justified in the tabloid.
    const std::string css = epub::stylesheet_css(rules, {});
    CHECK(css.find(":lang(km), ") != std::string::npos);
    CHECK(css.find("text-justify: inter-character;") != std::string::npos);
    CHECK(epub::stylesheet_css(epub::stylesheet_rules(*l), {}).find("text-justify") == std::string::npos);
}

}  // namespace galley::test

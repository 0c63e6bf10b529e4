#include "read/issue_reader.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <thread>
#include <system_error>

#include "base/content_root.h"
#include "read/article_reader.h"
#include "read/block_reader.h"
#include "read/image_resolver.h"
#include "read/issue_checks.h"
#include "read/manifest_reader.h"
#include "read/nitf_reader.h"
#include "read/schemas.h"
#include "xml/document.h"

namespace galley::read {
namespace fs = std::filesystem;
namespace {

// Everything one read needs, so the steps below take one argument.
struct Reader {
    fs::path input_dir;  // the issue folder as given (for display names)
    ContentRoot root;
    const ReadOptions& options;
    Diagnostics& diags;
    ImageResolver images;

    Reader(fs::path dir, const ReadOptions& opts, Diagnostics& d)
        : input_dir(dir), root(dir), options(opts), diags(d), images(root, opts.limits) {}

    std::string display(const std::string& relative) const {
        return (input_dir / relative).lexically_normal().string();
    }
};

// A story is an article in galley's vocabulary or an IPTC NITF file.
enum class Kind { article, nitf, manifest, other };

bool is_story(Kind k) { return k == Kind::article || k == Kind::nitf; }

struct Parsed {
    std::optional<xml::Document> doc;
    Kind kind = Kind::other;
    std::string relative;
};

// Resolves one XML file of the issue, or nothing (reported at `referred_from`).
std::optional<ResolvedPath> resolve_xml(Reader& r, std::string_view reference, const SourceLocation& referred_from,
                                        std::string_view what) {
    PathResult resolved = r.root.resolve(reference, fs::path(), what);
    if (auto* refusal = std::get_if<PathRefusal>(&resolved)) {
        r.diags.error(refusal->code, referred_from, refusal->message);
        return std::nullopt;
    }
    return std::get<ResolvedPath>(std::move(resolved));
}

// Reads (size cap first) and parses one resolved XML file. Reports into
// `diags` (articles are read on several threads, each into its own).
Parsed parse_xml(const Reader& r, const ResolvedPath& path, Diagnostics& diags) {
    Parsed out;
    out.relative = path.relative;
    galley::ReadResult bytes = r.root.read(path, r.options.limits.max_xml_bytes);
    if (auto* refusal = std::get_if<PathRefusal>(&bytes)) {
        diags.error(refusal->code, {r.display(path.relative), 0, 0}, refusal->message);
        return out;
    }
    const auto& data = std::get<std::vector<std::uint8_t>>(bytes);
    // NITF files may carry <!DOCTYPE nitf SYSTEM "...">: accepted, never loaded.
    out.doc = xml::parse(std::string_view(reinterpret_cast<const char*>(data.data()), data.size()),
                         r.display(path.relative), diags, xml::ParseOptions{"nitf", r.options.limits.markup});
    if (out.doc) {
        std::string_view root_name = xml::name(out.doc->root());
        out.kind = root_name == "article" ? Kind::article
                   : root_name == "nitf"  ? Kind::nitf
                   : root_name == "issue" ? Kind::manifest
                                          : Kind::other;
    }
    return out;
}

// Resolves, reads and parses one XML file of the issue.
Parsed load_xml(Reader& r, std::string_view reference, const SourceLocation& referred_from,
                std::string_view what) {
    std::optional<ResolvedPath> path = resolve_xml(r, reference, referred_from, what);
    if (!path) return Parsed{};
    return parse_xml(r, *path, r.diags);
}

// Validates and converts an article document into `diags`; nothing if it
// has errors.
std::optional<model::Article> convert_article(Reader& r, const Parsed& p, Diagnostics& diags) {
    Diagnostics local;
    if (p.kind == Kind::nitf) {
        model::Article a = read_nitf(*p.doc, p.relative, fs::path(p.relative).parent_path(), r.images, local);
        diags.append(local);
        if (local.has_errors()) return std::nullopt;
        return a;
    }
    if (!article_schema().validate(*p.doc, local)) {
        diags.append(local);
        return std::nullopt;
    }
    fs::path article_dir = fs::path(p.relative).parent_path();
    model::Article a = read_article(*p.doc, p.relative, article_dir, r.images, local);
    diags.append(local);
    if (local.has_errors()) return std::nullopt;
    return a;
}

// One article file to read, and what came of it.
struct Story {
    ResolvedPath path;
    Diagnostics diags;
    enum class Outcome { article, failed, not_story } outcome = Outcome::failed;
    std::optional<model::Article> article;
    std::string root_name;  ///< not_story: the root element
    int root_line = 0;
};

// Reads, parses and converts one story into its own diagnostics.
void read_story(Reader& r, Story& s) {
    Parsed p = parse_xml(r, s.path, s.diags);
    if (!p.doc) return;
    if (!is_story(p.kind)) {
        s.outcome = Story::Outcome::not_story;
        s.root_name = std::string(xml::name(p.doc->root()));
        s.root_line = xml::line(p.doc->root());
        return;
    }
    s.article = convert_article(r, p, s.diags);
    s.outcome = s.article ? Story::Outcome::article : Story::Outcome::failed;
}

// Reads the stories on up to options.threads threads. Each keeps its own
// diagnostics, which the caller appends in order: the result is the same
// whatever the number of threads.
void read_stories(Reader& r, const std::vector<Story*>& stories) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < stories.size(); i = next++) read_story(r, *stories[i]);
    };
    const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(std::max(r.options.threads, 1)),
                                                      stories.size());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
}

std::optional<model::Image> resolve_picture(Reader& r, const std::optional<PictureRef>& pic) {
    if (!pic) return std::nullopt;
    auto image = r.images.resolve(pic->src, pic->alt, fs::path(), pic->where, r.diags);
    if (image) warn_if_alt_missing(*image, pic->where, r.diags);
    return image;
}

std::optional<model::Issue> read_with_manifest(Reader& r, IssueReadResult& result) {
    Parsed mp = load_xml(r, "issue.xml", {r.display("issue.xml"), 0, 0}, "manifest path");
    if (!mp.doc) return std::nullopt;
    if (mp.kind != Kind::manifest) {
        r.diags.error("E-ISSUE-MANIFEST", {r.display("issue.xml"), xml::line(mp.doc->root()), 0},
                      "issue.xml must have <issue> as its root element, not <" +
                          std::string(xml::name(mp.doc->root())) + ">");
        return std::nullopt;
    }
    if (!issue_schema().validate(*mp.doc, r.diags)) return std::nullopt;
    Manifest m = read_manifest(*mp.doc);
    model::Issue issue = m.issue;
    if (r.options.on_manifest) r.options.on_manifest(issue);
    issue.logo = resolve_picture(r, m.logo);
    issue.cover = resolve_picture(r, m.cover);
    for (const PictureRef& ad : m.house_ads)
        if (auto image = resolve_picture(r, ad)) issue.house_ads.push_back(std::move(*image));

    // Every listing is resolved, and checked against the ones before it,
    // before anything is read: one 8 MiB file listed 5,000 times under
    // different spellings (d0/../story.xml, d1/../story.xml, a link) is
    // read once, not 5,000 times. The key is the real file.
    std::map<fs::path, std::pair<std::string, SourceLocation>> listed;
    struct Listing {
        std::size_t section;
        std::string src;
        SourceLocation where;
        Diagnostics diags;            // resolving and listing problems
        std::unique_ptr<Story> story;  // null: not read (refused, or listed already)
        bool duplicate = false;       // listed already: not left out, read once
    };
    std::vector<Listing> listings;
    for (std::size_t s = 0; s < m.sections.size(); ++s) {
        for (const ArticleRef& ref : m.sections[s].articles) {
            Listing& l = listings.emplace_back(Listing{s, ref.src, ref.where, {}, nullptr, false});
            PathResult resolved = r.root.resolve(ref.src, fs::path(), "article path");
            if (auto* refusal = std::get_if<PathRefusal>(&resolved)) {
                l.diags.error(refusal->code, ref.where, refusal->message);
                continue;
            }
            ResolvedPath& path = std::get<ResolvedPath>(resolved);
            auto [it, inserted] = listed.try_emplace(path.absolute, path.relative, ref.where);
            if (!inserted) {
                const std::string& first = it->second.first;
                l.diags.error("E-ISSUE-DUPLICATE-ARTICLE", ref.where,
                              "article file " + quote_path(path.relative) +
                                  (first == path.relative ? std::string() : " (" + quote_path(first) + ")") +
                                  " is already listed at line " + std::to_string(it->second.second.line));
                l.duplicate = true;
                continue;
            }
            l.story = std::make_unique<Story>();
            l.story->path = std::move(path);
        }
    }
    std::vector<Story*> stories;
    for (Listing& l : listings)
        if (l.story) stories.push_back(l.story.get());
    read_stories(r, stories);

    for (const ManifestSection& ms : m.sections) issue.sections.push_back(model::Section{ms.title, {}});
    for (Listing& l : listings) {
        r.diags.append(l.diags);
        if (!l.story) {
            // A refused path is left out; a second listing of a file is not.
            if (!l.duplicate) result.failed_articles.push_back(l.src);
            continue;
        }
        Story& story = *l.story;
        r.diags.append(story.diags);
        switch (story.outcome) {
            case Story::Outcome::article:
                if (story.article->lang.empty()) story.article->lang = issue.lang;
                issue.sections[l.section].articles.push_back(std::move(*story.article));
                break;
            case Story::Outcome::not_story:
                r.diags.error("E-ISSUE-NOT-ARTICLE", l.where,
                              quote_path(story.path.relative) + " is not an article (its root element is <" +
                                  story.root_name + ">)");
                result.failed_articles.push_back(story.path.relative);
                break;
            case Story::Outcome::failed: result.failed_articles.push_back(story.path.relative); break;
        }
        l.story.reset();
    }
    return issue;
}

// All *.xml files below the folder, relative, sorted bytewise. Hidden
// entries and symbolic links to folders are not entered.
std::vector<std::string> find_xml_files(const fs::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (p.extension() != ".xml") continue;
        out.push_back(p.lexically_relative(dir).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string date_part(const std::string& published) { return published.substr(0, 10); }

// Derives what a manifest would say from the articles themselves.
bool derive_metadata(Reader& r, model::Issue& issue, const std::vector<const model::Article*>& articles,
                     const std::string& folder_name) {
    issue.id = id_from_name(folder_name);
    issue.publication = folder_name;
    std::map<std::string, int> langs;
    std::string best_lang;
    int best = 0;
    for (const model::Article* a : articles) {
        if (a->lang.empty()) continue;  // a NITF story without xml:lang takes the issue's
        int n = ++langs[a->lang];
        if (n > best) {
            best = n;
            best_lang = a->lang;
        }
        std::string d = date_part(a->meta.published);
        if (d > issue.date) issue.date = d;
    }
    issue.lang = best_lang;
    if (issue.date.empty()) {
        r.diags.error("E-ISSUE-NO-DATE", {r.display(""), 0, 0},
                      "no article has a <published> date, so the issue has none; add an issue.xml with a <date>");
        return false;
    }
    return true;
}

// Groups articles into sections by meta/section in order of first
// appearance; articles without one join "News", which comes last. Inside a
// section: by priority (articles without one after those with one), then by
// file name.
void group_into_sections(model::Issue& issue, std::vector<model::Article> articles) {
    static const std::string kDefaultSection = "News";
    std::vector<std::string> order;
    std::map<std::string, std::vector<model::Article>> by_section;
    for (model::Article& a : articles) {
        const std::string key = a.meta.section.empty() ? kDefaultSection : a.meta.section;
        if (by_section.count(key) == 0 && key != kDefaultSection) order.push_back(key);
        by_section[key].push_back(std::move(a));
    }
    if (by_section.count(kDefaultSection) != 0) order.push_back(kDefaultSection);
    for (const std::string& key : order) {
        std::vector<model::Article>& list = by_section[key];
        std::stable_sort(list.begin(), list.end(), [](const model::Article& x, const model::Article& y) {
            int px = x.meta.priority.value_or(6), py = y.meta.priority.value_or(6);
            if (px != py) return px < py;
            return x.file < y.file;
        });
        issue.sections.push_back({key, std::move(list)});
    }
}

std::optional<model::Issue> read_folder(Reader& r, IssueReadResult& result, const std::string& folder_name) {
    std::vector<model::Article> articles;
    struct Found {
        std::string rel;
        Diagnostics diags;             // resolving problems
        std::unique_ptr<Story> story;  // null: refused
    };
    std::vector<Found> found;
    std::vector<Story*> stories;
    for (const std::string& rel : find_xml_files(r.root.root())) {
        Found& f = found.emplace_back(Found{rel, {}, nullptr});
        PathResult resolved = r.root.resolve(rel, fs::path(), "article path");
        if (auto* refusal = std::get_if<PathRefusal>(&resolved)) {
            f.diags.error(refusal->code, {r.display(rel), 0, 0}, refusal->message);
            continue;
        }
        f.story = std::make_unique<Story>();
        f.story->path = std::get<ResolvedPath>(std::move(resolved));
        stories.push_back(f.story.get());
    }
    read_stories(r, stories);
    for (Found& f : found) {
        r.diags.append(f.diags);
        if (!f.story) {
            result.failed_articles.push_back(f.rel);
            continue;
        }
        r.diags.append(f.story->diags);
        switch (f.story->outcome) {
            case Story::Outcome::article: articles.push_back(std::move(*f.story->article)); break;
            case Story::Outcome::not_story:
                r.diags.warning("W-XML-NOT-ARTICLE", {r.display(f.rel), f.story->root_line, 0},
                                "skipped: the root element is <" + f.story->root_name + ">, not <article>");
                break;
            case Story::Outcome::failed: result.failed_articles.push_back(f.rel); break;
        }
        f.story.reset();
    }
    if (articles.empty()) {
        // With failed articles their errors say it all; otherwise say why.
        if (result.failed_articles.empty())
            r.diags.error("E-ISSUE-EMPTY", {r.display(""), 0, 0}, "the folder holds no article files");
        return std::nullopt;
    }
    model::Issue issue;
    std::vector<const model::Article*> ptrs;
    for (const model::Article& a : articles) ptrs.push_back(&a);
    if (!derive_metadata(r, issue, ptrs, folder_name)) return std::nullopt;
    for (model::Article& a : articles)
        if (a.lang.empty()) a.lang = issue.lang;
    group_into_sections(issue, std::move(articles));
    return issue;
}

// The name of a folder as the user sees it ("." and "x/.." resolved).
std::string folder_name(const fs::path& dir) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::absolute(dir), ec);
    if (ec) canonical = fs::absolute(dir).lexically_normal();
    if (!canonical.has_filename()) canonical = canonical.parent_path();
    return canonical.filename().string();
}

// The folder an article file belongs to: the nearest folder above it that
// holds an issue.xml (so its ../img/ pictures resolve as in the issue), else
// its own folder. Returned as a path the user would recognise.
fs::path issue_folder_of(const fs::path& file) {
    fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    fs::path abs = fs::absolute(dir).lexically_normal();
    if (!abs.has_filename()) abs = abs.parent_path();  // "x/." normalises to "x/"
    fs::path shown = dir;
    std::error_code ec;
    for (int depth = 0; depth < 16; ++depth) {
        if (fs::is_regular_file(abs / "issue.xml", ec)) return shown.lexically_normal();
        if (!abs.has_relative_path()) break;  // reached "/"
        abs = abs.parent_path();
        shown /= "..";
    }
    return dir;
}

std::optional<model::Issue> read_single_file(Reader& r, IssueReadResult& result, const fs::path& file) {
    std::string rel = fs::relative(fs::absolute(file), fs::absolute(r.input_dir)).generic_string();
    Parsed p = load_xml(r, rel, {r.display(rel), 0, 0}, "article path");
    if (!p.doc) return std::nullopt;
    if (!is_story(p.kind)) {
        r.diags.error("E-ISSUE-NOT-ARTICLE", {r.display(rel), xml::line(p.doc->root()), 0},
                      "not an article: the root element is <" + std::string(xml::name(p.doc->root())) +
                          ">; give the issue folder to read a manifest");
        return std::nullopt;
    }
    auto a = convert_article(r, p, r.diags);
    if (!a) {
        result.failed_articles.push_back(rel);
        return std::nullopt;
    }
    model::Issue issue;
    std::string folder = folder_name(r.input_dir);
    if (!derive_metadata(r, issue, {&*a}, folder)) return std::nullopt;
    if (a->lang.empty()) a->lang = issue.lang;
    group_into_sections(issue, {std::move(*a)});
    return issue;
}

}  // namespace

std::string id_from_name(const std::string& name) {
    std::string out;
    for (unsigned char c : name) {
        char lc = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        bool ok = (lc >= 'a' && lc <= 'z') || (lc >= '0' && lc <= '9');
        if (ok)
            out += lc;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "issue" : out;
}

IssueReadResult read_issue(const fs::path& input, const ReadOptions& options, Diagnostics& diags) {
    IssueReadResult result;
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
        diags.error("E-INPUT-NOT-FOUND", {input.string(), 0, 0}, "no such file or folder");
        return result;
    }
    if (fs::is_directory(st)) {
        Reader r(input, options, diags);
        std::string folder = folder_name(input);
        bool has_manifest = fs::exists(r.root.root() / "issue.xml", ec);
        result.issue = has_manifest ? read_with_manifest(r, result) : read_folder(r, result, folder);
        if (result.issue) result.issue->root = input.string();
    } else {
        Reader r(issue_folder_of(input), options, diags);
        result.issue = read_single_file(r, result, input);
        if (result.issue) result.issue->root = r.input_dir.string();
    }
    if (!result.issue) return result;
    for (const std::string& bad_id : check_issue(*result.issue, diags)) {
        for (const model::Section& s : result.issue->sections)
            for (const model::Article& a : s.articles)
                if (a.id == bad_id) result.failed_articles.push_back(a.file);
    }
    std::sort(result.failed_articles.begin(), result.failed_articles.end());
    result.failed_articles.erase(std::unique(result.failed_articles.begin(), result.failed_articles.end()),
                                 result.failed_articles.end());
    return result;
}

}  // namespace galley::read

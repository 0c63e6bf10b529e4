// The one DOCTYPE galley accepts: <!DOCTYPE nitf SYSTEM "..."> or PUBLIC
// "..." "..." with no internal subset, in a file whose root is <nitf>. It is
// reported (W-NITF-DOCTYPE) and never loaded: the file it names is watched
// with inotify and must never be opened, and a listening socket must never
// see a connection. Every other DOCTYPE is still refused.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <unistd.h>

#include "read/read_test_support.h"
#include "xml/document.h"

namespace model = galley::model;
namespace xml = galley::xml;
using galley::Diagnostics;
using galley::test::read_for_test;
using galley::test::source_dir;
using galley::test::TempDir;

namespace {

const xml::ParseOptions kNitf{"nitf"};

std::string only(const Diagnostics& d) {
    REQUIRE(d.all().size() == 1);
    const auto& x = d.all()[0];
    return std::to_string(x.where.line) + ":" + std::to_string(x.where.column) + ": " + x.code + ": " + x.message;
}

// Counts opens and reads of one file from the moment it is constructed.
class FileWatch {
public:
    explicit FileWatch(const std::filesystem::path& file) {
        fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        REQUIRE(fd_ >= 0);
        REQUIRE(inotify_add_watch(fd_, file.c_str(), IN_OPEN | IN_ACCESS) >= 0);
    }
    ~FileWatch() { close(fd_); }
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    /// Events since the last call (0 when the file was left alone).
    int events() {
        alignas(inotify_event) char buf[4096];
        int n = 0;
        for (;;) {
            ssize_t got = read(fd_, buf, sizeof buf);
            if (got <= 0) break;
            for (char* p = buf; p < buf + got;) {
                auto* ev = reinterpret_cast<inotify_event*>(p);
                ++n;
                p += sizeof(inotify_event) + ev->len;
            }
        }
        return n;
    }

private:
    int fd_ = -1;
};

// A TCP socket listening on 127.0.0.1 at a free port.
class Listener {
public:
    Listener() {
        fd_ = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(listen(fd_, 4) == 0);
        socklen_t len = sizeof a;
        REQUIRE(getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port_ = ntohs(a.sin_port);
    }
    ~Listener() { close(fd_); }
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    int port() const { return port_; }
    /// Whether anyone connected (the socket is non-blocking).
    bool contacted() {
        int c = accept(fd_, nullptr, nullptr);
        if (c < 0) return false;
        close(c);
        return true;
    }

private:
    int fd_ = -1;
    int port_ = 0;
};

// Everything the reader produced, as one string: diagnostics and text.
std::string everything(const galley::test::ReadOutcome& r) {
    std::string s;
    for (const std::string& l : r.lines) s += l + "\n";
    if (r.result.issue)
        for (const model::Section& sec : r.result.issue->sections)
            for (const model::Article& a : sec.articles) {
                s += model::plain_text(a.head.headline) + "\n";
                for (const model::Block& b : a.body)
                    if (auto* p = std::get_if<model::Paragraph>(&b.node)) s += model::plain_text(p->content) + "\n";
            }
    return s;
}

std::string story(const std::string& doctype, const std::string& paragraph = "Text.") {
    return "<?xml version=\"1.0\"?>\n" + doctype +
           "\n<nitf xml:lang=\"en\"><head><docdata><doc-id id-string=\"s\"/><date.issue norm=\"20080613\"/>"
           "</docdata></head>\n<body><body.head><hedline><hl1>H</hl1></hedline></body.head>\n"
           "<body.content><p>" + paragraph + "</p></body.content></body></nitf>\n";
}

}  // namespace

TEST_CASE("xml::parse accepts a nitf DOCTYPE with only an external identifier when asked") {
    Diagnostics d;
    auto doc = xml::parse("<?xml version=\"1.0\"?>\n<!DOCTYPE nitf SYSTEM \"nitf-3-4.dtd\">\n<nitf/>", "n.xml", d, kNitf);
    REQUIRE(doc);
    CHECK(d.empty());
    REQUIRE(doc->ignored_doctype());
    CHECK(doc->ignored_doctype()->name == "nitf");
    CHECK(doc->ignored_doctype()->public_id.empty());
    CHECK(doc->ignored_doctype()->system_id == "nitf-3-4.dtd");
    CHECK(doc->ignored_doctype()->where.line == 2);
    CHECK(doc->get()->intSubset == nullptr);
    CHECK(doc->get()->extSubset == nullptr);

    Diagnostics d2;
    auto pub = xml::parse("<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.4//EN\" \"http://127.0.0.1:9/nitf.dtd\"><nitf/>",
                          "p.xml", d2, kNitf);
    REQUIRE(pub);
    CHECK(d2.empty());
    CHECK(pub->ignored_doctype()->public_id == "-//IPTC//DTD NITF 3.4//EN");
    CHECK(pub->ignored_doctype()->system_id == "http://127.0.0.1:9/nitf.dtd");

    Diagnostics d3;
    auto bare = xml::parse("<!DOCTYPE nitf><nitf/>", "b.xml", d3, kNitf);
    REQUIRE(bare);
    CHECK(d3.empty());
}

TEST_CASE("xml::parse still refuses every other DOCTYPE") {
    {
        Diagnostics d;
        CHECK_FALSE(xml::parse("<!DOCTYPE nitf SYSTEM \"n.dtd\"><nitf/>", "n.xml", d));
        CHECK(only(d) == "1:30: E-XML-DOCTYPE: a DOCTYPE declaration is not allowed (<!DOCTYPE nitf ...>); galley reads "
                         "no DTDs and expands no entities");
    }
    {
        Diagnostics d;
        CHECK_FALSE(xml::parse("<!DOCTYPE nitf SYSTEM \"n.dtd\" [<!ENTITY a \"b\">]><nitf>&a;</nitf>", "i.xml", d, kNitf));
        CHECK(only(d) == "1:31: E-XML-DOCTYPE: a DOCTYPE with an internal subset is not allowed (<!DOCTYPE nitf [...]>); "
                         "galley accepts a nitf DOCTYPE with only an external identifier, and never loads it");
    }
    {
        Diagnostics d;
        CHECK_FALSE(xml::parse("<!DOCTYPE nitf [ ]><nitf/>", "e.xml", d, kNitf));
        CHECK(d.all().size() == 1);
        CHECK(d.all()[0].code == "E-XML-DOCTYPE");
    }
    {
        Diagnostics d;
        CHECK_FALSE(xml::parse("<!DOCTYPE article SYSTEM \"a.dtd\"><article/>", "a.xml", d, kNitf));
        CHECK(only(d) == "1:33: E-XML-DOCTYPE: a DOCTYPE declaration is not allowed (<!DOCTYPE article ...>); galley "
                         "reads no DTDs and expands no entities");
    }
    {
        Diagnostics d;
        CHECK_FALSE(xml::parse("<!DOCTYPE nitf SYSTEM \"n.dtd\">\n<article/>", "m.xml", d, kNitf));
        CHECK(only(d) == "1:30: E-XML-DOCTYPE: a DOCTYPE declaration is not allowed (<!DOCTYPE nitf ...> over a "
                         "<article> element); galley reads no DTDs and expands no entities");
    }
    {
        // An entity the unread DTD would declare does not exist.
        Diagnostics d;
        CHECK_FALSE(xml::parse("<!DOCTYPE nitf SYSTEM \"n.dtd\">\n<nitf>&secret;</nitf>", "u.xml", d, kNitf));
        CHECK(only(d) == "2:15: E-XML-MALFORMED: Entity 'secret' not defined");
    }
}

TEST_CASE("a NITF story's DOCTYPE is reported and the file it names is never opened") {
    auto dir = source_dir() / "tests/read/nitf/doctype";
    FileWatch watch(dir / "secret.dtd");
    auto r = read_for_test(dir / "issue", dir / "issue");
    CHECK(watch.events() == 0);
    CHECK(r.lines == std::vector<std::string>{
                         "story.xml:2:38: warning: DOCTYPE accepted but not loaded (<!DOCTYPE nitf SYSTEM "
                         "\"../secret.dtd\">): galley never reads a DTD, so no entity or default attribute of it "
                         "applies [W-NITF-DOCTYPE]"});
    REQUIRE(r.result.issue);
    CHECK(r.result.issue->sections[0].articles[0].id == "doctype-story");
    CHECK(everything(r).find("NITF-DTD-SECRET-7f3a") == std::string::npos);
    CHECK(everything(r).find("Nothing from the DTD reaches this paragraph.") != std::string::npos);

    // The watch works: opening the file ourselves is seen.
    CHECK(galley::test::read_file(dir / "secret.dtd").find("NITF-DTD-SECRET-7f3a") != std::string::npos);
    CHECK(watch.events() > 0);
}

TEST_CASE("an entity from the unread DTD is an error and its value never appears") {
    TempDir t;
    auto secret = t.write("secret.dtd", "<!ENTITY secret \"NITF-DTD-SECRET-7f3a\">\n");
    t.write("issue/story.xml", story("<!DOCTYPE nitf SYSTEM \"file://" + secret.string() + "\">", "A &secret; B"));
    FileWatch watch(secret);
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    CHECK(watch.events() == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "story.xml:5:28: error: Entity 'secret' not defined [E-XML-MALFORMED]");
    CHECK(r.result.failed_articles == std::vector<std::string>{"story.xml"});
    CHECK(everything(r).find("NITF-DTD-SECRET-7f3a") == std::string::npos);
}

TEST_CASE("a DOCTYPE naming a URL is never fetched") {
    Listener server;
    std::string url = "http://127.0.0.1:" + std::to_string(server.port()) + "/nitf-3-4.dtd";
    TempDir t;
    t.write("issue/story.xml", story("<!DOCTYPE nitf PUBLIC \"-//IPTC//DTD NITF 3.4//EN\" \"" + url + "\">"));
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    CHECK_FALSE(server.contacted());
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0].find("story.xml:2:") == 0);
    CHECK(r.lines[0].find("[W-NITF-DOCTYPE]") != std::string::npos);
    CHECK(r.result.issue);
}

TEST_CASE("a NITF DOCTYPE with an internal subset is refused before anything is expanded") {
    TempDir t;
    auto secret = t.write("secret.txt", "NITF-DTD-SECRET-7f3a");
    t.write("issue/story.xml",
            story("<!DOCTYPE nitf SYSTEM \"nitf.dtd\" [\n<!ENTITY x SYSTEM \"file://" + secret.string() + "\">\n]>",
                  "&x;"));
    FileWatch watch(secret);
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    CHECK(watch.events() == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0] == "story.xml:2:34: error: a DOCTYPE with an internal subset is not allowed (<!DOCTYPE nitf "
                        "[...]>); galley accepts a nitf DOCTYPE with only an external identifier, and never loads it "
                        "[E-XML-DOCTYPE]");
    CHECK_FALSE(r.result.issue);
    CHECK(everything(r).find("NITF-DTD-SECRET-7f3a") == std::string::npos);
}

TEST_CASE("galley articles and manifests still refuse a DOCTYPE naming nitf") {
    TempDir t;
    t.write("issue/a.xml", "<!DOCTYPE nitf SYSTEM \"n.dtd\">\n" + galley::test::article_xml("a").substr(39));
    auto r = read_for_test(t.path() / "issue", t.path() / "issue");
    REQUIRE_FALSE(r.lines.empty());
    CHECK(r.lines[0] == "a.xml:1:30: error: a DOCTYPE declaration is not allowed (<!DOCTYPE nitf ...> over a "
                        "<article> element); galley reads no DTDs and expands no entities [E-XML-DOCTYPE]");
}

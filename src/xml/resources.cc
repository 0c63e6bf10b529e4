#include "xml/resources.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <map>
#include <mutex>

namespace galley::xml {
namespace {

std::mutex& registry_mutex() {
    static std::mutex m;
    return m;
}

std::map<std::string, std::string_view>& registry() {
    static std::map<std::string, std::string_view> r;
    return r;
}

// Serves registered resources by their last path component; refuses the rest.
xmlParserInputPtr guarded_loader(const char* url, const char* /*id*/, xmlParserCtxtPtr ctxt) {
    if (url == nullptr) return nullptr;
    std::string_view u(url);
    std::size_t slash = u.find_last_of('/');
    std::string key(slash == std::string_view::npos ? u : u.substr(slash + 1));
    std::string_view content;
    {
        std::lock_guard<std::mutex> lock(registry_mutex());
        auto it = registry().find(key);
        if (it == registry().end()) return nullptr;
        content = it->second;
    }
    // A copying buffer: libxml2 2.9.14 misreads a static one behind an
    // encoding declaration (the schema import then fails to parse).
    xmlParserInputBufferPtr buf =
        xmlParserInputBufferCreateMem(content.data(), static_cast<int>(content.size()), XML_CHAR_ENCODING_NONE);
    if (buf == nullptr) return nullptr;
    // On success the stream owns the buffer.
    xmlParserInputPtr in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
    if (in == nullptr) {
        xmlFreeParserInputBuffer(buf);
        return nullptr;
    }
    in->filename = reinterpret_cast<char*>(xmlStrdup(reinterpret_cast<const xmlChar*>(url)));
    return in;
}

}  // namespace

void initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(guarded_loader);
    });
}

void register_resource(std::string name, std::string_view content) {
    initialise();
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry()[std::move(name)] = content;
}

}  // namespace galley::xml

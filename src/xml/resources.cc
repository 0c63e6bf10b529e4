#include "xml/resources.h"

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

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

// libxml2 prints some errors itself, through its generic error function
// (stderr by default): "encoding error : input conversion failed" comes from
// the converter, outside any parser context. Nothing of libxml2's may reach
// the terminal; every error galley cares about also arrives through a
// parser's structured error callback.
void silent(void* /*ctx*/, const char* /*msg*/, ...) {}

}  // namespace

void initialise() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(guarded_loader);
        xmlThrDefSetGenericErrorFunc(nullptr, silent);  // threads started from now on
    });
    // The generic error function is per thread in a threaded libxml2, and
    // a thread's copy may have been made before the default was changed:
    // set the calling thread's every time (it is two stores).
    xmlSetGenericErrorFunc(nullptr, silent);
}

void register_resource(std::string name, std::string_view content) {
    initialise();
    std::lock_guard<std::mutex> lock(registry_mutex());
    registry()[std::move(name)] = content;
}

}  // namespace galley::xml

// libxml2 may want to load external resources (a DTD, a schema import). We
// never let it reach the file system or the network: a process-wide entity
// loader serves only resources registered here from memory and refuses
// everything else.
#pragma once

#include <string>
#include <string_view>

namespace galley::xml {

/// Initialises libxml2 once, installs the refusing entity loader and a
/// silent generic error function (libxml2 never prints to stderr). Safe to
/// call many times, from any thread; call it on each thread before using
/// libxml2 there.
void initialise();

/// Makes `content` available to libxml2 under `name` (for example a schema
/// import "xml.xsd"). `content` must outlive the process (a string literal
/// or embedded data).
void register_resource(std::string name, std::string_view content);

}  // namespace galley::xml

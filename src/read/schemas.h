// The bundled XSDs for articles and issue manifests, compiled once.
#pragma once

#include "xml/schema.h"

namespace galley::read {

const xml::Schema& article_schema();
const xml::Schema& issue_schema();

}  // namespace galley::read

#include "read/schemas.h"

#include <string_view>

#include "xml/resources.h"

namespace galley::read {
namespace embedded {
extern const std::string_view kArticleXsd;
extern const std::string_view kIssueXsd;
extern const std::string_view kXmlXsd;
}  // namespace embedded

namespace {
void register_imports() {
    static const bool done = [] {
        xml::register_resource("xml.xsd", embedded::kXmlXsd);
        return true;
    }();
    (void)done;
}
}  // namespace

const xml::Schema& article_schema() {
    register_imports();
    static const xml::Schema schema(embedded::kArticleXsd, "article.xsd");
    return schema;
}

const xml::Schema& issue_schema() {
    register_imports();
    static const xml::Schema schema(embedded::kIssueXsd, "issue.xsd");
    return schema;
}

}  // namespace galley::read

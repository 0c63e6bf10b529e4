// The package document (EPUB/package.opf), part by part: metadata
// (identity, creators, subjects, rights, collection, accessibility),
// manifest, spine. Also META-INF/container.xml, which points at it.
#pragma once

#include <string>
#include <vector>

#include "epub/book_plan.h"

namespace galley::epub {

struct ManifestItem {
    std::string id;
    std::string href;  ///< Relative to the package folder.
    std::string media_type;
    std::string properties;  ///< Space-separated, or empty.
};

struct PackageParts {
    std::string identifier;  ///< dc:identifier (the package's unique identifier).
    std::string title;
    std::string modified;    ///< dcterms:modified, CCYY-MM-DDThh:mm:ssZ.
    std::vector<ManifestItem> items;
    std::vector<std::string> spine;  ///< Item ids in reading order.
};

/// The manifest's identifier when it has one, else the UUIDv5 URN of the
/// publication and issue id.
std::string book_identifier(const model::Issue& issue);

/// A person named in a byline, with every role they have in the issue.
struct Credit {
    std::string name;
    std::vector<model::PersonRole> roles;
    bool creator() const;  ///< An author: dc:creator; otherwise dc:contributor.
};
/// Everyone named in the digital edition's bylines, in order of first
/// appearance.
std::vector<Credit> issue_credits(const BookPlan& plan);

/// MARC relator code: aut, pht, ctb, edt.
const char* marc_relator(model::PersonRole role);

std::string package_document(const BookPlan& plan, const PackageParts& parts);

std::string container_xml();

}  // namespace galley::epub

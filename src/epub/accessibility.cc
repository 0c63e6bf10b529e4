#include "epub/accessibility.h"

namespace galley::epub {

AccessibilityMetadata accessibility_metadata(const ContentFacts& facts) {
    AccessibilityMetadata m;
    m.access_modes.push_back("textual");
    if (facts.has_images) m.access_modes.push_back("visual");

    bool described = !facts.has_images || facts.every_image_has_alt;
    if (described) m.access_mode_sufficient.push_back("textual");
    if (facts.has_images) m.access_mode_sufficient.push_back("textual,visual");

    m.features = {"structuralNavigation", "tableOfContents", "readingOrder", "ARIA", "displayTransformability"};
    if (facts.has_images && facts.every_image_has_alt) m.features.push_back("alternativeText");
    // Tables: the schema.org vocabulary has no term for them (Ace rejects
    // "table"), so the summary says that header cells are marked.

    m.hazards.push_back("none");

    m.summary =
        "A reflowable EPUB 3 edition of a newspaper issue. Each article is one document with a heading "
        "structure; the table of contents and the landmarks lead to every section and article, and the "
        "reading order follows the printed order.";
    if (facts.has_images) {
        m.summary += facts.every_image_has_alt ? " Every image has a text alternative."
                                               : " Some images have no text alternative.";
    }
    if (facts.has_tables) m.summary += " Data tables mark their header cells.";
    if (facts.has_pullquotes)
        m.summary += " Pull quotes repeat text from their article and are hidden from assistive technology.";
    m.summary += " Text can be resized and restyled by the reading system; there are no known hazards.";
    return m;
}

}  // namespace galley::epub

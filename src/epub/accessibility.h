// The accessibility metadata of EPUB Accessibility 1.1 (schema.org
// properties in the package document), derived from what the book holds so
// that it can never claim a feature the content lacks.
#pragma once

#include <string>
#include <vector>

#include "epub/book_plan.h"

namespace galley::epub {

struct AccessibilityMetadata {
    std::vector<std::string> access_modes;           ///< schema:accessMode
    std::vector<std::string> access_mode_sufficient;  ///< schema:accessModeSufficient (comma lists)
    std::vector<std::string> features;               ///< schema:accessibilityFeature
    std::vector<std::string> hazards;                ///< schema:accessibilityHazard
    std::string summary;                             ///< schema:accessibilitySummary (English)
};

/// accessMode textual (+ visual with images); accessModeSufficient textual
/// when every image has alt text (or there are none), textual,visual with
/// images; features structuralNavigation, tableOfContents, readingOrder,
/// ARIA (DPUB-ARIA roles), displayTransformability (no fixed sizes or
/// colours), alternativeText only when every image has alt text; hazard
/// none; a summary saying the same in words, including that tables mark
/// their header cells (the vocabulary has no feature term for tables).
AccessibilityMetadata accessibility_metadata(const ContentFacts& facts);

}  // namespace galley::epub

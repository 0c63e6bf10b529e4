// Resolving a stack of layers into one Layout: the nearest layer that writes a
// setting wins; a paragraph-style setting no layer writes comes from the
// style it is based on; anything else takes the registry default. Font roles
// are replaced by their families and grid lines by lengths.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "layout/layer.h"
#include "layout/settings.h"

namespace galley::layout {

/// Where each resolved setting came from: the value's location when a layer
/// wrote it (or the style it inherits from did), else the leaf layer's
/// <layout> element.
struct Origins {
    std::vector<SourceLocation> by_setting;  ///< Indexed like settings().
    /// Which layer of the chain wrote each setting (or the style it
    /// inherits from): 0 the leaf, 1 the layout it extends, and so on; the
    /// chain's length for a registry default. Indexed like settings().
    std::vector<std::size_t> layer_by_setting;
    SourceLocation root;  ///< The leaf layer's <layout> element.
    SourceLocation where(std::string_view key) const;
    /// Whether the layout asked for (the leaf layer) writes `key` itself.
    bool set_by_leaf(std::string_view key) const;
    /// The layer that wrote `key` (see layer_by_setting).
    std::size_t layer(std::string_view key) const;
};

/// `chain` is leaf first: the layout asked for, then the one it extends, and
/// so on. Reports E-LAYOUT-STYLE-CYCLE; returns nothing on error.
std::optional<Layout> resolve_layers(const std::vector<Layer>& chain, Origins& origins, Diagnostics& diags);

}  // namespace galley::layout

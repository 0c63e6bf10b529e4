// The first frame of a GIF, for the renderers: print shows an animation's
// first frame only, and gdk-pixbuf's GIF loader composes every frame,
// in time that grows with the square of their number (a few megabytes of
// one-pixel frames took minutes).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace galley {

/// `gif` up to the end of its first image (with the extensions before it,
/// a transparent colour among them), closed with a trailer. Nothing when
/// the blocks cannot be followed to a first image (the probe refused such
/// a file already).
std::optional<std::string> gif_first_frame(std::string_view gif);

}  // namespace galley

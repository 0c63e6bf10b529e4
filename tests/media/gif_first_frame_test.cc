// media/gif_first_frame: the frame print shows, cut from an animation.
#include <doctest/doctest.h>

#include "image_fixtures.h"
#include "media/gif_first_frame.h"
#include "media/image_probe.h"

using namespace galley;

namespace {

// tiny_gif's frame (graphic control and image), as more frames.
const std::string kFrame("\x21\xF9\x04\x01\x00\x00\x00\x00"
                         "\x2C\x00\x00\x00\x00\x01\x00\x01\x00\x00"
                         "\x02\x02\x44\x01\x00",
                         23);

}  // namespace

TEST_CASE("a GIF's first frame: everything up to the end of its first image, and a trailer") {
    const std::string one = test::tiny_gif();
    // One frame: the file as it is.
    CHECK(gif_first_frame(one) == one);
    // An animation of 1000 frames: the same bytes as the one-frame file.
    std::string many = one.substr(0, one.size() - 1);
    for (int i = 0; i < 999; ++i) many += kFrame;
    many += '\x3B';
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(many.data());
    REQUIRE(std::holds_alternative<ImageInfo>(probe_image({bytes, many.size()}, "anim.gif")));
    CHECK(gif_first_frame(many) == one);
    // An extension after the first image (a comment) goes too.
    std::string commented = one.substr(0, one.size() - 1) + std::string("\x21\xFE\x02hi\x00\x3B", 7);
    CHECK(gif_first_frame(commented) == one);
}

TEST_CASE("no first frame from a GIF whose blocks cannot be followed to an image") {
    const std::string one = test::tiny_gif();
    CHECK_FALSE(gif_first_frame(one.substr(0, 12)));               // inside the screen descriptor
    CHECK_FALSE(gif_first_frame(one.substr(0, 25)));               // inside the image descriptor
    CHECK_FALSE(gif_first_frame(one.substr(0, one.size() - 2)));   // inside the image data
    CHECK_FALSE(gif_first_frame(one.substr(0, 19) + "\x3B"));      // the trailer before any image
    CHECK_FALSE(gif_first_frame(one.substr(0, 19) + "\x99\x00"));  // an unknown block
}

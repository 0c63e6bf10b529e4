// Which words are set as addresses (items_builder.h): never hyphenated,
// broken only where convention allows.
#include <doctest/doctest.h>

#include <string>

#include "typeset/text/items_builder.h"

namespace galley::typeset::text {

TEST_CASE("e-mail and web addresses, with or without a scheme, are told from words with dots") {
    for (const char* w : {"letters@phnompenhpost.com.", "https://www.phnompenhpost.com/national", "www.example.org",
                          "harbourtownfc.example.org/tickets.", "(news.example.org)", "example.org/a?b=c",
                          "\u201Cshop.example.co.uk/sale\u201D"}) {
        CAPTURE(w);
        CHECK(looks_like_address(w));
    }
    for (const char* w : {"e.g.", "U.S.A.", "3.5.1", "and/or", "example.org", "km/h", "Ph.D./MBA", "p.m./a.m.",
                          "1.5/2.0", "counter-revolutionary", "example..org/x", "Ann\u00E9e.example.org/x"}) {
        CAPTURE(w);
        CHECK(!looks_like_address(w));
    }
}

}  // namespace galley::typeset::text

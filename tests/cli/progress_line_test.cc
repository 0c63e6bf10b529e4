// The progress line's drawing: redrawn in place, padded over a longer
// previous line, cleared to nothing, and silent when disabled.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/progress.h"

using galley::cli::ProgressLine;

TEST_CASE("a progress line is redrawn in place and cleared") {
    std::ostringstream err;
    {
        ProgressLine p(err, true);
        p.show("reading issue", true);
        CHECK(err.str() == "\rreading issue");
        p.show("set 12", true);  // shorter: padded over the old text, then redrawn
        CHECK(err.str() == "\rreading issue\rset 12       \rset 12");
        err.str("");
        p.clear();
        CHECK(err.str() == "\r      \r");
        err.str("");
        p.clear();  // nothing shown: nothing to clear
        CHECK(err.str() == "");
        p.show("again", true);
    }
    CHECK(err.str() == "\ragain\r     \r");  // cleared when it goes away
}

TEST_CASE("a progress line redraws at most ten times a second unless asked to") {
    std::ostringstream err;
    ProgressLine p(err, true);
    p.show("one");
    p.show("two");  // too soon: skipped
    CHECK(err.str() == "\rone");
    p.show("three", true);
    CHECK(err.str() == "\rone\rthree");
}

TEST_CASE("a disabled progress line prints nothing") {
    std::ostringstream err;
    {
        ProgressLine p(err, false);
        p.show("reading", true);
        p.clear();
    }
    CHECK(err.str() == "");
}

TEST_CASE("a progress line is wanted only on the process's own stderr") {
    std::ostringstream out, err;
    galley::cli::Streams io{out, err, false};
    CHECK_FALSE(ProgressLine::wanted(io, false));
}

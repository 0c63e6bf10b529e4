// Marking unmarked painting as /Artifact: exact content streams in and out.
#include <doctest/doctest.h>

#include <string>

#include "render/pdf_artifacts.h"

namespace galley::render {

TEST_CASE("a stream whose painting all belongs to elements or artifacts is left as it is") {
    CHECK_FALSE(mark_artifacts(""));
    CHECK_FALSE(mark_artifacts("q 1 0 0 1 0 0 cm Q"));
    CHECK_FALSE(mark_artifacts("/P << /MCID 0 >> BDC BT /f1 9 Tf (word) Tj ET EMC"));
    CHECK_FALSE(mark_artifacts("/Artifact BMC 0 0 m 10 0 l S EMC"));
    CHECK_FALSE(mark_artifacts("/Artifact << /Type /Pagination >> BDC BT (3) Tj ET EMC"));
    // A path that only clips paints nothing.
    CHECK_FALSE(mark_artifacts("q 0 0 10 10 re W n /Figure << /MCID 1 >> BDC /x1 Do EMC Q"));
}

TEST_CASE("a rule drawn outside every element becomes an artifact, from its first segment to its stroke") {
    CHECK(*mark_artifacts("q 0 0 0 RG 2 w 34 160 m 785 160 l S Q") ==
          "q 0 0 0 RG 2 w\n/Artifact BMC\n 34 160 m 785 160 l S Q\nEMC\n");
    // Two paths and a fill in one run; it closes before the element that follows.
    CHECK(*mark_artifacts("0 0 m 1 0 l S 0 0 5 5 re f /P << /MCID 0 >> BDC BT (a) Tj ET EMC") ==
          "\n/Artifact BMC\n0 0 m 1 0 l S 0 0 5 5 re f\nEMC\n /P << /MCID 0 >> BDC BT (a) Tj ET EMC");
}

TEST_CASE("text outside every element: the run opens inside the text object and closes before its ET") {
    CHECK(*mark_artifacts("BT /f1 8 Tf [(Vol)-40(. 17)]TJ ( )Tj ET") ==
          "BT /f1 8 Tf\n/Artifact BMC\n [(Vol)-40(. 17)]TJ ( )Tj\nEMC\n ET");
    // cairo's /Span with /ActualText has no /MCID: a run goes on through
    // it, or opens inside it and closes before its EMC.
    CHECK(*mark_artifacts("BT (o)Tj /Span << /ActualText <feff006e> >> BDC [(N)]TJ EMC ET") ==
          "BT\n/Artifact BMC\n (o)Tj /Span << /ActualText <feff006e> >> BDC [(N)]TJ EMC\nEMC\n ET");
    CHECK(*mark_artifacts("BT /Span << /ActualText <feff006e> >> BDC [(N)]TJ EMC (o)Tj ET") ==
          "BT /Span << /ActualText <feff006e> >> BDC\n/Artifact BMC\n [(N)]TJ\nEMC\n EMC\n/Artifact BMC\n (o)Tj\nEMC\n ET");
    // An artifact and an element in one text object.
    CHECK(*mark_artifacts("BT (a) Tj /P << /MCID 3 >> BDC (b) Tj EMC (c) Tj ET") ==
          "BT\n/Artifact BMC\n (a) Tj\nEMC\n /P << /MCID 3 >> BDC (b) Tj EMC\n/Artifact BMC\n (c) Tj\nEMC\n ET");
}

TEST_CASE("a run nests with the sequences around it") {
    // Optional content (no /MCID) around a rule: the run opens inside it.
    CHECK(*mark_artifacts("/OC /oc1 BDC 0 0 m 1 1 l S EMC") ==
          "/OC /oc1 BDC\n/Artifact BMC\n 0 0 m 1 1 l S\nEMC\n EMC");
    // An element inside that sequence: the run closes before it, inside.
    CHECK(*mark_artifacts("/OC /oc1 BDC 0 0 m 1 1 l S /P << /MCID 0 >> BDC (a) Tj EMC EMC") ==
          "/OC /oc1 BDC\n/Artifact BMC\n 0 0 m 1 1 l S\nEMC\n /P << /MCID 0 >> BDC (a) Tj EMC EMC");
    // A sequence opened and closed within a run stays inside it.
    CHECK(*mark_artifacts("0 0 m 1 1 l S /OC /oc2 BMC EMC 0 0 m 1 1 l S") ==
          "\n/Artifact BMC\n0 0 m 1 1 l S /OC /oc2 BMC EMC 0 0 m 1 1 l S\nEMC\n");
}

TEST_CASE("operators inside strings, hex strings, comments and inline images are not read as operators") {
    // "ET", "BDC" and a parenthesis inside a string; an EMC in a comment.
    CHECK(*mark_artifacts("BT (ET \\) BDC (x)) Tj % EMC\n<4554> Tj ET") ==
          "BT\n/Artifact BMC\n (ET \\) BDC (x)) Tj % EMC\n<4554> Tj\nEMC\n ET");
    // An inline image whose data holds "EMC" and "ET".
    const std::string image = std::string("BI /W 2 /H 1 /BPC 8 /CS /G ID ") + "EMC ET\xff" + " EI";
    CHECK(*mark_artifacts("q " + image + " Q") == "q\n/Artifact BMC\n " + image + " Q\nEMC\n");
}

TEST_CASE("XObjects and shadings outside every element are artifacts too") {
    CHECK(*mark_artifacts("q /x5 Do Q") == "q\n/Artifact BMC\n /x5 Do Q\nEMC\n");
    CHECK(*mark_artifacts("q /sh1 sh Q") == "q\n/Artifact BMC\n /sh1 sh Q\nEMC\n");
}

}  // namespace galley::render

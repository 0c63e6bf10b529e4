// The words and digits galley adds to both editions, from the layout's label
// settings: dates, the editions' title, volume and number, jump-line pages,
// folios.
#include <doctest/doctest.h>

#include "layout/label_text.h"
#include "layout/loader.h"
#include "layout_test_support.h"

namespace galley::test {

namespace {

using layout::local_number;
using layout::long_date;

/// The bundled defaults (English, ASCII digits).
layout::Labels english() {
    Diagnostics diags;
    std::optional<layout::Layout> l = layout::load_layout("tabloid", bundled_layouts(), diags);
    REQUIRE(l);
    return l->labels;
}

/// Khmer: names of the Gregorian months and the days, Khmer digits.
layout::Labels khmer() {
    layout::Labels l = english();
    l.months = "មករា, កុម្ភៈ, មីនា, មេសា, ឧសភា, មិថុនា, កក្កដា, សីហា, កញ្ញា, តុលា, វិច្ឆិកា, ធ្នូ";
    l.weekdays = "ចន្ទ, អង្គារ, ពុធ, ព្រហស្បតិ៍, សុក្រ, សៅរ៍, អាទិត្យ";
    l.digits = "០១២៣៤៥៦៧៨៩";
    l.date = "ថ្ងៃ{weekday} ទី{day} ខែ{month} ឆ្នាំ{year}";
    return l;
}

}  // namespace

TEST_CASE("labels: the issue date in English by default, with the right weekday") {
    const layout::Labels en = english();
    CHECK(long_date("2008-06-13", en) == "Friday 13 June 2008");
    CHECK(long_date("1970-01-01", en) == "Thursday 1 January 1970");
    CHECK(long_date("2000-02-29", en) == "Tuesday 29 February 2000");
    CHECK(long_date("2026-11-29", en) == "Sunday 29 November 2026");
    CHECK(long_date("1969-12-31", en) == "Wednesday 31 December 1969");
    // Not a date: as it is.
    CHECK(long_date("June 2008", en) == "June 2008");
    CHECK(long_date("2008-13-01", en) == "2008-13-01");
    CHECK(long_date("2008-02-30", en) == "2008-02-30");
    // A time after the date is left to the caller: the date is read alone.
    CHECK(long_date("2008-06-13T09:00:00Z", en) == "Friday 13 June 2008");
}

TEST_CASE("labels: a Khmer layout writes the date, folios and jump pages in Khmer") {
    const layout::Labels km = khmer();
    CHECK(long_date("2008-06-13", km) == "ថ្ងៃសុក្រ ទី១៣ ខែមិថុនា ឆ្នាំ២០០៨");
    CHECK(local_number(2008, km) == "២០០៨");
    CHECK(local_number(7, english()) == "7");
    CHECK(layout::with_page("ត​ទៅ​ទំព័រ {page}", 12, km) == "ត​ទៅ​ទំព័រ ១២");
}

TEST_CASE("labels: the title both editions carry, with the date as the masthead writes it") {
    const layout::Labels en = english();
    using layout::edition_title;
    CHECK(edition_title("The Courier", "2024-02-29", "", en) == "The Courier, Thursday 29 February 2024");
    CHECK(edition_title("The Courier", "2024-02-29", "Special", en) ==
          "The Courier, Thursday 29 February 2024 \u2014 Special");
    CHECK(edition_title("The Courier", "2024-02-29", "Special", khmer()) ==
          "The Courier, ថ្ងៃព្រហស្បតិ៍ ទី២៩ ខែកុម្ភៈ ឆ្នាំ២០២៤ \u2014 Special");
    // Each part left out when empty; a date that is not one as it is.
    CHECK(edition_title("The Courier", "", "Special", en) == "The Courier \u2014 Special");
    CHECK(edition_title("", "2024-02-29", "", en) == "Thursday 29 February 2024");
    CHECK(edition_title("", "", "Special", en) == "Special");
    CHECK(edition_title("The Courier", "Leap day", "", en) == "The Courier, Leap day");
    CHECK(edition_title("", "", "", en).empty());
}

TEST_CASE("labels: volume and number, each left out when the issue has none") {
    layout::Labels l = english();
    CHECK(l.volume_and_number("17", "12") == "Vol. 17, No. 12");
    CHECK(l.volume_and_number("", "12") == "No. 12");
    CHECK(l.volume_and_number("17", "") == "Vol. 17");
    CHECK(l.volume_and_number("", "").empty());
    l.volume = "Année {volume}";
    l.number = "n\u00b0 {number}";
    CHECK(l.volume_and_number("17", "12") == "Année 17, n\u00b0 12");
}

TEST_CASE("labels: lists split at commas and trimmed, digits counted by character") {
    std::vector<std::string> n = layout::label_list(" a, b c ,d");
    REQUIRE(n.size() == 3);
    CHECK(n[0] == "a");
    CHECK(n[1] == "b c");
    CHECK(n[2] == "d");
    CHECK(layout::label_characters("០១២៣៤៥៦៧៨៩").size() == 10);
    CHECK(layout::label_characters("0123456789").size() == 10);
}

}  // namespace galley::test

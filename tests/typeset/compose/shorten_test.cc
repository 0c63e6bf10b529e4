// One line of furniture cut short with an ellipsis to fit its room.
#include <doctest/doctest.h>

#include <string>

#include "typeset/compose/shorten.h"
#include "typeset/text/set_text_checks.h"

namespace galley::test {

using layout::ParagraphStyleId;

TEST_CASE("shortened to fit: whole when it fits, else cut after a word, else after a character") {
    typeset::TextSetter& setter = *setting("tabloid").setter;
    const ParagraphStyleId style = ParagraphStyleId::running_head;
    const std::string name = "The Phnom Penh Post and Cambodia Daily";
    const double full = setter.measure(name, style);
    CHECK(typeset::shortened_to_fit(setter, name, style, full + 1) == name);

    // Room for "The Phnom Penh Post" and an ellipsis, not for "and".
    const double room = setter.measure("The Phnom Penh Post\u2026", style) + 0.1;
    CHECK(typeset::shortened_to_fit(setter, name, style, room) == "The Phnom Penh Post\u2026");
    CHECK(setter.measure(typeset::shortened_to_fit(setter, name, style, room), style) <= room);

    // One long word: cut between characters.
    const std::string word = "Internationalisation";
    const double some = setter.measure("Intern\u2026", style) + 0.1;
    CHECK(typeset::shortened_to_fit(setter, word, style, some) == "Intern\u2026");

    // Nothing fits: nothing is set.
    CHECK(typeset::shortened_to_fit(setter, word, style, 1).empty());
}

TEST_CASE("shortened to fit: a character keeps its combining marks") {
    typeset::TextSetter& setter = *setting("tabloid").setter;
    const ParagraphStyleId style = ParagraphStyleId::running_head;
    // "Viê\u0323t" with the dot below as a combining mark: a cut never falls
    // between the e and its marks.
    const std::string text = "Vie\u0302\u0323tnamese";
    for (double room = 5; room < setter.measure(text, style); room += 0.5) {
        CAPTURE(room);
        const std::string cut = typeset::shortened_to_fit(setter, text, style, room);
        if (cut.empty()) continue;
        const std::string kept = cut.substr(0, cut.size() - std::string("\u2026").size());
        CHECK(kept != "Vie");
        CHECK(kept != "Vie\u0302");
    }
}

}  // namespace galley::test

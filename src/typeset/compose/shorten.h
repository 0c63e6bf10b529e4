// One line of text cut short with an ellipsis to fit a width, for the page
// furniture that must stay on one line (running heads).
#pragma once

#include <string>

#include "layout/styles.h"
#include "typeset/text/text_setter.h"

namespace galley::typeset {

/// `text` as it fits in `room` points on one line in `style`: whole when it
/// does; else cut after its last word that fits with an ellipsis ("The
/// Phnom Penh Post and…"), else after its last character that does (never
/// between a character and its combining marks); empty when not even one
/// character and the ellipsis fit.
std::string shortened_to_fit(TextSetter& setter, const std::string& text, layout::ParagraphStyleId style, double room);

}  // namespace galley::typeset

// Numbers written into PDF attribute strings and the text dump: fixed
// decimals, '.' as the decimal point whatever the locale, and no "-0.00".
#pragma once

#include <string>

namespace galley::render {

/// `value` with exactly `decimals` decimals (0..6), classic locale.
std::string fixed(double value, int decimals = 2);

}  // namespace galley::render

#include "typeset/compose/stack.h"

#include <algorithm>

namespace galley::typeset {

void Stack::lines(const SetParagraph& p, const LineSpec& spec) {
    double leading = std::max(spec.leading > 0 ? spec.leading : p.leading, p.min_leading);
    double baseline = baseline_in_slot(leading, spec.size);
    for (const SetLine& line : p.lines) {
        append_line(items_, line, spec.x + line.left, y_ + baseline);
        y_ += leading;
    }
}

}  // namespace galley::typeset

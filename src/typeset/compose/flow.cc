#include "typeset/compose/flow.h"

namespace galley::typeset {

void Stream::finish() {
    height_after_.assign(items.size() + 1, 0.0);
    for (std::size_t i = items.size(); i-- > 0;) height_after_[i] = height_after_[i + 1] + items[i].height;
}

const RepeatedHead* Stream::head_above(std::size_t i) const {
    for (const RepeatedHead& h : heads)
        if (i > h.head && i <= h.last) return &h;
    return nullptr;
}

double Stream::remaining(std::size_t from) const {
    if (height_after_.empty() || from >= height_after_.size()) return 0.0;
    return height_after_[from];
}

}  // namespace galley::typeset

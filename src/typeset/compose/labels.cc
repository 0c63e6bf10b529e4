#include "typeset/compose/labels.h"

#include <cstdio>

#include "base/civil_time.h"

namespace galley::typeset {

std::string local_number(long number, const layout::Labels& labels) {
    const std::string ascii = std::to_string(number);
    const std::vector<std::string> digits = layout::label_characters(labels.digits);
    if (digits.size() != 10) return ascii;
    std::string out;
    for (char c : ascii) out += c >= '0' && c <= '9' ? digits[static_cast<std::size_t>(c - '0')] : std::string(1, c);
    return out;
}

std::string with_page(std::string label, int page, const layout::Labels& labels) {
    layout::fill_label(label, "page", local_number(page, labels));
    return label;
}

std::string long_date(const std::string& iso, const layout::Labels& labels) {
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > days_in_month(y, m))
        return iso;
    const std::vector<std::string> months = layout::label_list(labels.months);
    const std::vector<std::string> weekdays = layout::label_list(labels.weekdays);  // Monday first
    if (months.size() != 12 || weekdays.size() != 7) return iso;
    const int weekday = weekday_from_monday(y, m, d);
    std::string out = labels.date;
    layout::fill_label(out, "weekday", weekdays[static_cast<std::size_t>(weekday)]);
    layout::fill_label(out, "day", local_number(d, labels));
    layout::fill_label(out, "month", months[static_cast<std::size_t>(m - 1)]);
    layout::fill_label(out, "year", local_number(y, labels));
    return out;
}

}  // namespace galley::typeset

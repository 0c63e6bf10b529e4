#include "typeset/compose/labels.h"

#include <cstdio>


namespace galley::typeset {

namespace {

/// Days since 1970-01-01 of a proleptic Gregorian date.
long days_from_civil(long y, long m, long d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

}  // namespace

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
        d > 31)
        return iso;
    const std::vector<std::string> months = layout::label_list(labels.months);
    const std::vector<std::string> weekdays = layout::label_list(labels.weekdays);  // Monday first
    if (months.size() != 12 || weekdays.size() != 7) return iso;
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
    const long days = days_from_civil(y, m, d);
    const long weekday = (((days + 3) % 7) + 7) % 7;
    std::string out = labels.date;
    layout::fill_label(out, "weekday", weekdays[static_cast<std::size_t>(weekday)]);
    layout::fill_label(out, "day", local_number(d, labels));
    layout::fill_label(out, "month", months[static_cast<std::size_t>(m - 1)]);
    layout::fill_label(out, "year", local_number(y, labels));
    return out;
}

}  // namespace galley::typeset

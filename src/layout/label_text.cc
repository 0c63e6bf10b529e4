#include "layout/label_text.h"

#include <optional>
#include <string_view>
#include <vector>

#include "base/civil_time.h"

namespace galley::layout {

std::string local_number(long number, const Labels& labels) {
    const std::string ascii = std::to_string(number);
    const std::vector<std::string> digits = label_characters(labels.digits);
    if (digits.size() != 10) return ascii;
    std::string out;
    for (char c : ascii) out += c >= '0' && c <= '9' ? digits[static_cast<std::size_t>(c - '0')] : std::string(1, c);
    return out;
}

std::string with_page(std::string label, int page, const Labels& labels) {
    fill_label(label, "page", local_number(page, labels));
    return label;
}

std::string long_date(const std::string& iso, const Labels& labels) {
    // "2008-06-13", or its first ten characters when a time follows.
    const std::optional<CivilTime> day = parse_date(std::string_view(iso).substr(0, 10));
    if (!day) return iso;
    const int y = day->year, m = day->month, d = day->day;
    const std::vector<std::string> months = label_list(labels.months);
    const std::vector<std::string> weekdays = label_list(labels.weekdays);  // Monday first
    if (months.size() != 12 || weekdays.size() != 7) return iso;
    const int weekday = weekday_from_monday(y, m, d);
    std::string out = labels.date;
    fill_label(out, "weekday", weekdays[static_cast<std::size_t>(weekday)]);
    fill_label(out, "day", local_number(d, labels));
    fill_label(out, "month", months[static_cast<std::size_t>(m - 1)]);
    fill_label(out, "year", local_number(y, labels));
    return out;
}

std::string edition_title(const std::string& publication, const std::string& iso_date, const std::string& title,
                          const Labels& labels) {
    std::string out = publication;
    const std::string date = long_date(iso_date, labels);  // "" stays ""
    if (!date.empty()) out += (out.empty() ? "" : ", ") + date;
    if (!title.empty()) out += (out.empty() ? "" : " \u2014 ") + title;
    return out;
}

}  // namespace galley::layout

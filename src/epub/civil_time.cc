#include "epub/civil_time.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <limits>

namespace galley::epub {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}

std::string two(int v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

std::string four(int v) {
    std::string s = std::to_string(v);
    while (s.size() < 4) s = "0" + s;
    return s;
}

}  // namespace

CivilTime civil_from_unix(std::int64_t unix_seconds) {
    std::int64_t days = floor_div(unix_seconds, kSecondsPerDay);
    std::int64_t secs = unix_seconds - days * kSecondsPerDay;
    days += 719468;
    const std::int64_t era = floor_div(days, 146097);
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    CivilTime t;
    t.year = static_cast<int>(yoe + era * 400 + (m <= 2));
    t.month = static_cast<int>(m);
    t.day = static_cast<int>(d);
    t.hour = static_cast<int>(secs / 3600);
    t.minute = static_cast<int>(secs % 3600 / 60);
    t.second = static_cast<int>(secs % 60);
    return t;
}

std::int64_t unix_from_civil(const CivilTime& t) {
    return days_from_civil(t.year, t.month, t.day) * kSecondsPerDay + t.hour * 3600 + t.minute * 60 + t.second;
}

std::optional<CivilTime> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        int v = 0;
        const char* first = text.data() + pos;
        auto [ptr, ec] = std::from_chars(first, first + len, v);
        if (ec != std::errc() || ptr != first + len) return std::nullopt;
        return v;
    };
    auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
    if (!y || !m || !d || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m)) return std::nullopt;
    CivilTime t;
    t.year = *y;
    t.month = *m;
    t.day = *d;
    return t;
}

std::optional<std::int64_t> parse_source_date_epoch(std::string_view text) {
    if (text.empty()) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    std::int64_t v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    // Keep years within four digits for the timestamp format.
    if (v > 253402300799) return std::nullopt;  // 9999-12-31T23:59:59Z
    return v;
}

std::string format_utc_timestamp(const CivilTime& t) {
    return four(t.year) + "-" + two(t.month) + "-" + two(t.day) + "T" + two(t.hour) + ":" + two(t.minute) + ":" +
           two(t.second) + "Z";
}

std::string format_display_date(const CivilTime& t, std::string_view lang) {
    static constexpr std::array<const char*, 12> months{"January", "February", "March",     "April",
                                                        "May",     "June",     "July",      "August",
                                                        "September", "October", "November", "December"};
    bool english = lang == "en" || lang.substr(0, 3) == "en-";
    if (!english) return four(t.year) + "-" + two(t.month) + "-" + two(t.day);
    return std::to_string(t.day) + " " + months[static_cast<std::size_t>(t.month - 1)] + " " + std::to_string(t.year);
}

}  // namespace galley::epub

#include "render/pdf_date.h"

#include <chrono>
#include <cstdio>

namespace galley::render {
namespace {

struct Civil {
    int year, month, day, hour, minute, second;
};

Civil civil(std::int64_t seconds) {
    using namespace std::chrono;
    sys_seconds t{std::chrono::seconds{seconds}};
    sys_days day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{t - day};
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())), int(hms.hours().count()),
            int(hms.minutes().count()), int(hms.seconds().count())};
}

bool digits(const std::string& s, std::size_t at, std::size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<std::int64_t> parse_iso_date(const std::string& s) {
    using namespace std::chrono;
    int y, mo, d, h = 0, mi = 0, se = 0, offset = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d))
        return std::nullopt;
    year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
    if (!ymd.ok()) return std::nullopt;
    if (s.size() > 10) {
        if (s.size() < 19 || s[10] != 'T' || !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) ||
            s[16] != ':' || !digits(s, 17, 2, se) || h > 23 || mi > 59 || se > 60)
            return std::nullopt;
        std::string zone = s.substr(19);
        if (zone == "Z" || zone.empty()) {
            offset = 0;
        } else {
            int oh, om;
            if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, oh) || zone[3] != ':' ||
                !digits(zone, 4, 2, om) || oh > 23 || om > 59)
                return std::nullopt;
            offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
    }
    std::int64_t days_since = sys_days{ymd}.time_since_epoch().count();
    return days_since * 86400 + h * 3600 + mi * 60 + se - offset;
}

std::string iso_utc(std::int64_t seconds) {
    Civil c = civil(seconds);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buf;
}

std::string pdf_date(std::int64_t seconds) {
    Civil c = civil(seconds);
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buf;
}

}  // namespace galley::render

#include "render/pdf_date.h"

#include <cstdio>

#include "base/civil_time.h"

namespace galley::render {
namespace {

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
    const std::optional<CivilTime> day = parse_date(std::string_view(s).substr(0, 10));
    if (!day) return std::nullopt;
    int h = 0, mi = 0, se = 0, offset = 0;
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
    return unix_from_civil(*day) + h * 3600 + mi * 60 + se - offset;
}

std::string iso_utc(std::int64_t seconds) { return format_utc_timestamp(civil_from_unix(seconds)); }

std::string pdf_date(std::int64_t seconds) {
    const CivilTime c = civil_from_unix(seconds);
    char buf[40];
    std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buf;
}

}  // namespace galley::render

#include "read/nitf_dates.h"

#include <array>
#include <cstdio>

#include "base/civil_time.h"

namespace galley::read {
namespace {

struct Parts {
    int year = 0, month = 0, day = 0;
    bool has_time = false;
    int hour = 0, minute = 0, second = 0;
    enum class Zone { none, utc, offset } zone = Zone::none;
    int offset_minutes = 0;  // signed
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A cursor over the text with the few steps the formats below need.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    void skip_spaces() {
        while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
    }
    /// Exactly n digits.
    bool digits(int n, int& out) {
        if (i + static_cast<std::size_t>(n) > s.size()) return false;
        int v = 0;
        for (int k = 0; k < n; ++k) {
            if (!is_digit(s[i + k])) return false;
            v = v * 10 + (s[i + k] - '0');
        }
        out = v;
        i += static_cast<std::size_t>(n);
        return true;
    }
    /// One or two digits.
    bool small_number(int& out) {
        if (!is_digit(peek())) return false;
        out = s[i++] - '0';
        if (is_digit(peek())) out = out * 10 + (s[i++] - '0');
        return true;
    }
    std::size_t digit_run() const {
        std::size_t n = 0;
        while (i + n < s.size() && is_digit(s[i + n])) ++n;
        return n;
    }
    std::string word() {
        std::string w;
        while (!done() && ((lower(s[i]) >= 'a' && lower(s[i]) <= 'z') || s[i] == '.')) {
            if (s[i] != '.') w += lower(s[i]);
            ++i;
        }
        return w;
    }
};

bool valid(const Parts& p) {
    if (p.year < 1000 || p.year > 9999 || p.month < 1 || p.month > 12 || p.day < 1) return false;
    if (p.day > days_in_month(p.year, p.month)) return false;
    if (p.has_time && (p.hour > 23 || p.minute > 59 || p.second > 59)) return false;
    if (p.zone == Parts::Zone::offset && (p.offset_minutes > 14 * 60 || p.offset_minutes < -14 * 60)) return false;
    return true;
}

std::string format(const Parts& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", p.year, p.month, p.day);
    std::string out = buf;
    if (!p.has_time) return out;
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", p.hour, p.minute, p.second);
    out += buf;
    if (p.zone == Parts::Zone::utc) {
        out += 'Z';
    } else if (p.zone == Parts::Zone::offset) {
        int m = p.offset_minutes < 0 ? -p.offset_minutes : p.offset_minutes;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", p.offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
        out += buf;
    }
    return out;
}

// "Z", "+0700", "+07:00", "+07", "-05:30"; nothing at all is fine.
bool zone(Cursor& c, Parts& p) {
    if (c.done()) return true;
    if (c.eat('Z') || c.eat('z')) {
        p.zone = Parts::Zone::utc;
        return true;
    }
    char sign = c.peek();
    if (sign != '+' && sign != '-') return false;
    ++c.i;
    int h = 0, m = 0;
    if (!c.digits(2, h)) return false;
    if (c.eat(':')) {
        if (!c.digits(2, m)) return false;
    } else if (!c.done()) {
        if (!c.digits(2, m)) return false;
    }
    p.zone = Parts::Zone::offset;
    p.offset_minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
    return true;
}

// The time after the 'T': "120000", "1200", "12", "12:00:00", "12:00", with
// an optional fraction (dropped) and zone.
bool iso_time(Cursor& c, Parts& p, bool extended) {
    p.has_time = true;
    if (!c.digits(2, p.hour)) return false;
    if (extended || c.peek() == ':') {
        if (c.eat(':')) {
            if (!c.digits(2, p.minute)) return false;
            if (c.eat(':') && !c.digits(2, p.second)) return false;
        }
    } else if (is_digit(c.peek())) {
        if (!c.digits(2, p.minute)) return false;
        if (is_digit(c.peek()) && !c.digits(2, p.second)) return false;
    }
    if (c.peek() == '.' || c.peek() == ',') {
        ++c.i;
        if (!is_digit(c.peek())) return false;
        while (is_digit(c.peek())) ++c.i;
    }
    return zone(c, p) && c.done();
}

// ISO 8601: "20080613", "20080613T120000+0700", "2008-06-13",
// "2008-06-13T12:00:00+07:00" and mixtures; `spaced` is set when a space
// stands for the 'T' (accepted, but not ISO).
std::optional<Parts> iso(std::string_view s, bool& spaced) {
    Cursor c{s};
    Parts p;
    spaced = false;
    if (!c.digits(4, p.year)) return std::nullopt;
    bool extended = c.eat('-');
    if (!c.digits(2, p.month)) return std::nullopt;
    if (extended && !c.eat('-')) return std::nullopt;
    if (!c.digits(2, p.day)) return std::nullopt;
    if (c.done()) return p;
    if (c.peek() == ' ') {
        c.skip_spaces();
        spaced = true;
    } else if (!c.eat('T') && !c.eat('t')) {
        return std::nullopt;
    }
    std::size_t run = c.digit_run();
    bool time_extended = run == 2 && c.i + 2 < s.size() && s[c.i + 2] == ':';
    if (!iso_time(c, p, time_extended)) return std::nullopt;
    return p;
}

int month_number(const std::string& w) {
    static constexpr std::array<const char*, 12> names{"january", "february", "march",     "april",
                                                       "may",     "june",     "july",      "august",
                                                       "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (std::size_t m = 0; m < names.size(); ++m) {
        std::string_view full(names[m]);
        if (w == full || (w.size() >= 3 && full.substr(0, w.size()) == w && (w.size() == 3 || w == "sept")))
            return static_cast<int>(m) + 1;
    }
    if (w == "sept") return 9;
    return 0;
}

bool weekday(const std::string& w) {
    static constexpr std::array<const char*, 7> names{"monday", "tuesday", "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};
    for (const char* n : names) {
        std::string_view full(n);
        if (w == full || (w.size() == 3 && full.substr(0, 3) == w)) return true;
    }
    return false;
}

// An optional "12:00[:00]" and zone ("+0700", "GMT", "UTC", "UT", "Z") at the
// end of the English forms.
bool trailing_time(Cursor& c, Parts& p) {
    c.skip_spaces();
    if (c.done()) return true;
    p.has_time = true;
    if (!c.small_number(p.hour) || !c.eat(':') || !c.digits(2, p.minute)) return false;
    if (c.eat(':') && !c.digits(2, p.second)) return false;
    c.skip_spaces();
    if (c.done()) return true;
    if (c.peek() == '+' || c.peek() == '-' || c.peek() == 'Z') return zone(c, p) && c.done();
    std::string z = c.word();
    if (z == "gmt" || z == "utc" || z == "ut" || z == "z") {
        p.zone = Parts::Zone::utc;
        c.skip_spaces();
        return c.done();
    }
    return false;
}

// "Fri, 13 Jun 2008 12:00:00 +0700", "13 June 2008", "June 13, 2008",
// "Friday, June 13, 2008 12:00".
std::optional<Parts> english(std::string_view s) {
    Cursor c{s};
    Parts p;
    std::string w = c.word();
    if (!w.empty() && weekday(w)) {
        c.eat(',');
        c.skip_spaces();
        w = c.word();
    }
    if (w.empty()) {
        // "13 June 2008"
        if (!c.small_number(p.day)) return std::nullopt;
        c.skip_spaces();
        p.month = month_number(c.word());
    } else {
        // "June 13, 2008"
        p.month = month_number(w);
        c.skip_spaces();
        if (!c.small_number(p.day)) return std::nullopt;
        c.eat(',');
    }
    if (p.month == 0) return std::nullopt;
    c.skip_spaces();
    if (!c.digits(4, p.year)) return std::nullopt;
    if (is_digit(c.peek())) return std::nullopt;
    c.eat(',');
    if (!trailing_time(c, p)) return std::nullopt;
    return p;
}

}  // namespace

std::optional<NitfDate> normalise_nitf_date(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                             text.front() == '\r'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                             text.back() == '\r'))
        text.remove_suffix(1);
    if (text.empty() || text.size() > 64) return std::nullopt;
    bool spaced = false;
    if (auto p = iso(text, spaced)) {
        if (!valid(*p)) return std::nullopt;
        return NitfDate{format(*p), !spaced};
    }
    if (auto p = english(text)) {
        if (!valid(*p)) return std::nullopt;
        return NitfDate{format(*p), false};
    }
    return std::nullopt;
}

}  // namespace galley::read

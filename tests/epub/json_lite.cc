#include "json_lite.h"

#include <charconv>

namespace galley::test {
namespace {

class Parser {
public:
    explicit Parser(std::string_view s) : s_(s) {}

    std::optional<Json> document() {
        auto v = value();
        skip();
        if (!v || i_ != s_.size()) return std::nullopt;
        return v;
    }

private:
    void skip() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool eat(char c) {
        skip();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    bool literal(std::string_view w) {
        if (s_.substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    static void put_utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xc0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xe0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (cp & 0x3f));
        }
    }
    std::optional<std::string> string() {
        if (!eat('"')) return std::nullopt;
        std::string out;
        while (i_ < s_.size()) {
            char c = s_[i_++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) return std::nullopt;
            char e = s_[i_++];
            switch (e) {
                case 'n': out += '\n'; break;
                case 't': out += '\t'; break;
                case 'r': out += '\r'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    if (i_ + 4 > s_.size()) return std::nullopt;
                    unsigned cp = 0;
                    std::from_chars(s_.data() + i_, s_.data() + i_ + 4, cp, 16);
                    i_ += 4;
                    if (cp >= 0xd800 && cp < 0xdc00 && s_.substr(i_, 2) == "\\u" && i_ + 6 <= s_.size()) {
                        unsigned lo = 0;
                        std::from_chars(s_.data() + i_ + 2, s_.data() + i_ + 6, lo, 16);
                        i_ += 6;
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    }
                    put_utf8(out, cp);
                    break;
                }
                default: out += e;
            }
        }
        return std::nullopt;
    }
    std::optional<Json> value() {
        skip();
        if (i_ >= s_.size()) return std::nullopt;
        char c = s_[i_];
        Json j;
        if (c == '{') {
            ++i_;
            auto obj = std::make_shared<Json::Object>();
            if (!eat('}')) {
                do {
                    auto key = string();
                    if (!key || !eat(':')) return std::nullopt;
                    auto v = value();
                    if (!v) return std::nullopt;
                    obj->emplace_back(std::move(*key), std::move(*v));
                } while (eat(','));
                if (!eat('}')) return std::nullopt;
            }
            j.value = obj;
        } else if (c == '[') {
            ++i_;
            auto arr = std::make_shared<Json::Array>();
            if (!eat(']')) {
                do {
                    auto v = value();
                    if (!v) return std::nullopt;
                    arr->push_back(std::move(*v));
                } while (eat(','));
                if (!eat(']')) return std::nullopt;
            }
            j.value = arr;
        } else if (c == '"') {
            auto s = string();
            if (!s) return std::nullopt;
            j.value = std::move(*s);
        } else if (literal("true")) {
            j.value = true;
        } else if (literal("false")) {
            j.value = false;
        } else if (literal("null")) {
            j.value = nullptr;
        } else {
            std::size_t start = i_;
            while (i_ < s_.size() && (std::string_view("+-.eE0123456789").find(s_[i_]) != std::string_view::npos)) ++i_;
            double d = 0;
            auto [ptr, ec] = std::from_chars(s_.data() + start, s_.data() + i_, d);
            if (ec != std::errc() || ptr != s_.data() + i_ || start == i_) return std::nullopt;
            j.value = d;
        }
        return j;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

const Json* Json::get(std::string_view key) const {
    const Object* o = object();
    if (!o) return nullptr;
    for (const auto& [k, v] : *o)
        if (k == key) return &v;
    return nullptr;
}

const Json::Array* Json::array() const {
    auto p = std::get_if<std::shared_ptr<Array>>(&value);
    return p ? p->get() : nullptr;
}

const Json::Object* Json::object() const {
    auto p = std::get_if<std::shared_ptr<Object>>(&value);
    return p ? p->get() : nullptr;
}

std::string Json::string_or(std::string fallback) const {
    auto p = std::get_if<std::string>(&value);
    return p ? *p : fallback;
}

double Json::number_or(double fallback) const {
    auto p = std::get_if<double>(&value);
    return p ? *p : fallback;
}

std::optional<Json> parse_json(std::string_view text) { return Parser(text).document(); }

}  // namespace galley::test

// Control flow: find the code unit width and byte order (byte order mark,
// then libxml2's four-byte patterns) -> read the declared encoding, refuse
// what this pass cannot see through -> one pass over the code units: skip
// comments, CDATA, processing instructions, DOCTYPE and end tags; in every
// start tag count attribute names, telling namespace declarations apart,
// skipping quoted values. Lines are counted on the way, for the message.
#include "base/xml_prescan.h"

#include <cstdint>

#include "base/xml_space.h"

namespace galley {
namespace {

// The document as 1- or 2-byte code units; only values below 0x80 matter.
class Units {
public:
    Units(std::string_view bytes, std::size_t width, bool big_endian, std::size_t skip)
        : bytes_(bytes), width_(width), big_endian_(big_endian), begin_(skip) {
        size_ = bytes.size() > skip ? (bytes.size() - skip) / width : 0;
    }
    std::size_t size() const { return size_; }
    std::uint32_t operator[](std::size_t i) const {
        const std::size_t at = begin_ + i * width_;
        const auto b0 = static_cast<unsigned char>(bytes_[at]);
        if (width_ == 1) return b0;
        const auto b1 = static_cast<unsigned char>(bytes_[at + 1]);
        return big_endian_ ? (std::uint32_t{b0} << 8 | b1) : (std::uint32_t{b1} << 8 | b0);
    }

private:
    std::string_view bytes_;
    std::size_t width_, size_ = 0;
    bool big_endian_;
    std::size_t begin_;
};

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool all_digits(std::string_view s) {
    if (s.empty() || s.size() > 2) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// Upper case without '-', '_' and spaces: "iso-8859-1" -> "ISO88591".
std::string canonical(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '-' || c == '_' || c == ' ') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

// Encodings in which every byte below 0x80 is that ASCII character (so
// markup is plain ASCII bytes) and no multi-byte sequence uses < > = " ' or
// white space. UTF-16 is here too: libxml2 refuses that label on 8-bit
// content and keeps reading it as it is.
bool ascii_compatible(std::string_view declared) {
    const std::string n = canonical(declared);
    static constexpr std::string_view exact[] = {
        "UTF8",    "USASCII", "ASCII",    "UTF16",   "LATIN1",     "ISOLATIN1", "SHIFTJIS",   "SJIS",
        "CP932",   "MSKANJI", "WINDOWS31J", "EUCJP", "EUCKR",      "EUCCN",     "EUCTW",      "GB2312",
        "GBK",     "CP936",   "GB18030",  "BIG5",    "BIG5HKSCS",  "CP950",     "KOI8R",      "KOI8U",
        "TIS620",  "WINDOWS874", "CP874", "MACINTOSH", "MACROMAN"};
    for (std::string_view e : exact)
        if (n == e) return true;
    if (starts_with(n, "ISO8859")) return all_digits(std::string_view(n).substr(7));
    if (starts_with(n, "WINDOWS125")) return all_digits(std::string_view(n).substr(10));
    if (starts_with(n, "CP125")) return all_digits(std::string_view(n).substr(5));
    return false;
}

// The encoding named in an XML declaration at the start, or "".
std::string declared_encoding(const Units& u) {
    auto is = [&](std::size_t i, char c) { return i < u.size() && u[i] == static_cast<unsigned char>(c); };
    if (!(is(0, '<') && is(1, '?') && is(2, 'x') && is(3, 'm') && is(4, 'l') && u.size() > 5 && is_xml_space(u[5])))
        return "";
    const std::size_t end = u.size() < 1000 ? u.size() : 1000;  // a declaration is short
    for (std::size_t i = 5; i + 8 < end; ++i) {
        if (is(i, '?') && is(i + 1, '>')) return "";
        static constexpr std::string_view key = "encoding";
        bool match = true;
        for (std::size_t k = 0; k < key.size() && match; ++k) match = is(i + k, key[k]);
        if (!match) continue;
        std::size_t j = i + key.size();
        while (j < end && is_xml_space(u[j])) ++j;
        if (!is(j, '=')) continue;
        ++j;
        while (j < end && is_xml_space(u[j])) ++j;
        if (!is(j, '"') && !is(j, '\'')) return "";
        const std::uint32_t quote = u[j++];
        std::string name;
        for (; j < end && u[j] != quote && name.size() < 64; ++j)
            name += u[j] < 0x80 ? static_cast<char>(u[j]) : '?';
        return name;
    }
    return "";
}

std::string shown_name(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c >= 0x20 && c < 0x7F) out += c;
    return out;
}

PrescanProblem encoding_problem(std::string what) {
    PrescanProblem p;
    p.kind = PrescanProblem::Kind::encoding;
    p.message = std::move(what) +
                "; galley reads XML in UTF-8, UTF-16 and the encodings that keep markup in ASCII (ISO-8859-*, "
                "windows-125*, Shift_JIS, EUC, GB18030, Big5, KOI8)";
    return p;
}

// The counting pass over one document's code units.
class Scanner {
public:
    Scanner(const Units& u, const MarkupLimits& limits) : u_(u), limits_(limits) {}

    std::optional<PrescanProblem> run() {
        while (i_ < u_.size()) {
            if (u_[i_] != '<') {
                step();
                continue;
            }
            const int tag_line = line_;
            step();
            if (i_ >= u_.size()) break;
            const std::uint32_t c = u_[i_];
            if (c == '!') {
                if (looking_at("!--")) skip_past("-->");
                else if (looking_at("![CDATA[")) skip_past("]]>");
                else skip_declaration();
            } else if (c == '?') {
                skip_past("?>");
            } else if (c == '/') {
                skip_past(">");
            } else if (!is_xml_space(c)) {
                if (auto p = start_tag(tag_line)) return p;
            }
        }
        return std::nullopt;
    }

private:
    void step() {
        if (u_[i_] == '\n') ++line_;
        ++i_;
    }

    bool looking_at(std::string_view s) const {
        for (std::size_t k = 0; k < s.size(); ++k)
            if (i_ + k >= u_.size() || u_[i_ + k] != static_cast<unsigned char>(s[k])) return false;
        return true;
    }

    void skip_past(std::string_view end) {
        while (i_ < u_.size() && !looking_at(end)) step();
        for (std::size_t k = 0; k < end.size() && i_ < u_.size(); ++k) step();
    }

    // <!DOCTYPE ... [ ... ]> and the like: to the '>' outside quotes and brackets.
    void skip_declaration() {
        int depth = 0;
        std::uint32_t quote = 0;
        while (i_ < u_.size()) {
            const std::uint32_t c = u_[i_];
            step();
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                ++depth;
            } else if (c == ']') {
                if (depth > 0) --depth;
            } else if (c == '>' && depth == 0) {
                return;
            }
        }
    }

    bool name_char(std::uint32_t c) const {
        return !is_xml_space(c) && c != '=' && c != '>' && c != '/' && c != '"' && c != '\'' && c != '<';
    }

    // At the first character of an element name; returns past the tag.
    std::optional<PrescanProblem> start_tag(int tag_line) {
        std::string element;
        while (i_ < u_.size() && name_char(u_[i_])) {
            if (element.size() < 50) element += u_[i_] < 0x80 ? static_cast<char>(u_[i_]) : '?';
            step();
        }
        std::size_t attributes = 0, namespaces = 0;
        while (i_ < u_.size()) {
            const std::uint32_t c = u_[i_];
            if (c == '>' || c == '<') break;  // '<': malformed, the parser will say so
            if (is_xml_space(c) || c == '/') {
                step();
                continue;
            }
            if (!name_char(c)) {  // a stray quote or '=': malformed
                step();
                continue;
            }
            // An attribute name: "xmlns" or "xmlns:p" declares a namespace.
            std::size_t length = 0;
            bool xmlns_prefix = looking_at("xmlns");
            while (i_ < u_.size() && name_char(u_[i_])) {
                ++length;
                step();
            }
            bool xmlns = xmlns_prefix && (length == 5 || (length > 6 && u_[i_ - length + 5] == ':'));
            ++(xmlns ? namespaces : attributes);
            while (i_ < u_.size() && is_xml_space(u_[i_])) step();
            if (i_ < u_.size() && u_[i_] == '=') {
                step();
                while (i_ < u_.size() && is_xml_space(u_[i_])) step();
                if (i_ < u_.size() && (u_[i_] == '"' || u_[i_] == '\'')) {
                    const std::uint32_t quote = u_[i_];
                    step();
                    while (i_ < u_.size() && u_[i_] != quote) step();
                    if (i_ < u_.size()) step();
                }
            }
        }
        if (i_ < u_.size() && u_[i_] == '>') step();
        PrescanProblem p;
        p.line = tag_line;
        p.element = shown_name(element);
        if (attributes > limits_.max_attributes_per_element) {
            p.kind = PrescanProblem::Kind::attributes;
            p.count = attributes;
            p.message = "element <" + p.element + "> has " + std::to_string(attributes) +
                        " attributes; galley reads at most " + std::to_string(limits_.max_attributes_per_element) +
                        " on one element";
            return p;
        }
        if (namespaces > limits_.max_namespaces_per_element) {
            p.kind = PrescanProblem::Kind::namespaces;
            p.count = namespaces;
            p.message = "element <" + p.element + "> declares " + std::to_string(namespaces) +
                        " namespaces; galley reads at most " + std::to_string(limits_.max_namespaces_per_element) +
                        " declarations on one element";
            return p;
        }
        return std::nullopt;
    }

    const Units& u_;
    const MarkupLimits& limits_;
    std::size_t i_ = 0;
    int line_ = 1;
};

}  // namespace

std::optional<PrescanProblem> prescan_xml(std::string_view bytes, const MarkupLimits& limits) {
    auto byte = [&](std::size_t i) -> int { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : -1; };
    auto first = [&](int a, int b, int c, int d) { return byte(0) == a && byte(1) == b && byte(2) == c && byte(3) == d; };
    // libxml2's xmlDetectCharEncoding, in its order.
    if (first(0x00, 0x00, 0x00, 0x3C) || first(0x3C, 0x00, 0x00, 0x00) || first(0x00, 0x00, 0x3C, 0x00) ||
        first(0x00, 0x3C, 0x00, 0x00))
        return encoding_problem("the file is in UCS-4 (UTF-32)");
    // With its byte order mark (libxml2 would take FF FE for UTF-16 and
    // find the document empty).
    if (first(0xFF, 0xFE, 0x00, 0x00) || first(0x00, 0x00, 0xFE, 0xFF))
        return encoding_problem("the file is in UTF-32");
    if (first(0x4C, 0x6F, 0xA7, 0x94)) return encoding_problem("the file is in EBCDIC");
    std::size_t width = 1, skip = 0;
    bool big_endian = false;
    if (first(0x00, 0x3C, 0x00, 0x3F)) {
        width = 2, big_endian = true;
    } else if (first(0x3C, 0x00, 0x3F, 0x00)) {
        width = 2;
    } else if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) {
        skip = 3;
    } else if (byte(0) == 0xFE && byte(1) == 0xFF) {
        width = 2, big_endian = true, skip = 2;
    } else if (byte(0) == 0xFF && byte(1) == 0xFE) {
        width = 2, skip = 2;
    }
    const Units units(bytes, width, big_endian, skip);
    const std::string declared = declared_encoding(units);
    if (!declared.empty()) {
        const std::string n = canonical(declared);
        const bool ok = width == 1 ? ascii_compatible(declared)
                                   : (n == "UTF16" || (n == "UTF16BE" && big_endian) || (n == "UTF16LE" && !big_endian));
        if (!ok) return encoding_problem("the encoding '" + shown_name(declared) + "' is not supported");
    }
    return Scanner(units, limits).run();
}

}  // namespace galley

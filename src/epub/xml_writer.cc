#include "epub/xml_writer.h"

#include <stdexcept>

namespace galley::epub {
namespace {

void append_escaped(std::string& out, std::string_view s, bool attribute) {
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute)
                    out += "&quot;";
                else
                    out += c;
                break;
            default:
                // XML 1.0 cannot hold C0 controls other than tab, LF and CR.
                if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
                if (attribute && (c == '\t' || c == '\n' || c == '\r')) {
                    // Attribute-value normalisation would turn them into spaces.
                    out += "&#";
                    out += std::to_string(u);
                    out += ';';
                    break;
                }
                out += c;
        }
    }
}

}  // namespace

std::string escape_text(std::string_view s) {
    std::string out;
    append_escaped(out, s, false);
    return out;
}

std::string escape_attribute(std::string_view s) {
    std::string out;
    append_escaped(out, s, true);
    return out;
}

void XmlWriter::declaration() { out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::raw_line(std::string_view markup) {
    out_ += markup;
    out_ += '\n';
}

void XmlWriter::start_tag(std::string_view name, const XmlAttributes& attributes) {
    out_ += '<';
    out_ += name;
    for (const XmlAttribute& a : attributes) {
        if (a.name.empty()) continue;
        out_ += ' ';
        out_ += a.name;
        out_ += "=\"";
        append_escaped(out_, a.value, true);
        out_ += '"';
    }
}

void XmlWriter::open(std::string_view name, const XmlAttributes& attributes) {
    start_tag(name, attributes);
    out_ += '>';
    open_.emplace_back(name);
}

void XmlWriter::close() {
    if (open_.empty()) throw std::logic_error("XmlWriter::close with no open element");
    out_ += "</";
    out_ += open_.back();
    out_ += '>';
    open_.pop_back();
}

void XmlWriter::close_line() {
    out_ += '\n';
    out_.append(2 * (open_.empty() ? 0 : open_.size() - 1), ' ');
    close();
}

void XmlWriter::empty(std::string_view name, const XmlAttributes& attributes) {
    start_tag(name, attributes);
    out_ += "/>";
}

void XmlWriter::text(std::string_view s) { append_escaped(out_, s, false); }

void XmlWriter::element(std::string_view name, const XmlAttributes& attributes, std::string_view s) {
    open(name, attributes);
    text(s);
    close();
}

void XmlWriter::newline() {
    out_ += '\n';
    out_.append(2 * open_.size(), ' ');
}

std::string XmlWriter::finish() {
    if (!open_.empty()) throw std::logic_error("XmlWriter::finish with <" + open_.back() + "> still open");
    if (out_.empty() || out_.back() != '\n') out_ += '\n';
    return std::move(out_);
}

}  // namespace galley::epub

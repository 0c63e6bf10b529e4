#include "press/ink_limit.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_DCT.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace galley::press {
namespace {

using Handle = QPDFObjectHandle;
using Token = QPDFTokenizer::Token;

constexpr int kJpegQuality = 92;
constexpr double kJpegHeadroom = 3;  // percent under the limit for re-encoded JPEGs

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s == "-0" ? "0" : s;
}

// Rounded down to 4 decimals, so the written colour stays within the limit.
double floor4(double v) { return std::floor(v * 10000.0) / 10000.0; }

class LimitFilter : public Handle::TokenFilter {
public:
    LimitFilter(double limit, InkLimitStats* stats) : limit_(limit), stats_(stats) {}

    void handleToken(const Token& token) override {
        if (token.getType() != QPDFTokenizer::tt_word) {
            pending_.push_back(token);
            return;
        }
        const std::string& op = token.getValue();
        if (op == "cs" || op == "CS") {
            bool cmyk = last_name() == "/DeviceCMYK";
            (op == "cs" ? fill_cmyk_ : stroke_cmyk_) = cmyk;
        } else if (op == "q") {
            stack_.push_back({fill_cmyk_, stroke_cmyk_});
        } else if (op == "Q" && !stack_.empty()) {
            fill_cmyk_ = stack_.back().first;
            stroke_cmyk_ = stack_.back().second;
            stack_.pop_back();
        }
        bool colour = op == "k" || op == "K" || ((op == "sc" || op == "scn") && fill_cmyk_) ||
                      ((op == "SC" || op == "SCN") && stroke_cmyk_);
        std::vector<double> v;
        if (colour && four_numbers(v) && v[0] + v[1] + v[2] + v[3] > limit_ + 1e-9) {
            double c = v[0], m = v[1], y = v[2], k = v[3];
            limit_colour(c, m, y, k, limit_);
            pending_.clear();
            write(" " + num(floor4(c)) + " " + num(floor4(m)) + " " + num(floor4(y)) + " " + num(k) + " " + op + " ");
            if (stats_) ++stats_->colours;
            return;
        }
        for (const Token& t : pending_) writeToken(t);
        pending_.clear();
        writeToken(token);
    }

    void handleEOF() override {
        for (const Token& t : pending_) writeToken(t);
        pending_.clear();
    }

private:
    std::string last_name() const {
        for (auto it = pending_.rbegin(); it != pending_.rend(); ++it)
            if (it->getType() == QPDFTokenizer::tt_name) return it->getValue();
        return "";
    }

    bool four_numbers(std::vector<double>& v) const {
        for (const Token& t : pending_) {
            auto type = t.getType();
            if (type == QPDFTokenizer::tt_space || type == QPDFTokenizer::tt_comment) continue;
            if (type != QPDFTokenizer::tt_integer && type != QPDFTokenizer::tt_real) return false;
            try {
                v.push_back(std::stod(t.getValue()));
            } catch (...) {
                return false;
            }
        }
        if (v.size() != 4) return false;
        for (double& x : v) x = std::clamp(x, 0.0, 1.0);
        return true;
    }

    double limit_;
    InkLimitStats* stats_;
    std::vector<Token> pending_;
    bool fill_cmyk_ = false, stroke_cmyk_ = false;
    std::vector<std::pair<bool, bool>> stack_;
};

// 8-bit CMYK samples within `limit255` (the limit in 8-bit units); whether
// anything changed.
bool limit_samples(unsigned char* p, std::size_t bytes, unsigned limit255) {
    bool changed = false;
    for (std::size_t i = 0; i + 3 < bytes; i += 4) {
        unsigned c = p[i], m = p[i + 1], y = p[i + 2], k = p[i + 3];
        unsigned cmy = c + m + y;
        if (cmy + k <= limit255 || cmy == 0) continue;
        unsigned avail = limit255 > k ? limit255 - k : 0;
        p[i] = static_cast<unsigned char>(c * avail / cmy);
        p[i + 1] = static_cast<unsigned char>(m * avail / cmy);
        p[i + 2] = static_cast<unsigned char>(y * avail / cmy);
        changed = true;
    }
    return changed;
}

bool over(const unsigned char* p, std::size_t bytes, unsigned limit255) {
    for (std::size_t i = 0; i + 3 < bytes; i += 4)
        if (unsigned(p[i]) + p[i + 1] + p[i + 2] + p[i + 3] > limit255) return true;
    return false;
}

class Quality : public Pl_DCT::CompressConfig {
public:
    void apply(jpeg_compress_struct* cinfo) override { jpeg_set_quality(cinfo, kJpegQuality, TRUE); }
};

bool is_cmyk(Handle cs) {
    if (cs.isNameAndEquals("/DeviceCMYK")) return true;
    if (cs.isArray() && cs.getArrayNItems() == 2 && cs.getArrayItem(0).isNameAndEquals("/ICCBased") &&
        cs.getArrayItem(1).isStream()) {
        Handle n = cs.getArrayItem(1).getDict().getKey("/N");
        return n.isInteger() && n.getIntValue() == 4;
    }
    return false;
}

bool default_decode(Handle d) {
    Handle decode = d.getKey("/Decode");
    if (decode.isNull()) return true;
    if (!decode.isArray()) return false;
    for (int i = 0; i < decode.getArrayNItems(); ++i) {
        Handle v = decode.getArrayItem(i);
        if (!v.isNumber() || v.getNumericValue() != (i % 2 == 0 ? 0.0 : 1.0)) return false;
    }
    return true;
}

void limit_image(Handle image, double limit, InkLimitStats* stats) {
    Handle d = image.getDict();
    Handle cs = d.getKey("/ColorSpace");
    Handle bpc = d.getKey("/BitsPerComponent");
    if (!bpc.isInteger() || bpc.getIntValue() != 8 || !default_decode(d)) return;
    if (cs.isArray() && cs.getArrayNItems() >= 4 &&
        (cs.getArrayItem(0).isNameAndEquals("/Indexed") || cs.getArrayItem(0).isNameAndEquals("/I")) &&
        is_cmyk(cs.getArrayItem(1))) {
        // The palette, not the pixels.
        Handle lookup = cs.getArrayItem(3);
        std::string table;
        if (lookup.isString()) table = lookup.getStringValue();
        else if (lookup.isStream()) {
            std::shared_ptr<Buffer> b = lookup.getStreamData(qpdf_dl_all);
            table.assign(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
        } else {
            return;
        }
        unsigned limit255 = static_cast<unsigned>(std::floor(limit * 255.0));
        if (!limit_samples(reinterpret_cast<unsigned char*>(table.data()), table.size(), limit255)) return;
        if (lookup.isStream()) lookup.replaceStreamData(table, Handle::newNull(), Handle::newNull());
        else cs.setArrayItem(3, Handle::newString(table));
        if (stats) ++stats->palettes;
        return;
    }
    if (!is_cmyk(cs)) return;
    Handle w = d.getKey("/Width"), h = d.getKey("/Height");
    if (!w.isInteger() || !h.isInteger() || w.getIntValue() <= 0 || h.getIntValue() <= 0) return;
    std::size_t expected = static_cast<std::size_t>(w.getIntValue()) * static_cast<std::size_t>(h.getIntValue()) * 4;
    Handle filter = d.getKey("/Filter");
    bool dct = filter.isNameAndEquals("/DCTDecode") ||
               (filter.isArray() && filter.getArrayNItems() == 1 && filter.getArrayItem(0).isNameAndEquals("/DCTDecode"));
    std::shared_ptr<Buffer> data;
    try {
        data = image.getStreamData(qpdf_dl_all);
    } catch (const std::exception&) {
        return;  // a filter libqpdf cannot decode: left as it is
    }
    if (data->getSize() != expected) return;
    unsigned limit255 = static_cast<unsigned>(std::floor(limit * 255.0));
    if (!over(data->getBuffer(), data->getSize(), limit255)) return;
    if (dct) {
        unsigned aim = static_cast<unsigned>(std::floor((limit - kJpegHeadroom / 100.0) * 255.0));
        limit_samples(data->getBuffer(), data->getSize(), aim);
        Pl_Buffer out("limited jpeg");
        Quality quality;
        Pl_DCT jpeg("limited jpeg", &out, static_cast<JDIMENSION>(w.getIntValue()),
                    static_cast<JDIMENSION>(h.getIntValue()), 4, JCS_CMYK, &quality);
        jpeg.write(data->getBuffer(), data->getSize());
        jpeg.finish();
        std::unique_ptr<Buffer> encoded(out.getBuffer());
        image.replaceStreamData(std::string(reinterpret_cast<const char*>(encoded->getBuffer()), encoded->getSize()),
                                Handle::newName("/DCTDecode"), Handle::newNull());
    } else {
        limit_samples(data->getBuffer(), data->getSize(), limit255);
        // Unfiltered here; the writer compresses it with Flate.
        image.replaceStreamData(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
                                Handle::newNull(), Handle::newNull());
    }
    if (stats) ++stats->images;
}

}  // namespace

std::string ink_limit_text(double limit_percent) { return num(limit_percent) + "%"; }

void limit_colour(double& c, double& m, double& y, double k, double limit) {
    double cmy = c + m + y;
    if (cmy + k <= limit || cmy <= 0) return;
    double scale = std::max(0.0, limit - k) / cmy;
    c *= scale;
    m *= scale;
    y *= scale;
}

std::optional<std::string> limit_ink(const std::string& pdf, double limit_percent, Diagnostics& diags,
                                     InkLimitStats* stats) {
    const double limit = std::clamp(limit_percent, 100.0, 400.0) / 100.0;
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("Ghostscript output", pdf.data(), pdf.size());
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(q).getAllPages())
            page.addContentTokenFilter(std::make_shared<LimitFilter>(limit, stats));
        for (Handle h : q.getAllObjects()) {
            if (!h.isStream()) continue;
            Handle d = h.getDict();
            if (d.getKey("/Subtype").isNameAndEquals("/Image")) {
                limit_image(h, limit, stats);
            } else if (d.getKey("/Subtype").isNameAndEquals("/Form") ||
                       (d.getKey("/PatternType").isInteger() && d.getKey("/PatternType").getIntValue() == 1)) {
                h.addTokenFilter(std::make_shared<LimitFilter>(limit, stats));
            } else if (d.getKey("/ShadingType").isInteger() && is_cmyk(d.getKey("/ColorSpace"))) {
                if (stats) ++stats->shadings;
            }
        }
        for (Handle h : q.getAllObjects())
            if (h.isDictionary() && h.getKey("/ShadingType").isInteger() && is_cmyk(h.getKey("/ColorSpace")) && stats)
                ++stats->shadings;
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setObjectStreamMode(qpdf_o_disable);
        w.setCompressStreams(true);
        w.write();
        std::shared_ptr<Buffer> b = w.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
    } catch (const std::exception& e) {
        diags.error("E-PRESS-INK", {}, std::string("libqpdf could not apply the ink limit: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace galley::press

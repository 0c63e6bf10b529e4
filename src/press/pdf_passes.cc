#include "press/pdf_passes.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <cstdio>
#include <set>

#include "render/adobe_jpeg.h"
#include "render/pdf_date.h"
#include "render/xmp_text.h"

namespace galley::press {
namespace {

using Handle = QPDFObjectHandle;
using Token = QPDFTokenizer::Token;

// ---------------------------------------------------------------- black

bool is_number(const Token& t) {
    return t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real;
}

std::optional<double> number(const Token& t) {
    if (!is_number(t)) return std::nullopt;
    try {
        return std::stod(t.getValue());
    } catch (...) {
        return std::nullopt;
    }
}

// "0.898" for a K value: three decimals, no trailing zeros.
std::string k_text(double k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", k);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s.empty() ? "0" : s;
}

// The overprint state as written into the stream: -1 unknown (a form
// XObject starts in its caller's state), else bit 1 = stroke, bit 0 = fill.
struct GState {
    bool fill_black = false;
    bool stroke_black = false;
    int emitted = 0;
};

class KBlackFilter : public Handle::TokenFilter {
public:
    KBlackFilter(bool overprint, bool state_known, PrepareStats* stats)
        : overprint_(overprint), stats_(stats) {
        state_.emitted = state_known ? 0 : -1;
    }

    void handleToken(const Token& token) override {
        if (token.getType() != QPDFTokenizer::tt_word) {
            pending_.push_back(token);
            return;
        }
        const std::string& op = token.getValue();
        if (op == "q") {
            stack_.push_back(state_);
        } else if (op == "Q") {
            if (!stack_.empty()) {
                state_ = stack_.back();
                stack_.pop_back();
            }
        } else if (op == "rg" || op == "RG") {
            bool fill = op == "rg";
            if (std::optional<double> grey = neutral_operands()) {
                // Pure black: K only, overprinting. Any other neutral grey
                // (r = g = b): K only too, so grey text and rules print on
                // one plate, but knocking out.
                pending_.clear();
                bool black = *grey <= 0.0;
                (fill ? state_.fill_black : state_.stroke_black) = black;
                switch_overprint();
                // Spaces around: the operands dropped may have been all that
                // kept the previous operator apart from this one.
                write(" 0 0 0 " + k_text(1.0 - *grey) + (fill ? " k " : " K "));
                if (stats_) {
                    if (black) ++(fill ? stats_->black_fills : stats_->black_strokes);
                    else ++stats_->greys;
                }
                return;
            }
            (fill ? state_.fill_black : state_.stroke_black) = false;
            switch_overprint();
        } else if (op == "g" || op == "k" || op == "cs" || op == "sc" || op == "scn") {
            state_.fill_black = false;
            switch_overprint();
        } else if (op == "G" || op == "K" || op == "CS" || op == "SC" || op == "SCN") {
            state_.stroke_black = false;
            switch_overprint();
        }
        flush();
        writeToken(token);
    }

    void handleEOF() override { flush(); }

private:
    // The operands since the last operator end in three equal numbers
    // (within half a step of 8 bits) from 0 to 1: that number.
    std::optional<double> neutral_operands() const {
        double v[3];
        int found = 0;
        for (auto it = pending_.rbegin(); it != pending_.rend() && found < 3; ++it) {
            auto type = it->getType();
            if (type == QPDFTokenizer::tt_space || type == QPDFTokenizer::tt_comment) continue;
            std::optional<double> n = number(*it);
            if (!n || !(*n >= 0.0 && *n <= 1.0)) return std::nullopt;
            v[found++] = *n;
        }
        if (found != 3) return std::nullopt;
        const double step = 0.5 / 255.0;
        if (std::fabs(v[0] - v[1]) > step || std::fabs(v[0] - v[2]) > step) return std::nullopt;
        double grey = (v[0] + v[1] + v[2]) / 3;
        return grey < step ? 0.0 : grey;
    }

    void switch_overprint() {
        if (!overprint_) return;
        int want = (state_.stroke_black ? 2 : 0) | (state_.fill_black ? 1 : 0);
        if (want == state_.emitted) return;
        // Before the operands: a `gs` between operands and their operator
        // would break the syntax.
        std::string name = std::string("/GalleyOP") + ((want & 2) ? "1" : "0") + ((want & 1) ? "1" : "0");
        write(" " + name + " gs ");
        state_.emitted = want;
    }

    void flush() {
        for (const Token& t : pending_) writeToken(t);
        pending_.clear();
    }

    bool overprint_;
    PrepareStats* stats_;
    GState state_;
    std::vector<GState> stack_;
    std::vector<Token> pending_;
};

// The four overprint states, shared by every resource dictionary.
struct OverprintStates {
    Handle states[4];
};

OverprintStates make_states(QPDF& q) {
    OverprintStates s;
    for (int i = 0; i < 4; ++i) {
        Handle d = Handle::newDictionary();
        d.replaceKey("/Type", Handle::newName("/ExtGState"));
        d.replaceKey("/OP", Handle::newBool((i & 2) != 0));
        d.replaceKey("/op", Handle::newBool((i & 1) != 0));
        d.replaceKey("/OPM", Handle::newInteger(1));
        s.states[i] = q.makeIndirectObject(d);
    }
    return s;
}

void add_states(Handle resources, const OverprintStates& states) {
    if (!resources.isDictionary()) return;
    Handle ext = resources.getKey("/ExtGState");
    if (!ext.isDictionary()) {
        ext = Handle::newDictionary();
        resources.replaceKey("/ExtGState", ext);
    }
    for (int i = 0; i < 4; ++i) {
        std::string name = std::string("/GalleyOP") + ((i & 2) ? "1" : "0") + ((i & 1) ? "1" : "0");
        ext.replaceKey(name, states.states[i]);
    }
}

// Form XObjects and tiling patterns reachable from `resources`, filtered
// like the page (each once).
void filter_children(Handle resources, bool overprint, const OverprintStates& states, std::set<QPDFObjGen>& seen,
                     PrepareStats* stats, int depth) {
    if (!resources.isDictionary() || depth > 32) return;
    for (const char* category : {"/XObject", "/Pattern"}) {
        Handle dict = resources.getKey(category);
        if (!dict.isDictionary()) continue;
        for (const std::string& key : dict.getKeys()) {
            Handle child = dict.getKey(key);
            if (!child.isStream() || !child.isIndirect()) continue;
            Handle cd = child.getDict();
            bool form = cd.getKey("/Subtype").isNameAndEquals("/Form");
            bool tiling = cd.getKey("/PatternType").isInteger() && cd.getKey("/PatternType").getIntValue() == 1;
            if (!form && !tiling) continue;
            if (!seen.insert(child.getObjGen()).second) continue;
            Handle child_resources = cd.getKey("/Resources");
            if (!child_resources.isDictionary()) {
                child_resources = Handle::newDictionary();
                cd.replaceKey("/Resources", child_resources);
            }
            if (overprint) add_states(child_resources, states);
            child.addTokenFilter(std::make_shared<KBlackFilter>(overprint, false, stats));
            filter_children(child_resources, overprint, states, seen, stats, depth + 1);
        }
    }
}

Handle rect_array(const PdfBox& b) {
    return Handle::newFromRectangle(Handle::Rectangle(b.llx, b.lly, b.urx, b.ury));
}

std::string written(QPDFWriter& w) {
    w.write();
    std::shared_ptr<Buffer> buffer = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// ---------------------------------------------------------------- finish

// Two FNV-1a passes: 128 bits, enough for a stable document id.
std::string uuid_from(const std::string& seed) {
    std::uint64_t a = 1469598103934665603ULL, b = 0x84222325cbf29ce4ULL;
    for (unsigned char c : seed) {
        a = (a ^ c) * 1099511628211ULL;
        b = (b ^ static_cast<unsigned char>(c ^ 0x5A)) * 0x100000001B3ULL;
        b ^= b >> 29;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFF),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return buf;
}

std::string xmp_packet(const FinishSpec& spec, const std::string& producer, const std::string& id_seed) {
    std::string date = render::iso_utc(spec.date);
    std::string uuid = uuid_from(id_seed);
    std::string x;
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    x += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    x += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    x += "  <rdf:Description rdf:about=\"\"\n";
    x += "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n";
    x += "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n";
    x += "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n";
    x += "    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n";
    x += "   <dc:format>application/pdf</dc:format>\n";
    if (!spec.title.empty())
        x += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + render::xmp_text(spec.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
    x += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
    x += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
    if (!spec.creator.empty()) x += "   <xmp:CreatorTool>" + render::xmp_text(spec.creator) + "</xmp:CreatorTool>\n";
    if (!producer.empty()) x += "   <pdf:Producer>" + render::xmp_text(producer) + "</pdf:Producer>\n";
    x += "   <pdf:Trapped>False</pdf:Trapped>\n";
    x += "   <xmpMM:DocumentID>uuid:" + uuid + "</xmpMM:DocumentID>\n";
    x += "   <xmpMM:InstanceID>uuid:" + uuid + "</xmpMM:InstanceID>\n";
    x += "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

std::optional<PdfBox> box_of(Handle h) {
    if (!h.isRectangle()) return std::nullopt;
    Handle::Rectangle r = h.getArrayAsRectangle();
    return PdfBox{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

}  // namespace

std::string rewrite_black(const std::string& content, bool black_overprint, PrepareStats* stats) {
    KBlackFilter filter(black_overprint, true, stats);
    Pl_Buffer out("rewritten");
    Pl_QPDFTokenizer tokenizer("content", &filter, &out);
    tokenizer.write(reinterpret_cast<const unsigned char*>(content.data()), content.size());
    tokenizer.finish();
    std::unique_ptr<Buffer> b(out.getBuffer());
    return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

std::optional<std::string> prepare_for_ghostscript(const std::string& cairo_pdf, const std::vector<PressPage>& pages,
                                                   bool black_overprint, Diagnostics& diags, PrepareStats* stats) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("press pages", cairo_pdf.data(), cairo_pdf.size());
        std::vector<QPDFPageObjectHelper> all = QPDFPageDocumentHelper(q).getAllPages();
        if (all.size() != pages.size()) {
            diags.error("E-PRESS-FINISH", {}, "cairo drew " + std::to_string(all.size()) + " press pages, not " +
                                                  std::to_string(pages.size()));
            return std::nullopt;
        }
        // Adobe CMYK JPEGs keep their colours through Ghostscript only with
        // the /Decode the screen PDF's finishing pass gives them too.
        for (Handle object : q.getAllObjects()) render::mark_inverted_cmyk_jpeg(object);
        OverprintStates states = make_states(q);
        std::set<QPDFObjGen> seen;
        for (std::size_t i = 0; i < all.size(); ++i) {
            QPDFPageObjectHelper& page = all[i];
            Handle dict = page.getObjectHandle();
            const PressPage& g = pages[i];
            page.coalesceContentStreams();
            Handle resources = dict.getKey("/Resources");
            if (!resources.isDictionary()) {
                resources = Handle::newDictionary();
                dict.replaceKey("/Resources", resources);
            }
            if (black_overprint) add_states(resources, states);
            page.addContentTokenFilter(std::make_shared<KBlackFilter>(black_overprint, true, stats));
            filter_children(resources, black_overprint, states, seen, stats, 0);
            // Cairo's page group (DeviceRGB, isolated): nothing on a press
            // page is transparent once images are flattened, and PDF/X-3
            // has no transparency.
            dict.removeKey("/Group");
            dict.removeKey("/CropBox");
            dict.replaceKey("/MediaBox", rect_array(g.media));
            dict.replaceKey("/BleedBox", rect_array(g.bleed_box));
            dict.replaceKey("/TrimBox", rect_array(g.trim_box));
        }
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.setObjectStreamMode(qpdf_o_disable);
        w.setCompressStreams(true);
        return written(w);
    } catch (const std::exception& e) {
        diags.error("E-PRESS-FINISH", {}, std::string("libqpdf could not prepare the press pages: ") + e.what());
        return std::nullopt;
    }
}

std::optional<std::string> finish_press_pdf(const std::string& gs_pdf, const FinishSpec& spec,
                                            std::optional<int> only_page, Diagnostics& diags) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("Ghostscript output", gs_pdf.data(), gs_pdf.size());
        QPDFPageDocumentHelper doc(q);
        std::vector<QPDFPageObjectHelper> all = doc.getAllPages();
        if (all.size() != spec.pages.size()) {
            diags.error("E-PRESS-FINISH", {}, "Ghostscript wrote " + std::to_string(all.size()) + " pages, not " +
                                                  std::to_string(spec.pages.size()));
            return std::nullopt;
        }
        Handle root = q.getRoot();
        Handle intents = root.getKey("/OutputIntents");
        bool has_intent = false;
        if (intents.isArray())
            for (int i = 0; i < intents.getArrayNItems(); ++i) {
                Handle oi = intents.getArrayItem(i);
                if (oi.isDictionary() && oi.getKey("/S").isNameAndEquals("/GTS_PDFX") &&
                    oi.getKey("/DestOutputProfile").isStream())
                    has_intent = true;
            }
        if (!has_intent) {
            diags.error("E-PRESS-PDFX", {}, "Ghostscript's PDF has no PDF/X output intent with the profile");
            return std::nullopt;
        }

        bool ok = true;
        for (std::size_t i = 0; i < all.size(); ++i) {
            Handle dict = all[i].getObjectHandle();
            const PressPage& g = spec.pages[i];
            std::optional<PdfBox> media = box_of(all[i].getMediaBox());
            // Ghostscript writes the MediaBox from the page size; it must
            // still be the press page (to a hundredth of a point and a bit).
            if (!media || std::fabs(media->width() - g.media.width()) > 0.05 ||
                std::fabs(media->height() - g.media.height()) > 0.05) {
                diags.error("E-PRESS-BOXES", {}, "page " + std::to_string(i + 1) + ": Ghostscript's MediaBox " +
                                                     (media ? media->text() : std::string("(none)")) + " is not " +
                                                     g.media.text());
                ok = false;
                continue;
            }
            // Boxes relative to Ghostscript's MediaBox origin.
            PdfBox trim = g.trim_box, bleed = g.bleed_box;
            for (PdfBox* b : {&trim, &bleed}) {
                b->llx += media->llx;
                b->urx += media->llx;
                b->lly += media->lly;
                b->ury += media->lly;
            }
            dict.removeKey("/CropBox");
            dict.removeKey("/ArtBox");
            dict.replaceKey("/TrimBox", rect_array(trim));
            dict.replaceKey("/BleedBox", rect_array(bleed));
            std::optional<PdfBox> t = box_of(dict.getKey("/TrimBox")), bl = box_of(dict.getKey("/BleedBox"));
            if (!t || !bl || !t->inside(*bl) || !bl->inside(*media)) {
                diags.error("E-PRESS-BOXES", {}, "page " + std::to_string(i + 1) + ": TrimBox " + trim.text() +
                                                     " is not inside BleedBox " + bleed.text() + " inside MediaBox " +
                                                     media->text());
                ok = false;
            }
        }
        if (!ok) return std::nullopt;

        // The marks last, after Ghostscript and the ink limit: registration
        // colour is all four inks at 100 %, on purpose.
        for (std::size_t i = 0; i < all.size(); ++i) {
            std::string mark_ops = mark_operators(spec.pages[i], spec.marks);
            if (mark_ops.empty()) continue;
            all[i].addPageContents(q.newStream("q\n"), true);
            all[i].addPageContents(q.newStream("Q\n" + mark_ops), false);
        }

        if (only_page) {
            for (std::size_t i = 0; i < all.size(); ++i)
                if (static_cast<int>(i) != *only_page) doc.removePage(all[i]);
            root.removeKey("/PageLabels");
        }
        root.removeKey("/Outlines");

        // The information dictionary: what PDF/X asks, no clock.
        Handle trailer = q.getTrailer();
        Handle info = trailer.getKey("/Info");
        if (!info.isDictionary()) {
            info = q.makeIndirectObject(Handle::newDictionary());
            trailer.replaceKey("/Info", info);
        }
        std::string producer;
        if (info.getKey("/Producer").isString()) producer = info.getKey("/Producer").getUTF8Value();
        std::string date = render::pdf_date(spec.date);
        info.replaceKey("/CreationDate", Handle::newString(date));
        info.replaceKey("/ModDate", Handle::newString(date));
        info.replaceKey("/GTS_PDFXVersion", Handle::newString(kPdfxVersion));
        info.removeKey("/GTS_PDFXConformance");
        info.replaceKey("/Trapped", Handle::newName("/False"));
        if (!spec.title.empty()) info.replaceKey("/Title", Handle::newUnicodeString(spec.title));
        if (!spec.author.empty()) info.replaceKey("/Author", Handle::newUnicodeString(spec.author));
        if (!spec.subject.empty()) info.replaceKey("/Subject", Handle::newUnicodeString(spec.subject));
        if (!spec.creator.empty()) info.replaceKey("/Creator", Handle::newUnicodeString(spec.creator));

        std::string seed = spec.seed + (only_page ? "/page " + std::to_string(*only_page) : std::string());
        Handle xmp = q.newStream(xmp_packet(spec, producer, seed));
        xmp.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
        xmp.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
        root.replaceKey("/Metadata", xmp);

        // Ghostscript's /ID is random; qpdf keeps an existing first half, so
        // drop it and let both halves come from the content.
        trailer.removeKey("/ID");
        QPDFWriter w(q);
        w.setOutputMemory();
        w.setDeterministicID(true);
        // PDF/X-3:2002 is PDF 1.3/1.4: no object or cross-reference streams.
        w.setObjectStreamMode(qpdf_o_disable);
        w.setCompressStreams(true);
        return written(w);
    } catch (const std::exception& e) {
        diags.error("E-PRESS-FINISH", {}, std::string("libqpdf could not finish Ghostscript's PDF: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace galley::press

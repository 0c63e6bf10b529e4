#include "render/pdf_finish.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <zlib.h>

#include "render/adobe_jpeg.h"
#include "render/deflate_level.h"
#include "render/pdf_artifacts.h"
#include "render/pdf_date.h"
#include "render/xmp_text.h"

namespace galley::render {
namespace {

using Handle = QPDFObjectHandle;

// A URI for /URI, which holds 7-bit ASCII: other bytes, spaces and controls
// percent-encoded.
std::string ascii_uri(const std::string& uri) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
            c == '{' || c == '|' || c == '}') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string xmp_packet(const page::Metadata& m, const std::string& producer, const std::optional<std::int64_t>& date) {
    auto alt = [](const std::string& tag, const std::string& v) {
        return "<" + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmp_text(v) + "</rdf:li></rdf:Alt></" +
               tag + ">\n";
    };
    std::string x = "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                    "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                    "<dc:format>application/pdf</dc:format>\n";
    if (!m.title.empty()) x += alt("dc:title", m.title);
    if (!m.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + xmp_text(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!m.subject.empty()) x += alt("dc:description", m.subject);
    if (!m.lang.empty()) x += "<dc:language><rdf:Bag><rdf:li>" + xmp_text(m.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!m.keywords.empty()) x += "<pdf:Keywords>" + xmp_text(m.keywords) + "</pdf:Keywords>\n";
    if (!producer.empty()) x += "<pdf:Producer>" + xmp_text(producer) + "</pdf:Producer>\n";
    if (!m.creator.empty()) x += "<xmp:CreatorTool>" + xmp_text(m.creator) + "</xmp:CreatorTool>\n";
    if (date) {
        std::string d = iso_utc(*date);
        x += "<xmp:CreateDate>" + d + "</xmp:CreateDate>\n<xmp:ModifyDate>" + d +
             "</xmp:ModifyDate>\n<xmp:MetadataDate>" + d + "</xmp:MetadataDate>\n";
    }
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>\n";
    return x;
}

// The structure elements of the tree in pre-order (cairo appends children
// in the order they began, so this is the order they were drawn in).
std::vector<Handle> elements_in_order(Handle tree_root) {
    std::vector<Handle> out;
    std::vector<Handle> stack;  // element dicts or K arrays still to visit, last first
    auto push_kids = [&stack](Handle k) {
        if (k.isArray()) {
            for (int i = k.getArrayNItems() - 1; i >= 0; --i) stack.push_back(k.getArrayItem(i));
        } else if (k.isDictionary()) {
            stack.push_back(k);
        }
    };
    push_kids(tree_root.getKey("/K"));
    while (!stack.empty()) {
        Handle h = stack.back();
        stack.pop_back();
        if (!h.isDictionary() || !h.getKey("/S").isName()) continue;  // MCIDs, MCR and OBJR dicts
        out.push_back(h);
        push_kids(h.getKey("/K"));
        if (out.size() > 10'000'000) break;  // a cycle; cairo never writes one
    }
    return out;
}

void append_kid(Handle parent, const Handle& kid) {
    Handle k = parent.getKey("/K");
    if (k.isArray()) {
        k.appendItem(kid);
    } else if (k.isNull()) {
        parent.replaceKey("/K", Handle::newArray({kid}));
    } else {
        parent.replaceKey("/K", Handle::newArray({k, kid}));
    }
}

/// A zlib stream's data, or nothing when it is not one.
std::optional<std::string> inflate_zlib(const std::string& in) {
    z_stream z{};
    if (inflateInit(&z) != Z_OK) return std::nullopt;
    std::string out(in.size() * 4 + 1024, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    int status = Z_OK;
    while (status == Z_OK) {
        if (z.total_out == out.size()) out.resize(out.size() * 2);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
        z.avail_out = static_cast<uInt>(out.size() - z.total_out);
        status = inflate(&z, Z_NO_FLUSH);
    }
    out.resize(z.total_out);
    inflateEnd(&z);
    if (status != Z_STREAM_END) return std::nullopt;
    return out;
}

std::string deflate_zlib(const std::string& in, int level) {
    uLongf size = compressBound(static_cast<uLong>(in.size()));
    std::string out(size, '\0');
    compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()),
              static_cast<uLong>(in.size()), level);
    out.resize(size);
    return out;
}

class Finisher {
public:
    Finisher(QPDF& q, const FinishInput& in, Diagnostics& diags) : q_(q), in_(in), diags_(diags) {}

    void run() {
        const page::Metadata& meta = in_.document->meta;
        Handle root = q_.getRoot();
        if (!meta.lang.empty()) root.replaceKey("/Lang", Handle::newUnicodeString(meta.lang));
        if (!meta.title.empty() || meta.bound_right) {
            Handle prefs = Handle::newDictionary();
            if (!meta.title.empty()) prefs.replaceKey("/DisplayDocTitle", Handle::newBool(true));
            // Bound on the right: spreads are shown right to left.
            if (meta.bound_right) prefs.replaceKey("/Direction", Handle::newName("/R2L"));
            root.replaceKey("/ViewerPreferences", prefs);
        }
        std::string producer;
        Handle info = q_.getTrailer().getKey("/Info");
        if (info.isDictionary()) {
            if (info.getKey("/Producer").isString()) producer = info.getKey("/Producer").getUTF8Value();
            info.removeKey("/CreationDate");
            info.removeKey("/ModDate");
            if (in_.date) {
                info.replaceKey("/CreationDate", Handle::newString(pdf_date(*in_.date)));
                info.replaceKey("/ModDate", Handle::newString(pdf_date(*in_.date)));
            }
        }
        Handle xmp = q_.newStream(xmp_packet(meta, producer, in_.date));
        xmp.getDict().replaceKey("/Type", Handle::newName("/Metadata"));
        xmp.getDict().replaceKey("/Subtype", Handle::newName("/XML"));
        root.replaceKey("/Metadata", xmp);

        std::set<QPDFObjGen> seen;
        for (Handle page : q_.getAllPages()) fix_images(page.getKey("/Resources"), seen);
        mark_page_artifacts();

        tree_ = root.getKey("/StructTreeRoot");
        if (tree_.isDictionary()) match_elements();
        add_links();
    }

private:
    // What the pages paint outside every structure element, enclosed in
    // /Artifact sequences (pdf_artifacts.h). Cairo's content streams are
    // inflated, marked and deflated again at cairo's level on
    // `in_.threads` threads, and handed to the writer deflated, so it
    // copies them as they are (a page is about 30 KB of operators: done
    // by libqpdf on one thread, the 50-article bench issue's 31 pages took
    // 18 ms). A stream in any other form is decoded by libqpdf and deflated
    // by the writer.
    void mark_page_artifacts() {
        std::vector<Handle> streams;
        std::vector<std::string> raw;
        for (Handle page : q_.getAllPages()) {
            if (page.getKey("/Contents").isArray()) QPDFPageObjectHelper(page).coalesceContentStreams();
            Handle contents = page.getKey("/Contents");
            if (!contents.isStream()) continue;
            Handle dict = contents.getDict();
            if (dict.getKey("/Filter").isNameAndEquals("/FlateDecode") && !dict.hasKey("/DecodeParms")) {
                std::shared_ptr<Buffer> data = contents.getRawStreamData();
                streams.push_back(contents);
                raw.emplace_back(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
                continue;
            }
            std::shared_ptr<Buffer> data = contents.getStreamData(qpdf_dl_generalized);
            std::optional<std::string> marked =
                mark_artifacts(std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
            if (marked) contents.replaceStreamData(*marked, Handle::newNull(), Handle::newNull());
        }
        std::vector<std::optional<std::string>> done(raw.size());
        std::atomic<std::size_t> next{0};
        std::exception_ptr failed;  // the first exception a thread met (out of memory), rethrown here
        std::mutex failed_lock;
        auto work = [&] {
            try {
                for (std::size_t i = next++; i < raw.size(); i = next++) {
                    std::optional<std::string> plain = inflate_zlib(raw[i]);
                    std::string().swap(raw[i]);  // held once, not beside its new form
                    if (!plain) continue;        // libqpdf will find the stream bad, as cairo wrote it
                    if (std::optional<std::string> marked = mark_artifacts(*plain))
                        done[i] = deflate_zlib(*marked, kPdfDeflateLevel);
                }
            } catch (...) {
                next = raw.size();
                const std::lock_guard<std::mutex> hold(failed_lock);
                if (!failed) failed = std::current_exception();
            }
        };
        std::vector<std::thread> helpers;
        const std::size_t extra = std::min<std::size_t>(static_cast<std::size_t>(std::max(in_.threads, 1)) - 1,
                                                        raw.size() / 2);
        for (std::size_t t = 0; t < extra; ++t) helpers.emplace_back(work);
        work();
        for (std::thread& t : helpers) t.join();
        if (failed) std::rethrow_exception(failed);
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (!done[i]) continue;
            streams[i].replaceStreamData(*done[i], Handle::newName("/FlateDecode"), Handle::newNull());
            done[i].reset();
        }
    }

    // The image XObjects of the page resources and the forms they use:
    // stand-ins become their PNG, and Adobe-inverted CMYK JPEGs get the
    // /Decode cairo leaves out.
    void fix_images(Handle resources, std::set<QPDFObjGen>& seen) {
        if (!resources.isDictionary()) return;
        Handle xobjects = resources.getKey("/XObject");
        if (!xobjects.isDictionary()) return;
        for (const std::string& key : xobjects.getKeys()) {
            Handle x = xobjects.getKey(key);
            if (!x.isStream() || !seen.insert(x.getObjGen()).second) continue;
            Handle dict = x.getDict();
            std::string subtype = dict.getKey("/Subtype").isName() ? dict.getKey("/Subtype").getName() : "";
            if (subtype == "/Form") {
                fix_images(dict.getKey("/Resources"), seen);
            } else if (subtype == "/Image" && dict.getKey("/Filter").isNameAndEquals("/DCTDecode")) {
                if (replace_stand_in(x)) continue;
                mark_inverted_cmyk_jpeg(x);
            }
        }
    }

    // A stand-in (its JPEG data exactly a pass-through marker) becomes its
    // PNG's data; false for any other image.
    bool replace_stand_in(Handle image) {
        if (!in_.passthrough || in_.passthrough->empty()) return false;
        Handle dict = image.getDict();
        // Markers are a few dozen bytes: anything longer is a real JPEG.
        if (dict.getKey("/Length").isInteger() && dict.getKey("/Length").getIntValue() > 256) return false;
        std::shared_ptr<Buffer> raw = image.getRawStreamData();
        std::string bytes(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize());
        std::optional<std::size_t> index = passthrough_index(bytes);
        if (!index || *index >= in_.passthrough->size()) return false;
        const PngPassthrough& png = (*in_.passthrough)[*index];
        if (bytes != passthrough_marker(png, *index)) return false;

        Handle colour_space;
        if (png.indexed) {
            const auto entries = static_cast<long long>(png.palette.size() / 3);
            colour_space = Handle::newArray({Handle::newName("/Indexed"), Handle::newName("/DeviceRGB"),
                                             Handle::newInteger(entries - 1), Handle::newString(png.palette)});
        } else {
            colour_space = Handle::newName(png.colours == 3 ? "/DeviceRGB" : "/DeviceGray");
        }
        Handle parms = Handle::newDictionary();
        parms.replaceKey("/Predictor", Handle::newInteger(15));
        parms.replaceKey("/Colors", Handle::newInteger(png.colours));
        parms.replaceKey("/BitsPerComponent", Handle::newInteger(png.bits));
        parms.replaceKey("/Columns", Handle::newInteger(png.width));
        image.replaceStreamData(png.data, Handle::newName("/FlateDecode"), parms);
        dict.replaceKey("/Width", Handle::newInteger(png.width));
        dict.replaceKey("/Height", Handle::newInteger(png.height));
        dict.replaceKey("/ColorSpace", colour_space);
        dict.replaceKey("/BitsPerComponent", Handle::newInteger(png.bits));
        dict.removeKey("/Decode");
        return true;
    }


    void match_elements() {
        std::vector<Handle> found = elements_in_order(tree_);
        const auto& drawn = *in_.elements;
        bool same = found.size() == drawn.size();
        for (std::size_t i = 0; same && i < found.size(); ++i) same = found[i].getKey("/S").getName() == "/" + drawn[i].name;
        if (!same) {
            diags_.warning("W-PDF-STRUCTURE", {},
                           "cairo's structure tree (" + std::to_string(found.size()) +
                               " elements) does not match the tags drawn (" + std::to_string(drawn.size()) +
                               "); figure alt text, languages and links are left out of it");
            return;
        }
        for (std::size_t i = 0; i < found.size(); ++i) {
            const StructureElement& e = drawn[i];
            if (!e.alt.empty()) found[i].replaceKey("/Alt", Handle::newUnicodeString(e.alt));
            if (!e.lang.empty() && e.lang != in_.document->meta.lang)
                found[i].replaceKey("/Lang", Handle::newUnicodeString(e.lang));
            if (!e.title.empty()) found[i].replaceKey("/T", Handle::newUnicodeString(e.title));
        }
        elements_ = std::move(found);
    }

    void add_links() {
        if (in_.links->empty()) return;
        const std::vector<Handle>& pages = q_.getAllPages();
        const auto& doc_pages = in_.document->pages;
        Handle nums;
        long long next_key = 0;
        if (!elements_.empty()) {
            Handle parent_tree = tree_.getKey("/ParentTree");
            if (!parent_tree.isDictionary()) {
                parent_tree = q_.makeIndirectObject(Handle::newDictionary());
                tree_.replaceKey("/ParentTree", parent_tree);
            }
            nums = parent_tree.getKey("/Nums");
            if (nums.isNull() && !parent_tree.hasKey("/Kids")) {
                nums = Handle::newArray();
                parent_tree.replaceKey("/Nums", nums);
            }
            if (nums.isArray()) {
                for (int i = 0; i + 1 < nums.getArrayNItems(); i += 2)
                    if (nums.getArrayItem(i).isInteger())
                        next_key = std::max(next_key, nums.getArrayItem(i).getIntValue() + 1);
            }
            if (tree_.getKey("/ParentTreeNextKey").isInteger())
                next_key = std::max(next_key, tree_.getKey("/ParentTreeNextKey").getIntValue());
        }

        for (const PlacedLink& placed : *in_.links) {
            const page::Link& link = placed.link;
            if (placed.page < 0 || static_cast<std::size_t>(placed.page) >= pages.size()) continue;
            Handle page = pages[static_cast<std::size_t>(placed.page)];
            double h = doc_pages[static_cast<std::size_t>(placed.page)].height;
            Handle annot = Handle::newDictionary();
            annot.replaceKey("/Type", Handle::newName("/Annot"));
            annot.replaceKey("/Subtype", Handle::newName("/Link"));
            annot.replaceKey("/Rect", Handle::newArray(QPDFObjectHandle::Rectangle(
                                          link.rect.x, h - link.rect.y - link.rect.height,
                                          link.rect.x + link.rect.width, h - link.rect.y)));
            annot.replaceKey("/Border", Handle::newArray({Handle::newInteger(0), Handle::newInteger(0),
                                                          Handle::newInteger(0)}));
            annot.replaceKey("/F", Handle::newInteger(4));  // print
            if (!link.uri.empty()) {
                Handle action = Handle::newDictionary();
                action.replaceKey("/Type", Handle::newName("/Action"));
                action.replaceKey("/S", Handle::newName("/URI"));
                action.replaceKey("/URI", Handle::newString(ascii_uri(link.uri)));
                annot.replaceKey("/A", action);
                annot.replaceKey("/Contents", Handle::newUnicodeString(link.uri));
            } else if (link.target_page >= 0 && static_cast<std::size_t>(link.target_page) < pages.size()) {
                std::size_t t = static_cast<std::size_t>(link.target_page);
                double top = doc_pages[t].height - link.target_y;
                annot.replaceKey("/Dest", Handle::newArray({pages[t], Handle::newName("/XYZ"), Handle::newNull(),
                                                            Handle::newReal(top, 2), Handle::newNull()}));
                std::string label = doc_pages[t].label.empty() ? std::to_string(t + 1) : doc_pages[t].label;
                annot.replaceKey("/Contents", Handle::newUnicodeString("Go to page " + label));
            } else {
                diags_.warning("W-RENDER-LINK", {},
                               "a link on page " + std::to_string(placed.page + 1) +
                                   " has neither a URI nor a page of this document (" +
                                   std::to_string(link.target_page + 1) + "); left out");
                continue;
            }
            annot = q_.makeIndirectObject(annot);

            if (nums.isArray()) {
                Handle parent = placed.parent >= 0 ? elements_[static_cast<std::size_t>(placed.parent)] : elements_[0];
                Handle objr = Handle::newDictionary();
                objr.replaceKey("/Type", Handle::newName("/OBJR"));
                objr.replaceKey("/Obj", annot);
                objr.replaceKey("/Pg", page);
                Handle elem = Handle::newDictionary();
                elem.replaceKey("/Type", Handle::newName("/StructElem"));
                elem.replaceKey("/S", Handle::newName("/Link"));
                elem.replaceKey("/P", parent);
                elem.replaceKey("/Pg", page);
                elem.replaceKey("/K", Handle::newArray({objr}));
                elem = q_.makeIndirectObject(elem);
                append_kid(parent, elem);
                annot.replaceKey("/StructParent", Handle::newInteger(next_key));
                nums.appendItem(Handle::newInteger(next_key));
                nums.appendItem(elem);
                ++next_key;
                page.replaceKey("/Tabs", Handle::newName("/S"));
            }
            Handle annots = page.getKey("/Annots");
            if (annots.isArray()) {
                annots.appendItem(annot);
            } else {
                page.replaceKey("/Annots", Handle::newArray({annot}));
            }
        }
        if (nums.isArray()) tree_.replaceKey("/ParentTreeNextKey", Handle::newInteger(next_key));
    }

    QPDF& q_;
    const FinishInput& in_;
    Diagnostics& diags_;
    Handle tree_;
    std::vector<Handle> elements_;
};

}  // namespace

std::optional<std::string> finish_pdf(const std::string& cairo_pdf, const FinishInput& input, Diagnostics& diags) {
    try {
        QPDF q;
        q.setSuppressWarnings(true);
        q.processMemoryFile("cairo output", cairo_pdf.data(), cairo_pdf.size());
        Finisher(q, input, diags).run();

        // Written straight into the string returned: no second copy of the
        // PDF beside libqpdf's objects, the peak of a big build. Object
        // streams make the result a little smaller than cairo's.
        std::string out;
        out.reserve(cairo_pdf.size() + cairo_pdf.size() / 16);
        Pl_String sink("finished PDF", nullptr, out);
        QPDFWriter w(q);
        w.setOutputPipeline(&sink);
        w.setDeterministicID(true);
        w.setObjectStreamMode(qpdf_o_generate);
        // The streams libqpdf compresses here are its own (object streams of
        // structure elements, the xref stream, XMP): cairo's are passed
        // through. Level 1 makes them 0.5 % larger than zlib's default and
        // the whole pass a third faster (measured on the 50-article bench
        // issue: 62 -> 43 ms; without object streams 29 ms but 17 % larger).
        // The level is process-wide in libqpdf: set for this write, then
        // back to zlib's default.
        Pl_Flate::setCompressionLevel(1);
        try {
            w.write();
        } catch (...) {
            Pl_Flate::setCompressionLevel(-1);
            throw;
        }
        Pl_Flate::setCompressionLevel(-1);
        for (const QPDFExc& warning : q.getWarnings()) {
            // cairo 1.16 lists an image XObject twice in a page's resources
            // when the page paints it twice (/x<object number> both times,
            // so both name the same object): nothing anyone can act on.
            if (warning.getMessageDetail().find("dictionary has duplicated key /x") == 0) continue;
            diags.warning("W-PDF-FINISH", {}, std::string("libqpdf: ") + warning.what());
        }
        return out;
    } catch (const std::exception& e) {
        diags.error("E-PDF-FINISH", {}, std::string("cannot finish the PDF with libqpdf: ") + e.what());
        return std::nullopt;
    }
}

}  // namespace galley::render

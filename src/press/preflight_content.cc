#include "press/preflight_content.h"

#include <qpdf/Pipeline.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace galley::press::detail {
namespace {

using Handle = QPDFObjectHandle;

constexpr int kMaxDepth = 16;              // nested forms and patterns
constexpr long kMaxOperators = 20000000;   // per page: a hostile file stops here
// Content bytes read per page, forms each time they are painted: 2 KB of
// forms painting forms eight times over, six deep, with a 50 KB string at
// each leaf, made 13 GB to parse and took minutes under the operator budget.
constexpr long long kMaxContentBytes = 256LL * 1024 * 1024;

struct Matrix {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// m then n (PDF: CTM' = M x CTM).
Matrix multiply(const Matrix& m, const Matrix& n) {
    return {m.a * n.a + m.b * n.c, m.a * n.b + m.b * n.d, m.c * n.a + m.d * n.c,
            m.c * n.b + m.d * n.d, m.e * n.a + m.f * n.c + n.e, m.e * n.b + m.f * n.d + n.f};
}

void apply(const Matrix& m, double x, double y, double& ox, double& oy) {
    ox = m.a * x + m.c * y + m.e;
    oy = m.b * x + m.d * y + m.f;
}

std::optional<Matrix> matrix_of(Handle h) {
    if (!h.isArray() || h.getArrayNItems() != 6) return std::nullopt;
    double v[6];
    for (int i = 0; i < 6; ++i) {
        Handle x = h.getArrayItem(i);
        if (!x.isNumber()) return std::nullopt;
        v[i] = x.getNumericValue();
        if (!std::isfinite(v[i])) return std::nullopt;
    }
    return Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
}

std::string name_text(Handle h) { return h.isName() ? h.getName() : std::string("(unnamed)"); }

std::string pct(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f", v * 100);
    return buf;
}

// ---------------------------------------------------------------- colour

enum class Family { gray, rgb, cmyk, lab, spot, indexed, pattern, unknown };

struct Space {
    Family family = Family::gray;
    int n = 1;
    bool rgb = false;  ///< device-dependent RGB in it (itself, a base, an alternate)
    std::string desc = "DeviceGray";
    std::vector<std::string> colorants;  ///< Separation / DeviceN names
};

Space device(const std::string& name) {
    if (name == "/DeviceRGB" || name == "/RGB") return {Family::rgb, 3, true, "DeviceRGB", {}};
    if (name == "/DeviceCMYK" || name == "/CMYK") return {Family::cmyk, 4, false, "DeviceCMYK", {}};
    if (name == "/DeviceGray" || name == "/G") return {Family::gray, 1, false, "DeviceGray", {}};
    if (name == "/Pattern") return {Family::pattern, 1, false, "Pattern", {}};
    return {Family::unknown, 1, false, "", {}};
}

bool process_colorant(const std::string& n) {
    return n == "Cyan" || n == "Magenta" || n == "Yellow" || n == "Black" || n == "None" || n == "All";
}

Space resolve_space(Handle cs, Handle resources, int depth) {
    if (depth > 8) return {Family::unknown, 1, false, "a colour space nested too deep", {}};
    if (cs.isName()) {
        Space s = device(cs.getName());
        if (s.family != Family::unknown) return s;
        if (resources.isDictionary()) {
            Handle dict = resources.getKey("/ColorSpace");
            if (dict.isDictionary() && dict.hasKey(cs.getName()))
                return resolve_space(dict.getKey(cs.getName()), resources, depth + 1);
        }
        return {Family::unknown, 1, false, "undefined colour space " + cs.getName(), {}};
    }
    if (!cs.isArray() || cs.getArrayNItems() < 1 || !cs.getArrayItem(0).isName())
        return {Family::unknown, 1, false, "a malformed colour space", {}};
    std::string kind = cs.getArrayItem(0).getName();
    int items = cs.getArrayNItems();
    if (kind == "/ICCBased" && items >= 2 && cs.getArrayItem(1).isStream()) {
        Handle n = cs.getArrayItem(1).getDict().getKey("/N");
        int comps = n.isInteger() ? static_cast<int>(n.getIntValue()) : 0;
        if (comps == 3) return {Family::rgb, 3, true, "ICCBased RGB (an ICC profile with 3 components)", {}};
        if (comps == 4) return {Family::cmyk, 4, false, "ICCBased CMYK", {}};
        if (comps == 1) return {Family::gray, 1, false, "ICCBased grey", {}};
        return {Family::unknown, comps, false, "ICCBased with " + std::to_string(comps) + " components", {}};
    }
    if (kind == "/CalRGB") return {Family::rgb, 3, true, "CalRGB", {}};
    if (kind == "/CalGray") return {Family::gray, 1, false, "CalGray", {}};
    if (kind == "/Lab") return {Family::lab, 3, false, "Lab", {}};
    if ((kind == "/Indexed" || kind == "/I") && items >= 2) {
        Space base = resolve_space(cs.getArrayItem(1), resources, depth + 1);
        return {Family::indexed, 1, base.rgb, "Indexed on " + base.desc, {}};
    }
    if (kind == "/Separation" && items >= 3) {
        std::string colorant = name_text(cs.getArrayItem(1));
        if (!colorant.empty() && colorant[0] == '/') colorant = colorant.substr(1);
        Space alt = resolve_space(cs.getArrayItem(2), resources, depth + 1);
        bool rgb = alt.rgb && !process_colorant(colorant);
        return {Family::spot, 1, rgb, "Separation '" + colorant + "' (alternate " + alt.desc + ")", {colorant}};
    }
    if (kind == "/DeviceN" && items >= 3 && cs.getArrayItem(1).isArray()) {
        Space out{Family::spot, 0, false, "DeviceN", {}};
        bool all_process = true;
        Handle names = cs.getArrayItem(1);
        for (int i = 0; i < names.getArrayNItems(); ++i) {
            std::string c = name_text(names.getArrayItem(i));
            if (!c.empty() && c[0] == '/') c = c.substr(1);
            out.colorants.push_back(c);
            all_process = all_process && process_colorant(c);
        }
        out.n = static_cast<int>(out.colorants.size());
        Space alt = resolve_space(cs.getArrayItem(2), resources, depth + 1);
        out.rgb = alt.rgb && !all_process;
        out.desc = "DeviceN (alternate " + alt.desc + ")";
        return out;
    }
    if (kind == "/Pattern") return {Family::pattern, 1, false, "Pattern", {}};
    if (items == 1) return resolve_space(cs.getArrayItem(0), resources, depth + 1);
    return {Family::unknown, 1, false, "colour space " + kind, {}};
}

// The colour as CMYK (0..1 each) when it is one a press prints with process
// inks directly; nothing otherwise (RGB, Lab, other spot colours).
std::optional<std::array<double, 4>> as_cmyk(const Space& s, const std::vector<double>& v) {
    auto at = [&](std::size_t i) { return i < v.size() ? std::clamp(v[i], 0.0, 1.0) : 0.0; };
    switch (s.family) {
        case Family::gray: return std::array<double, 4>{0, 0, 0, 1 - at(0)};
        case Family::cmyk: return std::array<double, 4>{at(0), at(1), at(2), at(3)};
        case Family::spot: {
            std::array<double, 4> out{0, 0, 0, 0};
            for (std::size_t i = 0; i < s.colorants.size(); ++i) {
                const std::string& c = s.colorants[i];
                if (c == "Cyan") out[0] = at(i);
                else if (c == "Magenta") out[1] = at(i);
                else if (c == "Yellow") out[2] = at(i);
                else if (c == "Black") out[3] = at(i);
                else if (c == "All") out = {at(i), at(i), at(i), at(i)};
                else return std::nullopt;
            }
            return out;
        }
        default: return std::nullopt;
    }
}

std::vector<double> initial_colour(const Space& s) {
    if (s.family == Family::cmyk) return {0, 0, 0, 1};
    if (s.family == Family::spot) return std::vector<double>(static_cast<std::size_t>(std::max(1, s.n)), 1.0);
    return std::vector<double>(static_cast<std::size_t>(std::max(1, s.n)), 0.0);
}

// ---------------------------------------------------------------- walk

struct GState {
    Matrix ctm;
    Space fill_space, stroke_space;
    std::vector<double> fill{0}, stroke{0};
    int render_mode = 0;
    bool op = false, OP = false;
    int opm = 0;
};

class Walker;

class Collector : public Handle::ParserCallbacks {
public:
    Collector(Walker& w, Handle resources, int depth) : walker_(w), resources_(resources), depth_(depth) {}
    void handleObject(Handle obj) override;
    void handleEOF() override {}

private:
    Walker& walker_;
    Handle resources_;
    int depth_;
    std::vector<Handle> operands_;
};

class Walker {
public:
    Walker(PageScan& scan, const PdfBox& reference) : scan_(scan), ref_(reference) {}

    void walk(Handle contents, Handle resources, int depth) {
        measure(contents);
        Collector c(*this, resources, depth);
        Handle::parseContentStream(contents, &c);
    }

    /// A finding once, however often the content that causes it is painted.
    void problem(const std::string& text) {
        if (std::find(scan_.problems.begin(), scan_.problems.end(), text) == scan_.problems.end())
            scan_.problems.push_back(text);
    }

    /// The decoded content about to be read (a stream, or an array of
    /// them) counted against kMaxContentBytes as it is inflated, before
    /// qpdf's parser holds all of it: one stream that inflates to 1 GB
    /// took qpdf 3 GB to parse.
    void measure(Handle contents) {
        class Budget : public Pipeline {
        public:
            explicit Budget(Walker& w) : Pipeline("preflight content budget", nullptr), walker_(w) {}
            void write(unsigned char const*, size_t len) override { walker_.count_bytes(len); }
            void finish() override {}

        private:
            Walker& walker_;
        } budget(*this);
        // qpdf catches what the pipeline throws and stops decoding that
        // stream; the budget is checked again once it returns.
        auto one = [&](Handle stream) {
            if (stream.isStream()) stream.pipeStreamData(&budget, 0, qpdf_dl_generalized, true);
            if (bytes_ > kMaxContentBytes) throw std::runtime_error("operator budget");
        };
        if (contents.isArray())
            for (int i = 0; i < contents.getArrayNItems(); ++i) one(contents.getArrayItem(i));
        else
            one(contents);
    }

    void count_bytes(std::size_t size) {
        bytes_ += static_cast<long long>(size);
        if (bytes_ > kMaxContentBytes) {
            problem("more than " + std::to_string(kMaxContentBytes / (1024 * 1024)) +
                    " MB of content on the page, forms counted each time they are painted: the rest was not checked");
            throw std::runtime_error("operator budget");
        }
    }

    void op(const std::string& o, std::vector<Handle>& args, Handle res, int depth) {
        if (++ops_ > kMaxOperators) {
            problem("more than " + std::to_string(kMaxOperators) + " operators on the page: the rest was not checked");
            throw std::runtime_error("operator budget");
        }
        if (o == "q") {
            stack_.push_back(gs_);
        } else if (o == "Q") {
            if (!stack_.empty()) {
                gs_ = stack_.back();
                stack_.pop_back();
            }
        } else if (o == "cm") {
            if (auto m = numbers_matrix(args)) gs_.ctm = multiply(*m, gs_.ctm);
        } else if (o == "gs") {
            ext_gstate(args, res);
        } else if (o == "rg" || o == "RG") {
            bool fill = o == "rg";
            set_colour(fill, device("/DeviceRGB"), numbers(args));
            scan_.rgb["colour operators in DeviceRGB (rg, RG)"]++;
        } else if (o == "g" || o == "G") {
            set_colour(o == "g", device("/DeviceGray"), numbers(args));
        } else if (o == "k" || o == "K") {
            set_colour(o == "k", device("/DeviceCMYK"), numbers(args));
        } else if (o == "cs" || o == "CS") {
            if (args.empty()) return;
            Space s = resolve_space(args.back(), res, 0);
            note_space(s, "colour space");
            set_colour(o == "cs", s, initial_colour(s));
        } else if (o == "sc" || o == "scn" || o == "SC" || o == "SCN") {
            bool fill = o == "sc" || o == "scn";
            Space s = fill ? gs_.fill_space : gs_.stroke_space;
            if (!args.empty() && args.back().isName() && s.family == Family::pattern) pattern(args.back(), res, depth);
            set_colour(fill, s, numbers(args));
        } else if (o == "Tr") {
            if (!args.empty() && args.back().isInteger()) gs_.render_mode = static_cast<int>(args.back().getIntValue());
        } else if (o == "Tf") {
            if (args.size() >= 2) font(args[0], res);
        } else if (o == "Tj" || o == "TJ" || o == "'" || o == "\"") {
            text();
        } else if (o == "Do") {
            if (!args.empty()) xobject(args.back(), res, depth);
        } else if (o == "sh") {
            if (!args.empty()) shading_by_name(args.back(), res);
        } else if (o == "ID") {
            inline_image(args, res);
        }
    }

private:
    static std::vector<double> numbers(const std::vector<Handle>& args) {
        std::vector<double> v;
        for (Handle h : args)
            if (h.isNumber()) v.push_back(h.getNumericValue());
        return v;
    }

    static std::optional<Matrix> numbers_matrix(const std::vector<Handle>& args) {
        std::vector<double> v = numbers(args);
        if (v.size() != 6) return std::nullopt;
        for (double x : v)
            if (!std::isfinite(x)) return std::nullopt;
        return Matrix{v[0], v[1], v[2], v[3], v[4], v[5]};
    }

    void set_colour(bool fill, const Space& s, std::vector<double> v) {
        if (fill) {
            gs_.fill_space = s;
            gs_.fill = std::move(v);
        } else {
            gs_.stroke_space = s;
            gs_.stroke = std::move(v);
        }
    }

    void note_space(const Space& s, const std::string& what) {
        if (s.rgb) scan_.rgb[what + " " + s.desc]++;
        if (s.family == Family::unknown && !s.desc.empty()) scan_.unchecked.insert(s.desc);
    }

    void ext_gstate(std::vector<Handle>& args, Handle res) {
        if (args.empty() || !args.back().isName() || !res.isDictionary()) return;
        Handle dict = res.getKey("/ExtGState");
        if (!dict.isDictionary()) return;
        Handle g = dict.getKey(args.back().getName());
        if (!g.isDictionary()) return;
        std::string name = args.back().getName();
        Handle OP = g.getKey("/OP"), op = g.getKey("/op"), opm = g.getKey("/OPM");
        if (OP.isBool()) {
            gs_.OP = OP.getBoolValue();
            if (!op.isBool()) gs_.op = gs_.OP;
        }
        if (op.isBool()) gs_.op = op.getBoolValue();
        if (opm.isInteger()) gs_.opm = static_cast<int>(opm.getIntValue());
        Handle smask = g.getKey("/SMask");
        if (smask.isDictionary() || smask.isStream())
            scan_.transparency.insert("a soft mask (ExtGState " + name + " /SMask)");
        for (const char* key : {"/CA", "/ca"}) {
            Handle a = g.getKey(key);
            if (a.isNumber() && a.getNumericValue() < 0.999)
                scan_.transparency.insert("constant alpha " + pct(a.getNumericValue()) + "% (ExtGState " + name + " " +
                                          key + ")");
        }
        Handle bm = g.getKey("/BM");
        if (bm.isArray() && bm.getArrayNItems() > 0) bm = bm.getArrayItem(0);
        if (bm.isName() && bm.getName() != "/Normal" && bm.getName() != "/Compatible")
            scan_.transparency.insert("blend mode " + bm.getName() + " (ExtGState " + name + ")");
    }

    void font(Handle name, Handle res) {
        if (!name.isName() || !res.isDictionary()) return;
        Handle fonts = res.getKey("/Font");
        Handle f = fonts.isDictionary() ? fonts.getKey(name.getName()) : Handle::newNull();
        if (!f.isDictionary()) {
            problem("font " + name.getName() + " is used but not defined");
            return;
        }
        std::string base = f.getKey("/BaseFont").isName() ? f.getKey("/BaseFont").getName().substr(1) : name.getName();
        std::string type;
        scan_.fonts.insert(base);
        if (!font_embedded(f, type)) scan_.fonts_not_embedded[base] = type;
    }

    void text() {
        int mode = gs_.render_mode;
        if (mode == 3 || mode == 7) return;  // invisible (OCR layers): not text on the printed page
        ++scan_.text_shows;
        bool fills = mode == 0 || mode == 2 || mode == 4 || mode == 6;
        const Space& s = fills ? gs_.fill_space : gs_.stroke_space;
        const std::vector<double>& v = fills ? gs_.fill : gs_.stroke;
        auto cmyk = as_cmyk(s, v);
        if (!cmyk) return;
        double c = (*cmyk)[0], m = (*cmyk)[1], y = (*cmyk)[2], k = (*cmyk)[3];
        double lo = std::min({c, m, y}), hi = std::max({c, m, y});
        // Black means dark and neutral: K from 60 % or C, M and Y each from
        // 60 %, with C, M and Y within 20 points of each other.
        bool neutral = hi - lo <= 0.2;
        bool dark = k >= 0.6 || lo >= 0.6;
        if (!neutral || !dark) return;
        if (hi <= 0.005) {
            ++scan_.k_black_text;
            bool overprints = fills ? gs_.op : gs_.OP;
            if (k >= 0.995 && !overprints) ++scan_.k_black_text_knockout;
            return;
        }
        scan_.rich_black_text["C" + pct(c) + " M" + pct(m) + " Y" + pct(y) + " K" + pct(k)]++;
    }

    void pattern(Handle name, Handle res, int depth) {
        if (!res.isDictionary()) return;
        Handle dict = res.getKey("/Pattern");
        Handle p = dict.isDictionary() ? dict.getKey(name.getName()) : Handle::newNull();
        if (p.isNull()) return;
        Handle pd = p.isStream() ? p.getDict() : p;
        if (!pd.isDictionary()) return;
        Handle type = pd.getKey("/PatternType");
        if (type.isInteger() && type.getIntValue() == 2) {
            shading(pd.getKey("/Shading"), res);
            return;
        }
        if (!p.isStream() || !p.isIndirect()) return;
        if (!seen_patterns_.insert(p.getObjGen()).second) return;
        enter(p, pd.getKey("/Resources"), res, matrix_of(pd.getKey("/Matrix")).value_or(Matrix{}), false, depth);
    }

    void shading_by_name(Handle name, Handle res) {
        if (!name.isName() || !res.isDictionary()) return;
        Handle dict = res.getKey("/Shading");
        if (dict.isDictionary()) shading(dict.getKey(name.getName()), res);
    }

    void shading(Handle sh, Handle res) {
        Handle d = sh.isStream() ? sh.getDict() : sh;
        if (!d.isDictionary()) return;
        Space s = resolve_space(d.getKey("/ColorSpace"), res, 0);
        note_space(s, "shading in");
    }

    // A form XObject or tiling pattern: its content in its own resources,
    // with the graphics state saved around it.
    void enter(Handle stream, Handle own_resources, Handle outer_resources, const Matrix& m, bool concat, int depth) {
        if (depth + 1 > kMaxDepth) {
            problem("forms nested more than " + std::to_string(kMaxDepth) + " deep: not checked");
            return;
        }
        QPDFObjGen og = stream.getObjGen();
        if (stream.isIndirect() && !active_.insert(og).second) {
            problem("a form that paints itself: not followed");
            return;
        }
        stack_.push_back(gs_);
        gs_.ctm = concat ? multiply(m, gs_.ctm) : m;
        Handle res = own_resources.isDictionary() ? own_resources : outer_resources;
        walk(stream, res, depth + 1);
        gs_ = stack_.back();
        stack_.pop_back();
        if (stream.isIndirect()) active_.erase(og);
    }

    void xobject(Handle name, Handle res, int depth) {
        if (!name.isName() || !res.isDictionary()) return;
        Handle dict = res.getKey("/XObject");
        Handle x = dict.isDictionary() ? dict.getKey(name.getName()) : Handle::newNull();
        if (!x.isStream()) return;
        Handle d = x.getDict();
        Handle subtype = d.getKey("/Subtype");
        if (subtype.isNameAndEquals("/Image")) {
            image(d, name.getName(), res, false);
        } else if (subtype.isNameAndEquals("/Form")) {
            Handle group = d.getKey("/Group");
            if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency"))
                scan_.transparency.insert("a transparency group (form " + name.getName() + ")");
            enter(x, d.getKey("/Resources"), res, matrix_of(d.getKey("/Matrix")).value_or(Matrix{}), true, depth);
        } else if (subtype.isNameAndEquals("/PS")) {
            scan_.unchecked.insert("a PostScript XObject (" + name.getName() + ")");
        }
    }

    static Handle key(Handle d, const char* full, const char* abbrev) {
        Handle h = d.getKey(full);
        if (h.isNull() && abbrev) h = d.getKey(abbrev);
        return h;
    }

    void image(Handle d, const std::string& name, Handle res, bool is_inline) {
        ImagePlacement p;
        p.name = name;
        Handle w = key(d, "/Width", is_inline ? "/W" : nullptr), h = key(d, "/Height", is_inline ? "/H" : nullptr);
        p.width_px = w.isInteger() ? static_cast<long>(w.getIntValue()) : 0;
        p.height_px = h.isInteger() ? static_cast<long>(h.getIntValue()) : 0;
        Handle mask = key(d, "/ImageMask", is_inline ? "/IM" : nullptr);
        Handle bpc = key(d, "/BitsPerComponent", is_inline ? "/BPC" : nullptr);
        bool is_mask = mask.isBool() && mask.getBoolValue();
        p.one_bit = is_mask || (bpc.isInteger() && bpc.getIntValue() == 1);
        if (!is_mask) {
            Handle cs = key(d, "/ColorSpace", is_inline ? "/CS" : nullptr);
            Handle filter = key(d, "/Filter", is_inline ? "/F" : nullptr);
            bool jpx = filter.isNameAndEquals("/JPXDecode") ||
                       (filter.isArray() && filter.getArrayNItems() > 0 &&
                        filter.getArrayItem(filter.getArrayNItems() - 1).isNameAndEquals("/JPXDecode"));
            if (cs.isNull() && jpx) {
                p.space = "JPEG 2000 (colour space in the image data)";
                scan_.unchecked.insert("the colour space inside JPEG 2000 image " + name);
            } else {
                Space s = resolve_space(cs, res, 0);
                p.space = s.desc;
                std::string what = "image " + name + " (" + std::to_string(p.width_px) + " x " +
                                   std::to_string(p.height_px) + " px) in";
                note_space(s, what);
            }
        } else {
            p.space = "image mask";
        }
        if (!is_inline) {
            Handle smask = d.getKey("/SMask");
            if (smask.isStream()) scan_.transparency.insert("image " + name + " has a soft mask (/SMask)");
            Handle sid = d.getKey("/SMaskInData");
            if (sid.isInteger() && sid.getIntValue() != 0)
                scan_.transparency.insert("image " + name + " carries its own alpha (/SMaskInData)");
        }
        const Matrix& m = gs_.ctm;
        p.width_pt = std::hypot(m.a, m.b);
        p.height_pt = std::hypot(m.c, m.d);
        if (p.width_pt > 0 && p.height_pt > 0 && p.width_px > 0 && p.height_px > 0)
            p.dpi = std::min(static_cast<double>(p.width_px) * 72.0 / p.width_pt,
                             static_cast<double>(p.height_px) * 72.0 / p.height_pt);
        double xs[4], ys[4];
        apply(m, 0, 0, xs[0], ys[0]);
        apply(m, 1, 0, xs[1], ys[1]);
        apply(m, 0, 1, xs[2], ys[2]);
        apply(m, 1, 1, xs[3], ys[3]);
        double x0 = std::max(*std::min_element(xs, xs + 4), ref_.llx), x1 = std::min(*std::max_element(xs, xs + 4), ref_.urx);
        double y0 = std::max(*std::min_element(ys, ys + 4), ref_.lly), y1 = std::min(*std::max_element(ys, ys + 4), ref_.ury);
        double area = ref_.width() * ref_.height();
        if (x1 > x0 && y1 > y0 && area > 0) p.coverage = (x1 - x0) * (y1 - y0) / area;
        scan_.images.push_back(p);
    }

    void inline_image(std::vector<Handle>& args, Handle res) {
        Handle d = Handle::newDictionary();
        for (std::size_t i = 0; i + 1 < args.size(); i += 2)
            if (args[i].isName()) d.replaceKey(args[i].getName(), args[i + 1]);
        image(d, "inline image", res, true);
    }

    PageScan& scan_;
    PdfBox ref_;
    GState gs_;
    std::vector<GState> stack_;
    std::set<QPDFObjGen> active_;
    std::set<QPDFObjGen> seen_patterns_;
    long ops_ = 0;
    long long bytes_ = 0;
};

void Collector::handleObject(Handle obj) {
    if (obj.isOperator()) {
        walker_.op(obj.getOperatorValue(), operands_, resources_, depth_);
        operands_.clear();
    } else if (operands_.size() < 4096) {  // a sane operator has a handful of operands
        operands_.push_back(obj);
    }
}

}  // namespace

bool font_embedded(Handle font, std::string& type) {
    Handle subtype = font.getKey("/Subtype");
    type = subtype.isName() ? subtype.getName().substr(1) : "unknown";
    if (type == "Type3") return true;  // its glyphs are content streams in the file
    Handle f = font;
    if (type == "Type0") {
        Handle desc = font.getKey("/DescendantFonts");
        if (!desc.isArray() || desc.getArrayNItems() < 1 || !desc.getArrayItem(0).isDictionary()) return false;
        f = desc.getArrayItem(0);
        Handle sub = f.getKey("/Subtype");
        if (sub.isName()) type += "/" + sub.getName().substr(1);
    }
    Handle fd = f.getKey("/FontDescriptor");
    if (!fd.isDictionary()) return false;
    for (const char* k : {"/FontFile", "/FontFile2", "/FontFile3"})
        if (fd.getKey(k).isStream()) return true;
    return false;
}

PageScan scan_page(QPDFPageObjectHelper& page, const PdfBox& reference) {
    PageScan scan;
    Walker walker(scan, reference);
    Handle dict = page.getObjectHandle();
    Handle resources = page.getAttribute("/Resources", false);
    Handle contents = dict.getKey("/Contents");
    if (contents.isNull()) return scan;
    try {
        walker.walk(contents, resources, 0);
    } catch (const std::exception& e) {
        if (std::string(e.what()) != "operator budget")
            scan.problems.push_back(std::string("the content could not be read to the end: ") + e.what());
    }
    return scan;
}

}  // namespace galley::press::detail

#include "press/preflight.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "press/geometry.h"
#include "press/ghostscript.h"
#include "press/ink_limit.h"
#include "press/preflight_content.h"
#include "press/process.h"

namespace galley::press {
namespace {

constexpr long long kMaxPages = 10000;  // pages preflight reads in one file

using Handle = QPDFObjectHandle;

// A page rasterised whole: one image over this share of the page, no text.
constexpr double kRasterCoverage = 0.9;
// Pages rendered for the total-ink raster in one Ghostscript run.
constexpr int kTacBatch = 16;
// Rounding in the 8-bit raster: a limit is passed only above this margin.
constexpr double kTacTolerance = 1.0;

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string mm(double pt) { return fmt("%.0f", pt * 25.4 / 72); }

std::optional<PdfBox> box_of(Handle h) {
    if (!h.isRectangle()) return std::nullopt;
    Handle::Rectangle r = h.getArrayAsRectangle();
    if (!std::isfinite(r.llx) || !std::isfinite(r.lly) || !std::isfinite(r.urx) || !std::isfinite(r.ury))
        return std::nullopt;
    return PdfBox{std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx), std::max(r.lly, r.ury)};
}

class Checker {
public:
    Checker(PreflightReport& report) : r_(report) {}

    void add(Level level, int page, const std::string& check, const std::string& message) {
        r_.findings.push_back({level, page, check, message});
    }

    void run() {
        const PreflightOptions& o = r_.options;
        QPDF q;
        q.setSuppressWarnings(true);
        q.setAttemptRecovery(true);
        // A pipe or a device would be read forever (qpdf reads to the end).
        std::error_code ec;
        const std::filesystem::file_status st = std::filesystem::status(r_.file, ec);
        if (!std::filesystem::exists(st)) {
            add(Level::fail, 0, "file", "it does not exist");
            return;
        }
        if (!std::filesystem::is_regular_file(st)) {
            add(Level::fail, 0, "file", "not a PDF file: it is a folder, a device or a pipe");
            return;
        }
        if (std::filesystem::file_size(r_.file, ec) == 0) {
            add(Level::fail, 0, "file", "not a PDF: the file is empty");
            return;
        }
        try {
            q.processFile(r_.file.c_str());
        } catch (const std::exception& e) {
            add(Level::fail, 0, "file", std::string("not a PDF that can be read: ") + e.what());
            return;
        }
        // Each page is walked and kept in the report: a 4 MB file of 400,000
        // pages took 2.5 GB. Issues and advertisements have far fewer.
        try {
            QPDFObjectHandle count = q.getRoot().getKey("/Pages").getKey("/Count");
            if (count.isInteger() && count.getIntValue() > kMaxPages) {
                add(Level::fail, 0, "file",
                    "it says it has " + std::to_string(count.getIntValue()) + " pages, more than the " +
                        std::to_string(kMaxPages) + " preflight checks: not checked");
                return;
            }
        } catch (const std::exception&) {
            // A page tree too broken to count: getAllPages says what is wrong.
        }
        std::vector<QPDFPageObjectHelper> pages;
        try {
            pages = QPDFPageDocumentHelper(q).getAllPages();
        } catch (const std::exception& e) {
            add(Level::fail, 0, "file", std::string("its page tree cannot be read: ") + e.what());
            return;
        }
        r_.readable = true;
        r_.pages = static_cast<int>(pages.size());
        if (pages.empty()) add(Level::fail, 0, "file", "the PDF has no pages");
        if (q.isEncrypted()) add(Level::fail, 0, "file", "the PDF is encrypted: printers and readers may refuse it");
        std::vector<QPDFExc> warnings = q.getWarnings();
        if (!warnings.empty())
            add(Level::warn, 0, "file",
                "the file is damaged: libqpdf repaired " + std::to_string(warnings.size()) + " problem" +
                    (warnings.size() == 1 ? "" : "s") + " while reading it (first: " + warnings.front().getMessageDetail() +
                    "); run 'qpdf --check' for the details");

        if (o.profile == PreflightProfile::press) document_press(q);
        else document_screen(q);

        for (std::size_t i = 0; i < pages.size(); ++i) page(pages[i], static_cast<int>(i) + 1);
        if (o.profile == PreflightProfile::press && o.check_ink && !pages.empty()) ink();
        list_checks();
    }

private:
    // ------------------------------------------------------------ document

    void document_press(QPDF& q) {
        Handle root = q.getRoot();
        Handle trailer = q.getTrailer();
        Handle info = trailer.getKey("/Info");
        Handle intents = root.getKey("/OutputIntents");
        bool found = false;
        if (intents.isArray())
            for (int i = 0; i < intents.getArrayNItems(); ++i) {
                Handle oi = intents.getArrayItem(i);
                if (!oi.isDictionary() || !oi.getKey("/S").isNameAndEquals("/GTS_PDFX")) continue;
                found = true;
                std::string condition;
                for (const char* k : {"/OutputCondition", "/OutputConditionIdentifier", "/Info"})
                    if (condition.empty() && oi.getKey(k).isString()) condition = oi.getKey(k).getUTF8Value();
                Handle profile = oi.getKey("/DestOutputProfile");
                if (profile.isStream()) {
                    Handle n = profile.getDict().getKey("/N");
                    if (n.isInteger() && n.getIntValue() != 4)
                        add(Level::fail, 0, "pdfx",
                            "the output intent's profile has " + std::to_string(n.getIntValue()) +
                                " components, not 4: it is not a CMYK printing condition");
                } else if (!oi.getKey("/OutputConditionIdentifier").isString()) {
                    add(Level::fail, 0, "pdfx", "the PDF/X output intent has neither a profile nor a condition identifier");
                } else {
                    add(Level::info, 0, "pdfx",
                        "the output intent names the registered condition '" +
                            oi.getKey("/OutputConditionIdentifier").getUTF8Value() + "' without embedding its profile");
                }
                output_condition_ = condition;
            }
        if (!found)
            add(Level::fail, 0, "pdfx",
                "no PDF/X output intent (/OutputIntents with /S /GTS_PDFX): the file does not say what press "
                "condition its CMYK is for");
        std::string version;
        if (info.isDictionary() && info.getKey("/GTS_PDFXVersion").isString())
            version = info.getKey("/GTS_PDFXVersion").getUTF8Value();
        if (version.empty()) {
            Handle meta = root.getKey("/Metadata");
            if (meta.isStream()) {
                try {
                    std::shared_ptr<Buffer> data = meta.getStreamData(qpdf_dl_generalized);
                    std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
                    auto at = xmp.find("GTS_PDFXVersion");
                    if (at != std::string::npos) {
                        auto gt = xmp.find_first_of(">\"", at + 15);
                        auto end = gt == std::string::npos ? gt : xmp.find_first_of("<\"", gt + 1);
                        if (end != std::string::npos) version = xmp.substr(gt + 1, end - gt - 1);
                    }
                } catch (const std::exception&) {
                }
            }
        }
        if (version.empty())
            add(Level::fail, 0, "pdfx", "no /GTS_PDFXVersion: the file does not claim to be PDF/X");
        else
            pdfx_version_ = version;
        Handle trapped = info.isDictionary() ? info.getKey("/Trapped") : Handle::newNull();
        if (!trapped.isName() || (trapped.getName() != "/True" && trapped.getName() != "/False"))
            add(Level::fail, 0, "pdfx", "/Trapped is not /True or /False in the document information (PDF/X asks for it)");
        if (!trailer.getKey("/ID").isArray()) add(Level::fail, 0, "pdfx", "no /ID in the trailer (PDF/X asks for one)");
        if (!info.isDictionary() || !info.getKey("/Title").isString())
            add(Level::warn, 0, "pdfx", "no /Title in the document information");
        std::string summary = pdfx_version_.empty() ? "not PDF/X" : pdfx_version_;
        if (!output_condition_.empty()) summary += ", output intent \"" + output_condition_ + "\"";
        add(Level::info, 0, "pdfx", summary);
    }

    void document_screen(QPDF& q) {
        Handle root = q.getRoot();
        Handle mark = root.getKey("/MarkInfo");
        bool marked = mark.isDictionary() && mark.getKey("/Marked").isBool() && mark.getKey("/Marked").getBoolValue();
        bool tree = root.getKey("/StructTreeRoot").isDictionary();
        if (!marked || !tree)
            add(Level::fail, 0, "tagged",
                std::string("not a tagged PDF (") + (!tree ? "no structure tree" : "/MarkInfo /Marked is not true") +
                    "): screen readers cannot follow it");
        Handle lang = root.getKey("/Lang");
        if (!lang.isString() || lang.getUTF8Value().empty())
            add(Level::fail, 0, "lang", "no document language (/Lang in the catalog)");
        else
            add(Level::info, 0, "lang", "language " + lang.getUTF8Value());
    }

    // ------------------------------------------------------------ pages

    void page(QPDFPageObjectHelper& p, int n) {
        const bool press = r_.options.profile == PreflightProfile::press;
        Handle dict = p.getObjectHandle();
        std::optional<PdfBox> media;
        try {
            media = box_of(p.getAttribute("/MediaBox", false));
        } catch (const std::exception&) {
        }
        if (!media || media->width() < 3 || media->height() < 3 || media->width() > 14400 || media->height() > 14400) {
            add(Level::fail, n, "page-size",
                media ? "MediaBox " + media->text() + " is outside 3 to 14400 pt a side" : std::string("no valid MediaBox"));
            if (!media) return;
        }
        PdfBox reference = *media;
        if (press) {
            std::optional<PdfBox> trim = box_of(dict.getKey("/TrimBox"));
            std::optional<PdfBox> bleed = box_of(dict.getKey("/BleedBox"));
            if (!dict.getKey("/TrimBox").isNull() && !trim) add(Level::fail, n, "boxes", "the TrimBox is not a rectangle");
            else if (!trim) add(Level::fail, n, "boxes", "no TrimBox: the printer cannot know where the page is cut");
            if (!dict.getKey("/BleedBox").isNull() && !bleed) add(Level::fail, n, "boxes", "the BleedBox is not a rectangle");
            else if (!bleed) add(Level::fail, n, "boxes", "no BleedBox: the printer cannot know how far the art bleeds");
            if (trim && bleed && !trim->inside(*bleed))
                add(Level::fail, n, "boxes", "TrimBox " + trim->text() + " is not inside BleedBox " + bleed->text());
            if (bleed && !bleed->inside(*media))
                add(Level::fail, n, "boxes", "BleedBox " + bleed->text() + " is not inside MediaBox " + media->text());
            else if (trim && !bleed && !trim->inside(*media))
                add(Level::fail, n, "boxes", "TrimBox " + trim->text() + " is not inside MediaBox " + media->text());
            if (trim) reference = *trim;
            if (trim && bleed) {
                double b = std::min({trim->llx - bleed->llx, trim->lly - bleed->lly, bleed->urx - trim->urx,
                                     bleed->ury - trim->ury});
                add(Level::info, n, "boxes",
                    "trim " + mm(trim->width()) + " x " + mm(trim->height()) + " mm, bleed " +
                        fmt("%.1f", std::max(0.0, b) * 25.4 / 72) + " mm, media " + mm(media->width()) + " x " +
                        mm(media->height()) + " mm");
            }
            trims_.push_back(trim ? *trim : *media);
            Handle group = dict.getKey("/Group");
            if (group.isDictionary() && group.getKey("/S").isNameAndEquals("/Transparency"))
                add(Level::fail, n, "transparency",
                    "the page is a transparency group (/Group /S /Transparency): PDF/X-3 has no transparency");
        } else {
            add(Level::info, n, "page-size", mm(media->width()) + " x " + mm(media->height()) + " mm");
        }

        detail::PageScan scan = detail::scan_page(p, reference);
        for (const std::string& problem : scan.problems) add(Level::fail, n, "file", problem);
        for (const auto& [font, type] : scan.fonts_not_embedded)
            add(Level::fail, n, "fonts", "font '" + font + "' (" + type + ") is not embedded");
        for (const std::string& u : scan.unchecked) unchecked_.insert(u);
        if (!press) return;

        for (const auto& [what, count] : scan.rgb)
            add(Level::fail, n, "colour",
                "RGB: " + what + (count > 1 ? " (" + std::to_string(count) + " times)" : std::string()));
        for (const auto& [colour, count] : scan.rich_black_text)
            add(Level::fail, n, "black-text",
                std::to_string(count) + " text run" + (count == 1 ? "" : "s") + " in four-colour black " + colour +
                    ", not K only: small type misregisters");
        if (scan.k_black_text_knockout > 0)
            add(Level::warn, n, "black-text",
                std::to_string(scan.k_black_text_knockout) + " of " + std::to_string(scan.k_black_text) +
                    " K-only black text runs knock out instead of overprinting");
        for (const std::string& t : scan.transparency)
            add(Level::fail, n, "transparency", t + ": PDF/X-3 has no transparency");

        bool whole_page_image = false;
        for (const detail::ImagePlacement& img : scan.images) {
            if (img.coverage >= kRasterCoverage) whole_page_image = true;
            if (img.one_bit || img.dpi <= 0 || img.width_pt < 1 || img.height_pt < 1) continue;
            if (img.dpi + 0.5 < r_.options.min_dpi)
                add(Level::warn, n, "resolution",
                    "image " + img.name + " is " + fmt("%.0f", img.dpi) + " dpi at its placed size (" +
                        std::to_string(img.width_px) + " x " + std::to_string(img.height_px) + " px over " +
                        mm(img.width_pt) + " x " + mm(img.height_pt) + " mm); the press wants " +
                        fmt("%.0f", r_.options.min_dpi) + " dpi or more");
        }
        if (!scan.images.empty()) {
            double lo = 0, hi = 0;
            for (const auto& img : scan.images)
                if (!img.one_bit && img.dpi > 0) {
                    lo = lo == 0 ? img.dpi : std::min(lo, img.dpi);
                    hi = std::max(hi, img.dpi);
                }
            if (lo > 0)
                add(Level::info, n, "resolution",
                    std::to_string(scan.images.size()) + " image placement" + (scan.images.size() == 1 ? "" : "s") +
                        ", " + fmt("%.0f", lo) + (hi > lo + 0.5 ? " to " + fmt("%.0f", hi) : std::string()) + " dpi");
        }
        if (whole_page_image && scan.text_shows == 0)
            add(Level::fail, n, "raster",
                "the page is one image over " + fmt("%.0f", kRasterCoverage * 100) +
                    "% or more of it and has no text: it was rasterised, so type and rules print soft");
    }

    // ------------------------------------------------------------ ink

    void ink() {
        const PreflightOptions& o = r_.options;
        auto gs = find_program(o.ghostscript);
        if (!gs) {
            r_.tools_missing.push_back(std::string("gs (Debian package ") + kGhostscriptPackage + "): ink not measured");
            return;
        }
        std::string error;
        auto dir = PrivateDir::create(o.temp_parent, error);
        std::error_code ec;
        if (!dir || !std::filesystem::copy_file(r_.file, dir->path() / "in.pdf", ec)) {
            add(Level::fail, 0, "ink", "cannot copy the file into a private folder for Ghostscript: " +
                                           (dir ? ec.message() : error));
            return;
        }
        std::string d = dir->path().string() + "/";
        std::vector<std::string> base{"-dSAFER", "-dBATCH", "-dNOPAUSE", "-dQUIET", "--permit-file-read=" + d};

        // inkcov: per page, the share of the page each ink touches.
        std::vector<std::string> args = base;
        args.insert(args.end(), {"-sDEVICE=inkcov", "-r72", "-o", "-", d + "in.pdf"});
        ProcessResult run = run_process(*gs, args, dir->path(), o.timeout_seconds);
        std::vector<InkCoverage> cover;
        if (run.succeeded()) cover = parse_inkcov(run.out);
        if (!run.succeeded() || cover.size() != static_cast<std::size_t>(r_.pages)) {
            add(Level::fail, 0, "ink",
                "Ghostscript could not render the file to measure ink (" +
                    (run.succeeded() ? std::to_string(cover.size()) + " of " + std::to_string(r_.pages) + " pages measured"
                                     : run.describe()) +
                    ")");
            return;
        }

        // The maximum: a CMYK raster of each page's TrimBox.
        std::vector<TacResult> tac;
        for (int first = 1; first <= r_.pages; first += kTacBatch) {
            int last = std::min(r_.pages, first + kTacBatch - 1);
            std::vector<std::string> a = base;
            a.insert(a.end(), {"-sDEVICE=pamcmyk32", "-r" + fmt("%.0f", o.tac_dpi), "-dUseTrimBox",
                               "-dFirstPage=" + std::to_string(first), "-dLastPage=" + std::to_string(last),
                               "-o", d + "tac-%05d.pam", d + "in.pdf"});
            ProcessResult r = run_process(*gs, a, dir->path(), o.timeout_seconds);
            if (!r.succeeded()) {
                add(Level::fail, 0, "ink", "Ghostscript could not render pages " + std::to_string(first) + " to " +
                                               std::to_string(last) + " for total ink: " + r.describe());
                return;
            }
            for (int p = 1; p <= last - first + 1; ++p) {
                char name[32];
                std::snprintf(name, sizeof name, "tac-%05d.pam", p);
                std::filesystem::path file = dir->path() / name;
                auto pam = read_whole_file(file, 1ull << 32);
                std::filesystem::remove(file, ec);
                std::vector<TacResult> one = pam ? tac_from_pam(*pam, o.ink_limit) : std::vector<TacResult>{};
                tac.push_back(one.empty() ? TacResult{-1, 0, 0, 0} : one.front());
            }
        }
        for (int i = 0; i < r_.pages; ++i) {
            const InkCoverage& c = cover[static_cast<std::size_t>(i)];
            const TacResult& t = tac[static_cast<std::size_t>(i)];
            std::string shares = "inks touch C " + fmt("%.0f", c.c * 100) + "% M " + fmt("%.0f", c.m * 100) + "% Y " +
                                 fmt("%.0f", c.y * 100) + "% K " + fmt("%.0f", c.k * 100) + "% of the page (inkcov)";
            if (t.max_percent < 0) {
                add(Level::fail, i + 1, "ink", "the total-ink raster could not be read; " + shares);
                continue;
            }
            std::string measured = "total ink up to " + fmt("%.0f", t.max_percent) + "% at " + fmt("%.0f", o.tac_dpi) +
                                   " dpi; " + shares;
            if (t.max_percent > o.ink_limit + kTacTolerance)
                add(Level::fail, i + 1, "ink",
                    "total ink reaches " + fmt("%.0f", t.max_percent) + "%, over the " + ink_limit_text(o.ink_limit) +
                        " limit on " + fmt(t.share_above < 0.001 ? "%.2f" : "%.1f", t.share_above * 100) +
                        "% of the trimmed page; " + shares);
            else
                add(Level::info, i + 1, "ink", measured);
        }
    }

    // ------------------------------------------------------------ lists

    void list_checks() {
        const PreflightOptions& o = r_.options;
        auto& c = r_.checked;
        auto& nc = r_.not_checked;
        if (o.profile == PreflightProfile::press) {
            c = {"fonts: every font selected in the content is embedded (Type 3 fonts count as embedded)",
                 "boxes: TrimBox and BleedBox in every page dictionary (not inherited, not made up from the CropBox), "
                 "TrimBox inside BleedBox inside MediaBox",
                 "colour: no RGB - DeviceRGB, CalRGB, ICC profiles with 3 components, and Indexed, Separation and "
                 "DeviceN spaces built on them - in colour operators, images, inline images and shadings, also inside "
                 "forms and tiling patterns",
                 "black text: text that is dark and neutral (K from 60%, or C, M and Y each from 60% and within 20 "
                 "points of each other) must be K only; K-only black that knocks out is a warning",
                 "PDF/X: an output intent /GTS_PDFX (CMYK), /GTS_PDFXVersion, /Trapped, /ID",
                 "transparency: soft masks, constant alpha below 100%, blend modes, transparency groups, images "
                 "with /SMask",
                 "rasterised pages: one image over 90% of the page and no text",
                 "resolution: every colour and grey image at its placed size (from the CTM at Do), a warning below " +
                     fmt("%.0f", o.min_dpi) + " dpi",
                 "ink: Ghostscript's inkcov device per page (the share of the page each ink touches - an area "
                 "count, not an amount, so not compared with the limit) and the highest total of C+M+Y+K on a " +
                     fmt("%.0f", o.tac_dpi) + " dpi CMYK raster of the TrimBox, which must stay within " +
                     ink_limit_text(o.ink_limit)};
            if (!o.check_ink || !r_.tools_missing.empty()) {
                c.pop_back();
                nc.push_back(!o.check_ink ? "ink: not measured (--no-ink)" : "ink: not measured (no Ghostscript)");
            }
            std::vector<std::string> more = {"total ink in areas smaller than a " + fmt("%.0f", o.tac_dpi) +
                      " dpi pixel (about " + fmt("%.2f", 25.4 / o.tac_dpi) + " mm), and ink outside the TrimBox",
                  "whether the output intent is the printer's own condition (compare its name with their spec)",
                  "spot colour names, overprint of anything but black text, white that overprints",
                  "hairlines and minimum type sizes, rich black in large areas, trapping",
                  "annotations and form fields (they may not print), optional content (layers)",
                  "1-bit line-art images are not held to the contone resolution",
                  "PDF syntax beyond what libqpdf reads (run 'qpdf --check'), and the quality of image compression"};
            nc.insert(nc.end(), more.begin(), more.end());
        } else {
            c = {"fonts: every font selected in the content is embedded",
                 "tagged: /MarkInfo /Marked true and a structure tree", "lang: /Lang in the catalog",
                 "page sizes: a valid MediaBox of 3 to 14400 pt a side on every page"};
            nc = {"the quality of the tags (reading order, alt text, headings): use a PDF/UA checker such as veraPDF",
                  "colour, resolution and ink (use --profile press for print)", "link targets and bookmarks"};
        }
        for (const std::string& u : unchecked_) nc.push_back("seen in this file and not judged: " + u);
    }

    PreflightReport& r_;
    std::string pdfx_version_;
    std::string output_condition_;
    std::vector<PdfBox> trims_;
    std::set<std::string> unchecked_;
};

}  // namespace

int PreflightReport::count(Level level) const {
    return static_cast<int>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.level == level; }));
}

const char* level_name(Level level) {
    switch (level) {
        case Level::fail: return "FAIL";
        case Level::warn: return "warn";
        case Level::info: return "info";
    }
    return "";
}

const char* profile_name(PreflightProfile profile) { return profile == PreflightProfile::press ? "press" : "screen"; }

PreflightReport preflight_pdf(const std::filesystem::path& file, const PreflightOptions& options) {
    PreflightReport report;
    report.file = file;
    report.profile = options.profile;
    report.options = options;
    try {
        Checker(report).run();
    } catch (const std::exception& e) {
        report.findings.push_back({Level::fail, 0, "file", std::string("preflight stopped: ") + e.what()});
    }
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.page < b.page; });
    return report;
}

int preflight_exit_status(const PreflightReport& report, bool strict) {
    if (!report.passed() || (strict && report.count(Level::warn) > 0)) return 1;
    if (!report.tools_missing.empty()) return 4;
    return 0;
}

}  // namespace galley::press

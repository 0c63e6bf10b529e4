#include "press/press.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/output_file.h"
#include "press/flatten.h"
#include "press/ghostscript.h"
#include "press/icc_profile.h"
#include "press/ink_limit.h"
#include "press/pdf_passes.h"
#include "press/press_draw.h"
#include "press/process.h"
#include "render/pdf_date.h"

namespace galley::press {
namespace {

constexpr double kMinPageSide = 3;
constexpr double kMaxPageSide = 14400;
constexpr std::uintmax_t kMaxGhostscriptOutput = 4ull * 1024 * 1024 * 1024;

struct ChosenProfile {
    IccProfile profile;
    std::string condition;  ///< named in the output intent and the slug
};

std::optional<ChosenProfile> choose_profile(const layout::Layout& layout, const PressOptions& options,
                                            Diagnostics& diags) {
    std::filesystem::path file;
    std::string source;
    bool is_default = false;
    if (options.profile) {
        file = *options.profile;
        source = "--profile";
    } else if (!layout.press.colour_profile.empty()) {
        file = layout.press.colour_profile;
        source = "press.colour-profile";
    } else if (auto found = ghostscript_default_cmyk()) {
        file = *found;
        is_default = true;
    } else {
        diags.error("E-PRESS-PROFILE", {},
                    "no output profile: give one with --profile or press.colour-profile (Ghostscript's "
                    "default_cmyk.icc was not found under /usr/share/ghostscript; it comes with the Debian package "
                    "ghostscript)");
        return std::nullopt;
    }
    std::string error;
    auto profile = read_icc_profile(file, error);
    if (!profile) {
        diags.error("E-PRESS-PROFILE", {file.string(), 0, 0}, "the output profile (" +
                                                                  (source.empty() ? "default" : source) + ") " + error);
        return std::nullopt;
    }
    if (profile->colour_space != "CMYK") {
        diags.error("E-PRESS-PROFILE", {file.string(), 0, 0},
                    "the output profile is for '" + profile->colour_space +
                        "', not CMYK: ask the printer for their CMYK output profile");
        return std::nullopt;
    }
    if (!profile->converts_into()) {
        diags.error("E-PRESS-PROFILE", {file.string(), 0, 0},
                    "the output profile has no table that converts colours into its CMYK (no B2A0 tag): it "
                    "describes a device's colours but cannot separate into them");
        return std::nullopt;
    }
    if (profile->device_class != "prtr")
        diags.warning("W-PRESS-PROFILE", {file.string(), 0, 0},
                      "the CMYK profile is a '" + profile->device_class +
                          "' profile, not an output ('prtr') profile; is it the printer's?");
    ChosenProfile chosen{std::move(*profile), ""};
    if (is_default)
        chosen.condition = "default_cmyk.icc (Ghostscript's generic CMYK profile)";
    else if (!chosen.profile.description.empty())
        chosen.condition = chosen.profile.description;
    else
        chosen.condition = file.filename().string();
    return chosen;
}

bool check_sizes(const page::Document& document, const std::vector<PressPage>& pages, Diagnostics& diags) {
    if (document.pages.empty()) {
        diags.error("E-PRESS-NO-PAGES", {}, "the document has no pages");
        return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const PressPage& g = pages[i];
        for (double side : {g.trim_width, g.trim_height, g.media_width, g.media_height})
            if (!(std::isfinite(side) && side >= kMinPageSide && side <= kMaxPageSide)) {
                char buf[160];
                std::snprintf(buf, sizeof buf, "press page %zu is %.2f x %.2f pt (trim %.2f x %.2f); a PDF page is 3 to 14400 pt",
                              i + 1, g.media_width, g.media_height, g.trim_width, g.trim_height);
                diags.error("E-PRESS-PAGE-SIZE", {}, buf);
                ok = false;
                break;
            }
    }
    return ok;
}

std::string issue_date_text(std::int64_t t) {
    std::string iso = render::iso_utc(t);
    return iso.substr(0, 10);
}

}  // namespace

void check_layout_profile(const layout::Layout& layout, Diagnostics& diags) {
    if (layout.press.colour_profile.empty()) return;
    (void)choose_profile(layout, PressOptions{}, diags);
}

std::string press_file_name(const std::string& stem) { return stem + ".press.pdf"; }

std::string press_page_file_name(const std::string& stem, std::size_t index) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ".press-p%03zu.pdf", index + 1);
    return stem + buf;
}

PressResult render_press(const page::Document& document, const layout::Layout& layout, const PressOptions& options,
                         const std::string& stem, Diagnostics& diags) {
    PressResult result;
    result.status = PressStatus::failed;

    // Ghostscript first: without it there is no press PDF at all.
    std::optional<std::filesystem::path> gs = find_program(options.ghostscript);
    if (!gs) {
        diags.error("E-PRESS-NO-GHOSTSCRIPT", {},
                    "Ghostscript ('" + options.ghostscript +
                        "') is not installed, and the press PDF needs it: install the Debian package " +
                        kGhostscriptPackage + " (apt-get install " + kGhostscriptPackage + "); no press PDF written");
        result.status = PressStatus::tool_missing;
        return result;
    }
    auto profile = choose_profile(layout, options, diags);
    if (!profile) return result;
    result.profile_name = profile->condition;

    const MarkRequest marks = mark_request(layout.press);
    // The binding edge composition decided for this issue.
    layout::PageGeometry sheet = layout.page;
    sheet.binding = document.meta.bound_right ? layout::BindingEdge::right : layout::BindingEdge::left;
    std::vector<PressPage> geometry;
    for (std::size_t i = 0; i < document.pages.size(); ++i) {
        const page::Page& p = document.pages[i];
        geometry.push_back(press_page(p.width, p.height, page_bleed(sheet, static_cast<int>(i)), marks));
    }
    if (!check_sizes(document, geometry, diags)) return result;

    std::optional<std::int64_t> date = options.date;
    if (!date && !document.meta.date.empty()) date = render::parse_iso_date(document.meta.date);
    if (!date) {
        diags.warning("W-PRESS-DATE", {}, "no SOURCE_DATE_EPOCH and no issue date: the press PDF is dated 1970-01-01");
        date = 0;
    }

    std::string error;
    auto dir = PrivateDir::create(options.temp_parent, error);
    if (!dir) {
        diags.error("E-PRESS-TEMP", {}, error);
        return result;
    }

    FlattenStats flat;
    auto flattened = flatten_transparency(document, dir->path(), diags, &flat);
    if (!flattened) return result;
    result.images_flattened = flat.images_flattened;
    for (std::size_t i = 0; i < flattened->pages.size(); ++i)
        flattened->pages[i] = extend_bleed(flattened->pages[i], geometry[i].bleed);

    SlugText slug{options.job.empty() ? stem : options.job, issue_date_text(*date), profile->condition};
    auto drawn = draw_press_pages(*flattened, geometry, marks, slug, diags);
    if (!drawn) return result;
    PrepareStats prep;
    auto prepared = prepare_for_ghostscript(*drawn, geometry, layout.press.black_overprint, diags, &prep);
    if (!prepared) return result;
    result.black_operators = prep.black_fills + prep.black_strokes;
    result.grey_operators = prep.greys;

    const std::filesystem::path profile_copy = dir->path() / "output.icc";
    if (!dir->write("in.pdf", *prepared) || !dir->write("output.icc", profile->profile.bytes) ||
        !dir->write("PDFX_def.ps", pdfx_def(profile_copy, 4, profile->condition))) {
        diags.error("E-PRESS-TEMP", {}, "cannot write Ghostscript's input into " + dir->path().string());
        return result;
    }
    // Ghostscript takes about 1.3 s a page of the sample here: a long issue
    // gets longer than the floor, never a limit it cannot meet.
    const int pages = static_cast<int>(document.pages.size());
    const int limit = std::max(options.timeout_seconds, kGhostscriptSecondsPerPage * pages);
    ProcessResult run = run_process(*gs, pdfwrite_args(dir->path(), profile_copy), dir->path(), limit);
    std::optional<std::string> gs_pdf;
    if (run.succeeded()) gs_pdf = read_whole_file(dir->path() / "out.pdf", kMaxGhostscriptOutput);
    if (!run.succeeded() || !gs_pdf || gs_pdf->empty()) {
        diags.error("E-PRESS-GHOSTSCRIPT", {},
                    "Ghostscript (" + gs->string() + ") could not make the PDF/X: " +
                        (run.succeeded() ? std::string("it wrote no PDF") : run.describe()) + "; no press PDF written");
        result.status = PressStatus::tool_failed;
        return result;
    }

    if (options.limit_ink) {
        InkLimitStats ink;
        auto limited = limit_ink(*gs_pdf, layout.press.ink_limit, diags, &ink);
        if (!limited) return result;
        gs_pdf = std::move(limited);
        result.ink_limited = ink.colours + ink.images + ink.palettes;
        if (result.ink_limited > 0) {
            auto count = [](int n, const char* one, const char* many) {
                return std::to_string(n) + " " + (n == 1 ? one : many);
            };
            diags.note("N-PRESS-INK", {},
                       count(ink.colours, "colour", "colours") + ", " + count(ink.images, "image", "images") + " and " +
                           count(ink.palettes, "palette", "palettes") + " went over the " +
                           ink_limit_text(layout.press.ink_limit) +
                           " ink limit through \"" + profile->condition +
                           "\" and were taken down to it (C, M and Y reduced, K kept)");
        }
        if (ink.shadings > 0)
            diags.warning("W-PRESS-INK", {}, std::to_string(ink.shadings) +
                                                 " CMYK gradients (shadings) are not held to the ink limit");
    }

    FinishSpec spec;
    spec.pages = geometry;
    spec.marks = marks;
    spec.date = *date;
    spec.title = document.meta.title;
    spec.author = document.meta.author;
    spec.subject = document.meta.subject;
    spec.creator = document.meta.creator;
    spec.seed = *prepared + profile->profile.bytes;
    std::vector<PressFile> files;
    if (options.whole) {
        auto whole = finish_press_pdf(*gs_pdf, spec, std::nullopt, diags);
        if (!whole) return result;
        files.push_back({press_file_name(stem), std::move(*whole)});
    }
    if (options.pages)
        for (std::size_t i = 0; i < geometry.size(); ++i) {
            auto one = finish_press_pdf(*gs_pdf, spec, static_cast<int>(i), diags);
            if (!one) return result;
            files.push_back({press_page_file_name(stem, i), std::move(*one)});
        }
    result.files = std::move(files);
    result.status = PressStatus::ok;
    return result;
}

PressStatus write_press(const page::Document& document, const layout::Layout& layout, const PressOptions& options,
                        const std::filesystem::path& out_dir, const std::string& stem, Diagnostics& diags,
                        std::vector<std::filesystem::path>* written) {
    PressResult result = render_press(document, layout, options, stem, diags);
    if (result.status != PressStatus::ok) return result.status;
    OutputSet set;
    for (const PressFile& f : result.files)
        if (!set.add(out_dir / f.name, f.bytes, diags)) break;
    if (!set.commit(diags)) return PressStatus::failed;
    if (written)
        for (const PressFile& f : result.files) written->push_back(out_dir / f.name);
    return PressStatus::ok;
}

}  // namespace galley::press

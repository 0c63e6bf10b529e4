#include "press/ghostscript.h"

#include <cstdio>
#include <sstream>

namespace galley::press {

std::string ps_string(const std::string& s) {
    std::string out = "(";
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (c == '\\' || c == '(' || c == ')') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u >= 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\%03o", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + ")";
}

std::string pdfx_def(const std::filesystem::path& profile_path, int components, const std::string& condition) {
    std::string c = ps_string(condition);
    std::string ps;
    ps += "%!PS\n";
    ps += "% PDF/X-3 definitions for galley's press PDF, generated for this run.\n";
    ps += "/ICCProfile " + ps_string(profile_path.string()) + " def\n";
    ps += "[ /GTS_PDFXVersion (PDF/X-3:2002) /Trapped /False /DOCINFO pdfmark\n";
    ps += "[ /_objdef {icc_PDFX} /type /stream /OBJ pdfmark\n";
    ps += "[ {icc_PDFX} << /N " + std::to_string(components) + " >> /PUT pdfmark\n";
    ps += "[ {icc_PDFX} ICCProfile (r) file /PUT pdfmark\n";
    ps += "[ /_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark\n";
    ps += "[ {OutputIntent_PDFX} <<\n";
    ps += "  /Type /OutputIntent\n";
    ps += "  /S /GTS_PDFX\n";
    ps += "  /OutputCondition " + c + "\n";
    ps += "  /OutputConditionIdentifier (Custom)\n";
    ps += "  /RegistryName (http://www.color.org)\n";
    ps += "  /Info " + c + "\n";
    ps += "  /DestOutputProfile {icc_PDFX}\n";
    ps += ">> /PUT pdfmark\n";
    ps += "[ {Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark\n";
    return ps;
}

std::vector<std::string> pdfwrite_args(const std::filesystem::path& dir, const std::filesystem::path& profile) {
    std::string dir_slash = dir.string();
    if (dir_slash.empty() || dir_slash.back() != '/') dir_slash += '/';
    return {
        "-dSAFER",
        "-dBATCH",
        "-dNOPAUSE",
        "-dQUIET",
        "--permit-file-read=" + dir_slash,
        "-sDEVICE=pdfwrite",
        "-dPDFX",
        "-dCompatibilityLevel=1.4",
        "-sColorConversionStrategy=CMYK",
        "-sProcessColorModel=DeviceCMYK",
        "-sOutputICCProfile=" + profile.string(),
        // DeviceCMYK in the input (the K-only black, the marks) is already
        // in the output space: no CMYK -> CMYK conversion to turn K into CMYK.
        "-sDefaultCMYKProfile=" + profile.string(),
        "-dAutoRotatePages=/None",
        "-dEmbedAllFonts=true",
        "-dSubsetFonts=true",
        "-dPreserveOverprintSettings=true",
        // Every image an XObject (the ink limit pass reads those).
        "-dMaxInlineImageSize=0",
        "-sOutputFile=" + (dir / "out.pdf").string(),
        (dir / "PDFX_def.ps").string(),
        (dir / "in.pdf").string(),
    };
}

std::vector<InkCoverage> parse_inkcov(const std::string& output) {
    std::vector<InkCoverage> pages;
    std::istringstream lines(output);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.find("CMYK") == std::string::npos) continue;
        InkCoverage ink;
        std::istringstream in(line);
        in.imbue(std::locale::classic());
        if (in >> ink.c >> ink.m >> ink.y >> ink.k) pages.push_back(ink);
    }
    return pages;
}

std::vector<TacResult> tac_from_pam(const std::string& pam, double limit_percent) {
    std::vector<TacResult> out;
    std::size_t at = 0;
    while (at + 3 <= pam.size() && pam.compare(at, 3, "P7\n") == 0) {
        std::size_t end = pam.find("ENDHDR\n", at);
        if (end == std::string::npos) break;
        std::istringstream header(pam.substr(at + 3, end - at - 3));
        std::string key, tupltype;
        long width = 0, height = 0, depth = 0, maxval = 0;
        while (header >> key) {
            if (key == "WIDTH") header >> width;
            else if (key == "HEIGHT") header >> height;
            else if (key == "DEPTH") header >> depth;
            else if (key == "MAXVAL") header >> maxval;
            else if (key == "TUPLTYPE") header >> tupltype;
            else header.ignore(4096, '\n');
        }
        std::size_t data = end + 7;
        if (width <= 0 || height <= 0 || depth != 4 || maxval != 255) break;
        std::size_t bytes = static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
        if (pam.size() - data < bytes) break;
        TacResult r;
        r.width = static_cast<int>(width);
        r.height = static_cast<int>(height);
        const auto* p = reinterpret_cast<const unsigned char*>(pam.data() + data);
        unsigned max_sum = 0;
        std::size_t above = 0;
        const unsigned limit = static_cast<unsigned>(limit_percent * 255.0 / 100.0 + 0.5);
        for (std::size_t i = 0; i < bytes; i += 4) {
            unsigned sum = unsigned(p[i]) + p[i + 1] + p[i + 2] + p[i + 3];
            if (sum > max_sum) max_sum = sum;
            if (sum > limit) ++above;
        }
        r.max_percent = max_sum * 100.0 / 255.0;
        r.share_above = static_cast<double>(above) / (static_cast<double>(bytes) / 4);
        out.push_back(r);
        at = data + bytes;
    }
    return out;
}

}  // namespace galley::press

#include "render/pdf_artifacts.h"

#include <cstddef>
#include <vector>

namespace galley::render {
namespace {

bool white(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }

bool delimiter(char c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
           c == '%';
}

bool regular(char c) { return !white(c) && !delimiter(c); }

/// Operators that paint, or begin something that paints: a text-show
/// operator, an XObject, a shading, an inline image.
bool paints(std::string_view op) {
    return op == "Tj" || op == "TJ" || op == "'" || op == "\"" || op == "Do" || op == "sh" || op == "BI";
}

/// Operators that begin a path, and that end one (painting it, or not: n).
bool path_start(std::string_view op) { return op == "m" || op == "re"; }

bool path_end(std::string_view op) {
    return op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" ||
           op == "b*" || op == "n";
}

class Marker {
public:
    explicit Marker(std::string_view in) : in_(in) {}

    std::optional<std::string> run() {
        std::size_t i = 0;
        const std::size_t n = in_.size();
        std::size_t operands = 0;  // where the current operator's operands begin
        while (i < n) {
            const char c = in_[i];
            if (white(c)) {
                ++i;
            } else if (c == '%') {
                while (i < n && in_[i] != '\n' && in_[i] != '\r') ++i;
            } else if (c == '(') {
                i = past_string(i);
            } else if (c == '<') {
                if (i + 1 < n && in_[i + 1] == '<') {
                    i += 2;
                } else {
                    while (i < n && in_[i] != '>') ++i;
                    if (i < n) ++i;
                }
            } else if (c == '/') {
                ++i;
                while (i < n && regular(in_[i])) ++i;
            } else if (!regular(c)) {
                ++i;  // > ] [ { } and a stray )
            } else {
                const std::size_t begin = i;
                while (i < n && regular(in_[i])) ++i;
                const std::string_view word = in_.substr(begin, i - begin);
                if (operand(word)) continue;
                on_operator(word, operands, begin);
                if (word == "ID") i = past_inline_image(i);
                operands = i;
            }
        }
        if (open_) insert(n, "\nEMC\n");
        if (!changed_) return std::nullopt;
        out_.append(in_.substr(copied_));
        return std::move(out_);
    }

private:
    static bool operand(std::string_view word) {
        const char c = word.front();
        return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || word == "true" || word == "false" ||
               word == "null";
    }

    /// Past a literal string that opens at `i`: balanced parentheses,
    /// backslash escapes.
    std::size_t past_string(std::size_t i) const {
        int depth = 0;
        for (; i < in_.size(); ++i) {
            if (in_[i] == '\\') {
                ++i;
            } else if (in_[i] == '(') {
                ++depth;
            } else if (in_[i] == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return i;
    }

    /// Past an inline image's data, which begins one white byte after ID:
    /// to the EI that stands between white space and white space (or a
    /// delimiter, or the end).
    std::size_t past_inline_image(std::size_t i) const {
        const std::size_t n = in_.size();
        for (std::size_t j = i + 1; j + 1 < n; ++j) {
            if (in_[j] == 'E' && in_[j + 1] == 'I' && white(in_[j - 1]) && (j + 2 == n || !regular(in_[j + 2])))
                return j;
        }
        return n;
    }

    void on_operator(std::string_view op, std::size_t operands, std::size_t at) {
        if (op == "BDC" || op == "BMC") {
            const std::string_view args = in_.substr(operands, at - operands);
            const bool element = args.find("/Artifact") != std::string_view::npos ||
                                 (op == "BDC" && args.find("/MCID") != std::string_view::npos);
            // A sequence of another kind (cairo's /Span with /ActualText,
            // optional content) is passed through: a run is opened inside
            // it, or around it when already open, so runs always nest.
            if (element && open_) close(operands);
            stack_.push_back(element);
            covered_ += element;
            return;
        }
        if (op == "EMC") {
            if (open_ && stack_.size() == open_level_) close(operands);
            if (!stack_.empty()) {
                covered_ -= stack_.back();
                stack_.pop_back();
            }
            return;
        }
        if (op == "BT" || op == "ET") {
            if (open_) close(operands);
            return;
        }
        if (path_start(op) && !in_path_) {
            in_path_ = true;
            path_from_ = operands;
        } else if (path_end(op) && in_path_) {
            // A path that only clips (ends in n) paints nothing.
            in_path_ = false;
            if (op != "n" && covered_ == 0 && !open_) open(path_from_);
        } else if (paints(op) && covered_ == 0 && !open_) {
            open(operands);
        }
    }

    void open(std::size_t at) {
        insert(at, "\n/Artifact BMC\n");
        open_ = true;
        open_level_ = stack_.size();
    }

    void close(std::size_t at) {
        insert(at, "\nEMC\n");
        open_ = false;
    }

    void insert(std::size_t at, std::string_view text) {
        if (at < copied_) at = copied_;  // a malformed stream (a sequence inside a path)
        if (!changed_) out_.reserve(in_.size() + in_.size() / 16);
        out_.append(in_.substr(copied_, at - copied_));
        out_.append(text);
        copied_ = at;
        changed_ = true;
    }

    std::string_view in_;
    std::string out_;
    std::size_t copied_ = 0;
    bool changed_ = false;
    std::vector<bool> stack_;  // open marked-content sequences: whether each covers (an element's, an artifact)
    int covered_ = 0;          // how many of them cover
    bool open_ = false;        // an /Artifact sequence of ours is open
    std::size_t open_level_ = 0;
    bool in_path_ = false;     // between a path's first segment and its painting
    std::size_t path_from_ = 0;  // where that path's first operands begin
};

}  // namespace

std::optional<std::string> mark_artifacts(std::string_view content) { return Marker(content).run(); }

}  // namespace galley::render

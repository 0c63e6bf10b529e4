// Diagnostics as data: what went wrong, where, and how badly. Library code
// collects them in a Diagnostics list; only the CLI prints them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace galley {

enum class Severity { note, warning, error };

/// Where in an input file something was found. line and column count from 1;
/// 0 means "not known" (libxml2's schema errors, for instance, have no column).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    bool operator==(const SourceLocation&) const = default;
};

/// One finding. `code` is stable (for example "E-XML-MALFORMED"); scripts and
/// tests rely on it, so a code is never reused for another meaning.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;
    SourceLocation where;
    std::string message;
    bool operator==(const Diagnostic&) const = default;
};

/// An ordered collection of diagnostics, appended to by every stage.
class Diagnostics {
public:
    void add(Diagnostic d);
    void error(std::string code, SourceLocation where, std::string message);
    void warning(std::string code, SourceLocation where, std::string message);
    void note(std::string code, SourceLocation where, std::string message);
    void append(const Diagnostics& other);
    /// Takes back the last diagnostic equal to `d` (one reported for a
    /// result that was then redone); false when there is none.
    bool retract(const Diagnostic& d);
    /// Takes back everything reported after the first `count` (what a
    /// trial layout that was then not used reported).
    void retract_after(std::size_t count);

    const std::vector<Diagnostic>& all() const { return items_; }
    bool empty() const { return items_.empty(); }
    bool has_errors() const { return count(Severity::error) > 0; }
    std::size_t count(Severity s) const;
    /// Whether a diagnostic with this code was reported (tests, --strict).
    bool contains(const std::string& code) const;

    /// Stable order for printing: by file, then line, then column; ties keep
    /// the order in which they were reported.
    void sort_by_location();
    /// Drops a diagnostic equal to an earlier one (a paragraph set at more
    /// than one width reports the same word twice); the order is kept.
    void drop_repeats();
    /// Drops each diagnostic with `code` at a location where `earlier`
    /// already has one with that code: the same finding, made by a check
    /// that ran before (W-GLYPH-MISSING: the issue-wide check, then the
    /// print setter). The order is kept.
    void drop_reported_in(const Diagnostics& earlier, const std::string& code);

private:
    std::vector<Diagnostic> items_;
};

const char* severity_name(Severity s);

}  // namespace galley

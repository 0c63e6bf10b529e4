// The reader's entry point: an issue folder (with or without issue.xml) or a
// single article file -> one model::Issue, validated and cross-checked.
//
//   input ─┬─ folder with issue.xml ── manifest ── articles it lists
//          ├─ folder without ───────── every *.xml whose root is <article>
//          └─ one article file ─────── a one-article issue
//   each article: resolve path ─ read (size cap) ─ parse (safe) ─ XSD ─ model
//   then: issue_checks (ids, refs) and the derived metadata.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/issue.h"
#include "read/limits.h"

namespace galley::read {

struct ReadOptions {
    ReadLimits limits;
    /// Threads to read article files on (at most one per file); the issue
    /// and the diagnostics are the same whatever their number.
    int threads = 1;
    /// Called once the manifest is read and valid, before any article is,
    /// with the issue as the manifest describes it (no articles, no images
    /// resolved yet): the caller can start loading its layout meanwhile.
    /// Not called for a folder without a manifest or a single file.
    std::function<void(const model::Issue&)> on_manifest;
};

struct IssueReadResult {
    /// Nothing when the issue as a whole cannot be read (its manifest is
    /// broken, the folder does not exist, no date can be derived...).
    std::optional<model::Issue> issue;
    /// Article files (relative to the issue folder) left out because of
    /// errors; the issue holds the others.
    std::vector<std::string> failed_articles;
};

/// Reads `input`. Every problem found is added to `diags`, located in files
/// named as `input` joined with the path inside the issue folder.
IssueReadResult read_issue(const std::filesystem::path& input, const ReadOptions& options, Diagnostics& diags);

/// The folder name made to fit the id pattern [a-z0-9][a-z0-9-]*
/// ("Post 13.06" -> "post-13-06"); "issue" when nothing is left.
std::string id_from_name(const std::string& name);

}  // namespace galley::read

// The one resolver for content paths: the images and article files an issue
// folder refers to. Content is untrusted, so a reference is resolved to a
// regular file inside the issue folder or refused with a stable code and a
// message. Configuration (layouts, fonts, patterns) is trusted and does not
// go through here.
//
// Rules, in the order they are checked:
//   - a reference is plain text: not empty, no control characters, no
//     percent-encoding (CMS paths are plain), not a URL, not absolute, not a
//     Windows path, '/' separates folders;
//   - it is resolved lexically against the referring file's folder; `..` is
//     fine as long as the result stays inside the issue folder;
//   - symbolic links are followed one component at a time (never opening
//     anything) and must stay inside the folder too;
//   - the result must exist and be a regular file (no directory, FIFO,
//     device or socket).
// read() then opens the file without following links and without blocking,
// re-checks it on the open descriptor and reads at most a size limit.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace galley {

/// A reference that resolved to a regular file inside the issue folder.
struct ResolvedPath {
    /// The real file: the canonical issue folder plus the path with every
    /// symbolic link resolved. Two references to one file share it.
    std::filesystem::path absolute;
    /// The reference as named, relative to the issue folder: '/' separated,
    /// no '.' or '..' components, symbolic links not resolved.
    std::string relative;
};

/// Why a reference or a file was refused. `code` is stable
/// (E-PATH-ESCAPES, ...); `message` is one short English sentence that
/// quotes the reference as written.
struct PathRefusal {
    std::string code;
    std::string message;
};

using PathResult = std::variant<ResolvedPath, PathRefusal>;
using ReadResult = std::variant<std::vector<std::uint8_t>, PathRefusal>;

/// An issue folder seen as the only place content may come from.
class ContentRoot {
public:
    /// `issue_dir` is canonicalised (symbolic links and `..` resolved). A
    /// folder that does not exist is kept as given; every resolve() then
    /// reports E-PATH-NOT-FOUND.
    explicit ContentRoot(std::filesystem::path issue_dir);

    /// The canonical issue folder.
    const std::filesystem::path& root() const { return root_; }

    /// Resolves `reference`, as written in a file that lives in
    /// `referring_file_dir` (absolute, or relative to the issue folder; empty
    /// means the issue folder itself). `what` names the reference in
    /// messages: "image path" gives "image path 'x' leaves the issue folder".
    /// Never throws for bad input and never opens the file.
    PathResult resolve(std::string_view reference, const std::filesystem::path& referring_file_dir,
                       std::string_view what = "path") const;

    /// Reads a resolved file: opened with O_NOFOLLOW | O_NONBLOCK one folder
    /// at a time from the issue folder (so a link swapped in after resolve()
    /// is refused and a FIFO never blocks), re-checked as a regular file on
    /// the descriptor, refused when larger than `max_bytes` before reading.
    ReadResult read(const ResolvedPath& file, std::uint64_t max_bytes) const;

private:
    std::filesystem::path root_;   // canonical
    std::filesystem::path given_;  // absolute, lexically normal, as passed in
};

/// `s` in single quotes for a message: control characters and bytes that
/// are not UTF-8 shown as \xHH, C1 and bidi controls as \uHHHH
/// (utf8::escape_for_terminal), and anything past 200 bytes shortened to
/// "...", so hostile names cannot mangle a terminal, disguise themselves or
/// flood a log.
std::string quote_path(std::string_view s);

}  // namespace galley

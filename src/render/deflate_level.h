// The zlib level cairo compresses the PDF's streams at.
//
// Cairo 1.16 deflates every stream of a PDF (page contents, font subsets,
// images it encodes itself) with zlib's default level, 6, and has no
// setting for it. On newspaper pages that is a quarter of the drawing
// thread: justified, letter-spaced text makes content streams of about
// 35 KB a page (a number for every glyph), and level 6 spends four times
// as long on them as level 4 for 6 % less size.
//
// zlib's deflateInit() is a macro for deflateInit_(), which cairo calls
// through the dynamic linker; galley defines deflateInit_ itself (in
// deflate_level.cc), and an executable's own definition is the one every
// shared library's call binds to. That definition is zlib's own (it calls
// deflateInit2_ with zlib's defaults), except that while a DeflateLevel is
// alive on the calling thread a request for Z_DEFAULT_COMPRESSION gets the
// scope's level. Every explicit level (libqpdf's, libzip's, libpng's) is
// left alone. Should the binding ever not take (a static cairo, say),
// cairo compresses at 6: the PDF is the same document, only slower to make.
#pragma once

namespace galley::render {

/// The level cairo's PDF streams are deflated at: measured on the peers'
/// 50 pages of text (docs/benchmarks.md), 4 makes the drawing 15 % faster
/// than zlib's default for a 6 % larger file; 1 to 3 are no faster there
/// and up to 16 % larger.
inline constexpr int kPdfDeflateLevel = 4;

/// While alive, zlib streams begun with Z_DEFAULT_COMPRESSION on this
/// thread use `level` (0-9); cairo compresses on the thread that draws.
/// Other threads keep their own level. Scopes nest; the innermost wins.
class DeflateLevel {
public:
    explicit DeflateLevel(int level);
    ~DeflateLevel();
    DeflateLevel(const DeflateLevel&) = delete;
    DeflateLevel& operator=(const DeflateLevel&) = delete;

private:
    int previous_;
};

/// The level a stream begun now on this thread with Z_DEFAULT_COMPRESSION
/// gets: the innermost scope's, or -1 (zlib's default) outside every scope.
int default_deflate_level();

}  // namespace galley::render

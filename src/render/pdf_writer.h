// The PDF backend: page::Document -> one tagged PDF, byte-identical for the
// same input.
//
//   cairo PDF surface into memory (never onto the target: cairo truncates
//   at once and loses ENOSPC on its final flush), one page per page::Page at
//   its size, with its label; metadata; every page through draw_page; the
//   outline
//   -> the finishing pass with libqpdf (pdf_finish.h): language, alt text,
//   links, dates, XMP, deterministic /ID
//   -> base/output_file: temp file, checked writes, fsync, rename.
//
// docs/pdf.md describes what the PDF contains and how to check it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <functional>
#include <vector>

#include "base/diagnostic.h"
#include "page/page.h"
#include "page/page_queue.h"

namespace galley {
class OutputFile;
}

namespace galley::render {

struct PdfOptions {
    /// /CreationDate and /ModDate, in seconds since the epoch (UTC): the
    /// caller passes SOURCE_DATE_EPOCH, or midnight of the issue date.
    /// Without it the dates come from Metadata::date when that is an ISO
    /// 8601 date; failing that the PDF has no dates. Never the clock.
    std::optional<std::int64_t> date;
    /// Threads the finishing pass may use (it marks the pages' artifacts
    /// on them); the output is the same for any number.
    int threads = 1;
};

/// The PDF's bytes, or nothing when an error was reported (E-PDF-...,
/// E-RENDER-...). Warnings do not stop it.
std::optional<std::string> render_pdf(const page::Document& document, const PdfOptions& options, Diagnostics& diags);
/// The same for the document's last reader: each page's items are released
/// as soon as the page is drawn, so the document does not sit in memory
/// beside cairo's output and the finishing pass (pages, sizes, labels,
/// outline and metadata stay).
std::optional<std::string> render_pdf(page::Document&& document, const PdfOptions& options, Diagnostics& diags);

/// What a document streamed page by page adds once its pages are over.
struct DocumentTail {
    page::Metadata meta;
    std::vector<page::OutlineEntry> outline;
    /// Points a link that names a place only known at the end (another
    /// article) at it; false drops the link. Empty: links as they are.
    std::function<bool(page::Link&)> resolve_link;
};

/// The same for pages that arrive one by one (composed on another thread):
/// each is drawn as soon as its structure tags are decided and the next
/// page has come, and dropped once drawn; `tail` is called once the queue
/// is closed. The PDF is the one render_pdf makes of the whole document.
std::optional<std::string> render_pdf(page::PageQueue& pages, const std::function<DocumentTail()>& tail,
                                      const PdfOptions& options, Diagnostics& diags);

/// Renders and writes the PDF to `target` through the output writer: the
/// target is replaced only by a complete file, and left as it was on any
/// error (E-OUTPUT-WRITE when the writing fails).
bool write_pdf(const page::Document& document, const PdfOptions& options, const std::filesystem::path& target,
               Diagnostics& diags);

/// The same into an OutputFile the caller made (tests inject failing
/// writes): writes the bytes and commits, or discards the temp file.
bool write_pdf(const page::Document& document, const PdfOptions& options, OutputFile& out, Diagnostics& diags);

}  // namespace galley::render

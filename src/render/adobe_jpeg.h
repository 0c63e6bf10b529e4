// CMYK JPEGs as Photoshop writes them: with Adobe's APP14 marker, their
// values are stored inverted. Every decoder that shows them (libjpeg users,
// gdk-pixbuf for the proofs) inverts them back; in a PDF the image says so
// with /Decode [1 0 1 0 1 0 1 0], which cairo 1.16 leaves out. The screen
// PDF's finishing pass and the press stage's preparing pass both add it.
#pragma once

#include <string>

#include <qpdf/QPDFObjectHandle.hh>

namespace galley::render {

/// Whether a JPEG stream carries Adobe's APP14 marker before its first scan.
bool has_adobe_marker(const std::string& jpeg);

/// Gives `image`, an image XObject, the /Decode that shows its colours
/// when it is a DCT-encoded DeviceCMYK JPEG with Adobe's marker and has no
/// /Decode yet. True when it did.
bool mark_inverted_cmyk_jpeg(QPDFObjectHandle image);

}  // namespace galley::render

// Body blocks: paragraphs, subheads, quotes, figures, lists, asides, tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.h"
#include "model/inline.h"

namespace galley::model {

/// Which edition a block appears in.
enum class Edition { both, print, digital };

enum class ImageFormat { jpeg, png, gif, svg };

/// An image file inside the issue folder, already probed by the reader.
struct Image {
    std::string src;       ///< as written in the article
    std::string path;      ///< normalised, relative to the issue folder ('/' separated)
    std::optional<std::string> alt;
    ImageFormat format = ImageFormat::jpeg;
    std::uint32_t width_px = 0;
    std::uint32_t height_px = 0;
    double dpi_x = 0;      ///< 0 when the file does not say
    double dpi_y = 0;
};

struct Paragraph { Inlines content; };
struct Subhead { Inlines content; };

/// Quoted text with an optional attribution (a blockquote or a pull quote).
struct Quotation {
    std::vector<Paragraph> paragraphs;
    Inlines attribution;
};
struct Blockquote { Quotation quote; };
/// Repeats a sentence of the body, set large; hidden from assistive technology.
struct PullQuote { Quotation quote; };

enum class Placement { lead, inline_ };
struct Figure {
    Placement placement = Placement::inline_;
    Image image;
    Inlines caption;
    Inlines credit;
};

enum class ListType { bullet, number };
struct List {
    ListType type = ListType::bullet;
    std::vector<Inlines> items;
};

enum class Align { start, left, right, center };
struct Cell {
    Align align = Align::start;
    Inlines content;
};
struct Row { std::vector<Cell> cells; };
struct Table {
    Inlines caption;
    std::optional<Row> head;
    std::vector<Row> rows;
};

struct Separator {};

struct Block;
/// A boxed factbox with its own blocks.
struct Aside {
    Inlines title;
    std::vector<Block> blocks;
};

struct Block {
    std::variant<Paragraph, Subhead, Blockquote, PullQuote, Figure, List, Aside, Table, Separator> node;
    Edition edition = Edition::both;
    SourceLocation where;
};

const char* format_name(ImageFormat f);
/// "image/jpeg", "image/png", "image/gif", "image/svg+xml".
const char* media_type(ImageFormat f);
/// Whether a block with this marking belongs in the print (or digital) edition.
bool in_print(Edition e);
bool in_digital(Edition e);

}  // namespace galley::model

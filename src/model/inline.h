// Inline content: the runs of text inside a paragraph, headline, caption...
// A recursive tree of plain values; every backend handles every kind.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace galley::model {

struct Inline;
using Inlines = std::vector<Inline>;

enum class PersonRole { author, photographer, contributor, editor };

struct Text { std::string text; };
struct LineBreak {};
struct Emphasis { Inlines content; };
struct Strong { Inlines content; };
/// A link; href is http, https or mailto (the reader refuses the rest).
struct Link { std::string href; Inlines content; };
/// A run in another language (BCP 47 tag).
struct Span { std::string lang; Inlines content; };
struct Subscript { Inlines content; };
struct Superscript { Inlines content; };
/// A named person inside a byline.
struct Person { PersonRole role = PersonRole::author; Inlines content; };

struct Inline {
    std::variant<Text, LineBreak, Emphasis, Strong, Link, Span, Subscript, Superscript, Person> node;
};

/// The text of `content` with markup dropped; a LineBreak becomes "\n".
std::string plain_text(const Inlines& content);
/// Whether `content` holds a LineBreak, at any depth.
bool has_line_break(const Inlines& content);
/// Whether `content` is set in lines of its own (a verse, a letter's
/// sign-off and address): it holds a LineBreak, and none of the lines
/// they separate is longer than `most_chars` characters (code points). A
/// paragraph of prose broken by a <br/> has longer lines.
bool in_own_lines(const Inlines& content, double most_chars);
/// Whether `content` holds no text at all (only white space or nothing).
bool is_blank(const Inlines& content);

const char* role_name(PersonRole role);

}  // namespace galley::model

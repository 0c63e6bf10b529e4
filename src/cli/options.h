// A small declarative command-line parser: each subcommand declares its
// options once (names, value, default, help) and --help is generated from
// the same table.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace galley::cli {

struct OptionSpec {
    char short_name = 0;        ///< 0 when there is none
    std::string long_name;      ///< without the dashes
    std::string value_name;     ///< empty for a flag
    std::string default_value;  ///< shown in --help; empty for none
    std::string help;
};

struct CommandSpec {
    std::string name;
    std::string usage;        ///< e.g. "galley check [OPTIONS] INPUT..."
    std::string summary;      ///< one line
    std::string description;  ///< paragraphs after the usage
    std::vector<OptionSpec> options;
    int min_operands = 0;
    /// What an operand is, for the message when there are too few.
    std::string operand = "an issue folder or an article file";
};

struct ParsedArgs {
    std::map<std::string, std::string> values;  ///< by long name ("" for flags)
    std::vector<std::string> operands;
    bool help = false;

    bool flag(const std::string& name) const { return values.count(name) != 0; }
    std::optional<std::string> value(const std::string& name) const;
};

/// Parses argv after the subcommand name. On a usage error returns nothing
/// and sets `error` to a one-line message.
std::optional<ParsedArgs> parse_args(const CommandSpec& spec, const std::vector<std::string>& args, std::string& error);

/// The --help text of a subcommand.
std::string help_text(const CommandSpec& spec);

}  // namespace galley::cli

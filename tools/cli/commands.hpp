// The `leverkit` command's subcommands register themselves here, one file each
// (`match_command.cpp`, `autofill_command.cpp`, ...), so adding one touches no other file.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <vector>

namespace leverkit::inline v0::cli {

using CommandSetup = std::function<void(CLI::App&)>;

std::vector<CommandSetup>& command_registry();

/// `static CommandRegistrar reg{[](CLI::App& app) { auto* sub = app.add_subcommand(...); }};`
struct CommandRegistrar {
  explicit CommandRegistrar(CommandSetup setup) { command_registry().push_back(std::move(setup)); }
};

}  // namespace leverkit::cli

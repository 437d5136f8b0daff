// `leverkit` — command-line driver for leverkit's engines on files.
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "leverkit/version.hpp"

namespace leverkit::inline v0::cli {
std::vector<CommandSetup>& command_registry() {
  static std::vector<CommandSetup> registry;
  return registry;
}
}  // namespace leverkit::cli

int main(int argc, char** argv) {
  CLI::App app{"leverkit — match recorded calls to Lever and draft feedback from transcripts"};
  app.set_version_flag("--version", LEVERKIT_VERSION_STRING);
  app.require_subcommand(1);
  for (auto& setup : leverkit::cli::command_registry()) setup(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "leverkit: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

package org.huzhu.ledger.cli;

/** A command that only groups subcommands ({@code members}, {@code rules}, {@code catalog}). */
abstract class CommandGroup extends Cli {
  @Override
  final int run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), msg().get("error.no-command"));
  }
}

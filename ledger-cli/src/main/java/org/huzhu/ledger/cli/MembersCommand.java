package org.huzhu.ledger.cli;

import picocli.CommandLine.Command;

/** {@code huzhu members}: groups the members subcommands. */
@Command(
    name = "members",
    mixinStandardHelpOptions = true,
    description = "Manage members.",
    subcommands = {MembersImportCommand.class},
    footer = {"", "Example:", "  huzhu members import members.csv"})
final class MembersCommand extends CommandGroup {
}

package org.huzhu.ledger.cli;

import java.time.LocalDateTime;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.ReverseRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu reverse}: posts the exact opposite of an earlier entry, once. */
@Command(
    name = "reverse",
    mixinStandardHelpOptions = true,
    description = "Post the exact opposite of a credit, redemption, transfer, adjustment or settlement.",
    footer = {"", "Example:", "  huzhu reverse --entry ADJ-7 --reason \"entered twice\""})
final class ReverseCommand extends Cli {
  @Option(names = "--entry", required = true, paramLabel = "ID", description = "The entry to reverse.")
  String entry;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the journal; no names).")
  String reason;

  @Option(names = "--id", paramLabel = "X", description = "The reversal's id (default: reversal:<ID>).")
  String id;

  @Option(names = "--at", paramLabel = "T", converter = Times.AtConverter.class, description = "When it takes effect (date or date-time; default now).")
  LocalDateTime at;

  @Override
  int run() {
    ReverseRequest request = new ReverseRequest(entry, reason, id == null ? null : id.strip(), at);
    Receipt r;
    try (Ledger ledger = openWriter()) {
      r = ledger.reverse(request);
    }
    print(Entries.receipt(r));
    return Huzhu.OK;
  }
}

package org.huzhu.ledger.cli;

import java.time.LocalDateTime;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.TransferRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu transfer}: moves minutes between members, or to or from the pool. */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    description = "Move minutes between members, or to or from the community pool (pool).",
    footer = {"", "Example:", "  huzhu transfer --from v1 --to pool --minutes 60 --id T-1 --memo donation"})
final class TransferCommand extends Cli {
  @Option(names = "--from", required = true, paramLabel = "A", description = "A member, or pool.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "B", description = "A member, or pool.")
  String to;

  @Option(names = "--minutes", required = true, paramLabel = "N", converter = Times.AmountConverter.class, description = "How many minutes (at least 1).")
  Long minutes;

  @Option(names = "--id", required = true, paramLabel = "X", description = "The entry's id (repeating it is a no-op).")
  String id;

  @Option(names = "--at", paramLabel = "T", converter = Times.AtConverter.class, description = "When (date or date-time; default now).")
  LocalDateTime at;

  @Option(names = "--memo", paramLabel = "TEXT", description = "A note kept in the journal (at most 200 characters; no names).")
  String memo;

  @Override
  int run() {
    TransferRequest request = new TransferRequest(id.strip(), from.strip(), to.strip(), minutes, memo, at);
    Receipt r;
    try (Ledger ledger = openWriter()) {
      r = ledger.transfer(request);
    }
    print(Entries.receipt(r));
    return Huzhu.OK;
  }
}

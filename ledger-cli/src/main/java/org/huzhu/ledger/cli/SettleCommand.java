package org.huzhu.ledger.cli;

import java.time.LocalDateTime;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.SettleRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu settle}: records that the community paid a merchant for points. */
@Command(
    name = "settle",
    mixinStandardHelpOptions = true,
    description = "Record that the community paid merchant M for N points (merchant:M to community:settled).",
    footer = {"", "Example:", "  huzhu settle --merchant m-barber --points 200 --id SET-2026-11"})
final class SettleCommand extends Cli {
  @Option(names = "--merchant", required = true, paramLabel = "M", description = "The merchant.")
  String merchant;

  @Option(names = "--points", required = true, paramLabel = "N", converter = Times.AmountConverter.class, description = "Points paid for (at least 1).")
  Long points;

  @Option(names = "--id", required = true, paramLabel = "X", description = "The entry's id (repeating it is a no-op).")
  String id;

  @Option(names = "--at", paramLabel = "T", converter = Times.AtConverter.class, description = "When (date or date-time; default now).")
  LocalDateTime at;

  @Override
  int run() {
    SettleRequest request = new SettleRequest(id.strip(), merchant.strip(), points, at);
    Receipt r;
    try (Ledger ledger = openWriter()) {
      r = ledger.settle(request);
    }
    print(Entries.receipt(r));
    return Huzhu.OK;
  }
}

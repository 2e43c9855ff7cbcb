package org.huzhu.ledger.cli;

import java.time.LocalDateTime;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.RedeemRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu redeem}: spends a member's points on a catalog item. */
@Command(
    name = "redeem",
    mixinStandardHelpOptions = true,
    description = "Redeem a member's points for a catalog item (points move to the item's merchant).",
    footer = {"", "Example:", "  huzhu redeem --member v1 --item haircut --qty 1 --id R-1"})
final class RedeemCommand extends Cli {
  @Option(names = "--member", required = true, paramLabel = "M", description = "The member.")
  String member;

  @Option(names = "--item", required = true, paramLabel = "I", description = "The catalog item.")
  String item;

  @Option(names = "--qty", paramLabel = "Q", converter = Times.AmountConverter.class, description = "How many (default: 1).")
  Long qty = 1L;

  @Option(names = "--id", required = true, paramLabel = "R", description = "The entry's id (repeating it is a no-op).")
  String id;

  @Option(names = "--at", paramLabel = "T", converter = Times.AtConverter.class, description = "When (date or date-time; default now).")
  LocalDateTime at;

  @Override
  int run() {
    RedeemRequest request = new RedeemRequest(id.strip(), member.strip(), item.strip(), qty, at);
    Receipt r;
    try (Ledger ledger = openWriter()) {
      r = ledger.redeem(request);
    }
    print(Entries.receipt(r));
    return Huzhu.OK;
  }
}

package org.huzhu.ledger.cli;

import java.time.LocalDateTime;
import org.huzhu.ledger.AdjustRequest;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Receipt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu adjust}: a manual correction or backfill of one member's points or minutes. */
@Command(
    name = "adjust",
    mixinStandardHelpOptions = true,
    description = "Post a manual correction or backfill (points or minutes, positive or negative).",
    footer = {
      "",
      "Example:",
      "  huzhu adjust --member v1 --points 20 --reason \"missed sheet\" --approved-by org1 --id ADJ-7"
    })
final class AdjustCommand extends Cli {
  @Option(names = "--member", required = true, paramLabel = "M", description = "The member.")
  String member;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Amount amount;

  static final class Amount {
    @Option(names = "--points", paramLabel = "N", converter = Times.AmountConverter.class, description = "Points to add (negative: take away).")
    Long points;

    @Option(names = "--minutes", paramLabel = "N", converter = Times.AmountConverter.class, description = "Minutes to add (negative: take away).")
    Long minutes;
  }

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the journal; no names).")
  String reason;

  @Option(names = "--approved-by", required = true, paramLabel = "P", description = "Who approved it (an id).")
  String approvedBy;

  @Option(names = "--id", required = true, paramLabel = "X", description = "The entry's id (repeating it is a no-op).")
  String id;

  @Option(names = "--at", paramLabel = "T", converter = Times.AtConverter.class, description = "When it takes effect (date or date-time; default now).")
  LocalDateTime at;

  @Override
  int run() {
    AdjustRequest request =
        new AdjustRequest(
            id == null ? null : id.strip(),
            member == null ? null : member.strip(),
            amount.points == null ? 0 : amount.points,
            amount.minutes == null ? 0 : amount.minutes,
            reason,
            approvedBy,
            at);
    Receipt r;
    try (Ledger ledger = openWriter()) {
      r = ledger.adjust(request);
    }
    print(Entries.receipt(r));
    return Huzhu.OK;
  }
}

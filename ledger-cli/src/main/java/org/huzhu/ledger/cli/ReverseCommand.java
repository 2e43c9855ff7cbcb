package org.huzhu.ledger.cli;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Entry;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Posting;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.ReverseRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huzhu reverse}: posts the exact opposite of an earlier entry, once; or, with {@code
 * --import}, of every unreversed credit of one import, in one batch or not at all.
 */
@Command(
    name = "reverse",
    mixinStandardHelpOptions = true,
    description = "Post the exact opposite of a credit, redemption, transfer, adjustment or settlement; or of every credit of an import.",
    footer = {
      "",
      "Example:",
      "  huzhu reverse --entry ADJ-7 --reason \"entered twice\"",
      "  huzhu reverse --import import:3f9a0c1d2e4b5a69 --reason \"wrong sheet\""
    })
final class ReverseCommand extends Cli {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--entry", required = true, paramLabel = "ID", description = "The entry to reverse.")
    String entry;

    @Option(names = "--import", required = true, paramLabel = "ID", description = "The import whose credits to reverse.")
    String importId;
  }

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the journal; no names).")
  String reason;

  @Option(names = "--id", paramLabel = "X", description = "The reversal's id (default: reversal:<ID>; not with --import).")
  String id;

  @Option(names = "--at", paramLabel = "T", converter = Times.AtConverter.class, description = "When it takes effect (date or date-time; default now).")
  LocalDateTime at;

  @Override
  int run() {
    if (target.importId != null) {
      if (id != null) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--id does not apply to --import (each reversal is reversal:<ID>)");
      }
      String importId = target.importId.strip();
      List<Receipt> receipts;
      try (Ledger ledger = openWriter()) {
        receipts = ledger.reverseImport(importId, reason, at);
      }
      print(batch(importId, receipts));
      return Huzhu.OK;
    }
    ReverseRequest request = new ReverseRequest(target.entry.strip(), reason, id == null ? null : id.strip(), at);
    Receipt r;
    try (Ledger ledger = openWriter()) {
      r = ledger.reverse(request);
    }
    print(Entries.receipt(r));
    return Huzhu.OK;
  }

  /** {@code {"import":ID,"reversed":N,"entries":[entry…]}}. */
  static Output batch(String importId, List<Receipt> receipts) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> entries = new ArrayList<>();
        for (Receipt r : receipts) {
          entries.add(Entries.json(r.entry()));
        }
        return Json.obj("import", importId, "reversed", receipts.size(), "entries", entries);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("id", "seq", "kind", "date", "account", "points", "minutes");
        for (Receipt r : receipts) {
          Entry e = r.entry();
          for (Posting p : e.postings()) {
            c.row(e.id(), e.seq(), e.kind(), e.date(), p.account().name(), p.points(), p.minutes());
          }
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        if (receipts.isEmpty()) {
          return msg.get("reverse.import.none", importId) + "\n"; // a repeat: its credits were reversed before
        }
        StringBuilder sb = new StringBuilder(msg.get("reverse.import", importId, receipts.size())).append('\n');
        Table t = new Table(msg.get("h.entry"), msg.get("h.date"), msg.get("h.account"), ">" + msg.get("h.points"), ">" + msg.get("h.hours"));
        for (Receipt r : receipts) {
          Entry e = r.entry();
          for (Posting p : e.postings()) {
            if (p.account().isMember()) {
              t.add(e.id(), e.date(), p.account().name(), p.points(), org.huzhu.ledger.Minutes.format(p.minutes()));
            }
          }
        }
        return sb.append(t).toString();
      }
    };
  }
}

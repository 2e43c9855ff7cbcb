package org.huzhu.ledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Entry;
import org.huzhu.ledger.ExpiryResult;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Posting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu expire}: moves the points of lots past their expiry date to community:expired. */
@Command(
    name = "expire",
    mixinStandardHelpOptions = true,
    description = "Expire the points left in every lot whose expiry date is on or before DATE (default: today).",
    footer = {"", "Example:", "  huzhu expire --as-of 2026-12-31 --format json"})
final class ExpireCommand extends Cli {
  @Option(names = "--as-of", paramLabel = "DATE", converter = Times.DateConverter.class, description = "The day (YYYY-MM-DD; default: today).")
  LocalDate asOf;

  @Override
  int run() {
    ExpiryResult r;
    try (Ledger ledger = openWriter()) {
      r = ledger.expire(asOf != null ? asOf : LocalDate.now(ledger.clock()));
    }
    print(output(r));
    return Huzhu.OK;
  }

  static Output output(ExpiryResult r) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> entries = new ArrayList<>();
        for (Entry e : r.entries()) {
          entries.add(Entries.json(e));
        }
        return Json.obj("expired", r.expired(), "points", r.points(), "entries", entries);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("id", "seq", "kind", "date", "account", "points", "minutes");
        for (Entry e : r.entries()) {
          for (Posting p : e.postings()) {
            c.row(e.id(), e.seq(), e.kind(), e.date(), p.account().name(), p.points(), p.minutes());
          }
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder(msg.get("expire.done", r.expired(), r.points())).append('\n');
        if (!r.entries().isEmpty()) {
          Table t = new Table(msg.get("h.entry"), msg.get("h.date"), msg.get("h.account"), ">" + msg.get("h.points"));
          for (Entry e : r.entries()) {
            for (Posting p : e.postings()) {
              if (p.points() < 0) {
                t.add(e.id(), e.date(), p.account().name(), p.points());
              }
            }
          }
          sb.append(t);
        }
        return sb.toString();
      }
    };
  }
}

package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Minutes;
import org.huzhu.ledger.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code huzhu certificate}: a member's certificate of volunteer service. */
@Command(
    name = "certificate",
    mixinStandardHelpOptions = true,
    description = "A certificate of volunteer service: verified minutes per activity, the credits behind them, the journal head SEQ:HASH.",
    footer = {"", "Example:", "  huzhu certificate --member v1 --from 2026-01-01 --to 2026-12-31"})
final class CertificateCommand extends Cli {
  @Mixin MemberPeriod period;

  @Override
  int run() {
    String m = period.memberId();
    Reports.Certificate c;
    try (Ledger ledger = openReader()) {
      c = ledger.certificate(m, period.from, period.to);
    }
    print(output(c));
    return Huzhu.OK;
  }

  static Output output(Reports.Certificate c) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> activities = new ArrayList<>();
        for (Reports.ActivityLine a : c.activities()) {
          activities.add(Json.obj("activity", a.activity(), "minutes", a.minutes(), "entries", a.entries()));
        }
        return Json.obj(
            "member", c.member(),
            "joined_on", c.joinedOn().toString(),
            "from", c.from() == null ? null : c.from().toString(),
            "to", c.to() == null ? null : c.to().toString(),
            "activities", activities,
            "verified_minutes", c.verifiedMinutes(),
            "backfilled_minutes", c.backfilledMinutes(),
            "head", c.head());
      }

      @Override
      public String csv(Messages msg) {
        // The certificate's totals and head repeat on each activity's row; a member with no credit
        // in the period still gets one row, with the activity empty, to carry them.
        Csv csv =
            new Csv()
                .row("member", "activity", "minutes", "credits", "entries", "verified_minutes", "backfilled_minutes", "head");
        for (Reports.ActivityLine a : c.activities()) {
          csv.row(
              c.member(), a.activity(), a.minutes(), a.entries().size(), String.join(" ", a.entries()),
              c.verifiedMinutes(), c.backfilledMinutes(), c.head());
        }
        if (c.activities().isEmpty()) {
          csv.row(c.member(), "", 0, 0, "", c.verifiedMinutes(), c.backfilledMinutes(), c.head());
        }
        return csv.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                msg.get(
                    "certificate.title", c.member(), c.joinedOn(), c.from() == null ? "…" : c.from(), c.to() == null ? "…" : c.to()))
            .append('\n');
        Table t = new Table(msg.get("h.activity"), ">" + msg.get("h.hours"), ">" + msg.get("h.credits"));
        for (Reports.ActivityLine a : c.activities()) {
          t.add(a.activity(), Minutes.format(a.minutes()), a.entries().size());
        }
        sb.append(t);
        sb.append(msg.get("certificate.total", Minutes.format(c.verifiedMinutes()), Minutes.format(c.backfilledMinutes())))
            .append('\n');
        for (Reports.ActivityLine a : c.activities()) {
          sb.append(a.activity()).append(": ").append(String.join(" ", a.entries())).append('\n');
        }
        sb.append(msg.get("certificate.head", c.head())).append('\n');
        return sb.toString();
      }
    };
  }
}

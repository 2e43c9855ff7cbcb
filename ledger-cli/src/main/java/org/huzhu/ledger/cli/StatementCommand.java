package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.Balance;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Minutes;
import org.huzhu.ledger.Statement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code huzhu statement}: a member's opening balance, each entry with its explanation, closing. */
@Command(
    name = "statement",
    mixinStandardHelpOptions = true,
    description = "A member's statement: opening balance, each entry with its breakdown, closing balance.",
    footer = {"", "Example:", "  huzhu statement --member v1 --from 2026-01-01 --to 2026-03-31"})
final class StatementCommand extends Cli {
  @Mixin MemberPeriod period;

  @Override
  int run() {
    String m = period.memberId();
    Statement s;
    try (Ledger ledger = openReader()) {
      s = ledger.statement(m, period.from, period.to);
    }
    print(output(s));
    return Huzhu.OK;
  }

  private static Map<String, Object> amounts(Balance b) {
    return Json.obj("points", b.points(), "minutes", b.minutes());
  }

  static Output output(Statement s) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> lines = new ArrayList<>();
        for (Statement.Line l : s.lines()) {
          lines.add(
              Json.obj(
                  "id", l.entry().id(),
                  "seq", l.entry().seq(),
                  "kind", l.entry().kind(),
                  "date", l.entry().date().toString(),
                  "points", l.points(),
                  "minutes", l.minutes(),
                  "explanation", l.explanation()));
        }
        return Json.obj(
            "member", s.member(),
            "from", s.from() == null ? null : s.from().toString(),
            "to", s.to() == null ? null : s.to().toString(),
            "opening", amounts(s.opening()),
            "lines", lines,
            "closing", amounts(s.closing()));
      }

      @Override
      public String csv(Messages msg) {
        // The opening and closing balances are rows of their own, without an entry id.
        Csv c = new Csv().row("date", "id", "kind", "points", "minutes", "explanation");
        c.row(s.from() == null ? "" : s.from(), "", "opening", s.opening().points(), s.opening().minutes(), "");
        for (Statement.Line l : s.lines()) {
          c.raw(l.entry().date()).raw(l.entry().id()).raw(l.entry().kind()).raw(l.points()).raw(l.minutes())
              .text(l.entry().explanation(msg.locale())).end();
        }
        c.row(s.to() == null ? "" : s.to(), "", "closing", s.closing().points(), s.closing().minutes(), "");
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder();
        sb.append(msg.get("statement.title", s.member(), s.from() == null ? "…" : s.from(), s.to() == null ? "…" : s.to()))
            .append('\n');
        sb.append(msg.get("statement.opening", s.opening().points(), Minutes.format(s.opening().minutes()))).append('\n');
        Table t =
            new Table(
                msg.get("h.date"), msg.get("h.entry"), msg.get("h.kind"), ">" + msg.get("h.points"), ">" + msg.get("h.hours"),
                msg.get("h.explanation"));
        for (Statement.Line l : s.lines()) {
          t.add(l.entry().date(), l.entry().id(), l.entry().kind(), l.points(), Minutes.format(l.minutes()), l.entry().explanation(msg.locale()));
        }
        sb.append(t);
        sb.append(msg.get("statement.closing", s.closing().points(), Minutes.format(s.closing().minutes()))).append('\n');
        return sb.toString();
      }
    };
  }
}

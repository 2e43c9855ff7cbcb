package org.huzhu.ledger.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Balance;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Minutes;
import org.huzhu.ledger.Reports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huzhu report liability|merchants|teams|leaderboard}: the ledger's summaries. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Summaries: liability, merchants, teams or leaderboard.",
      "liability: what members can spend, by expiry month, and what merchants are owed (as of today);",
      "merchants: redemptions and settlements in a month; teams: credits per team and grid in a month;",
      "leaderboard: the top volunteers by minutes in a month."
    },
    footer = {"", "Example:", "  huzhu report teams --month 2026-10", "  huzhu report leaderboard --top 5 --format json"})
final class ReportCommand extends Cli {
  enum Kind {
    liability,
    merchants,
    teams,
    leaderboard
  }

  @Parameters(index = "0", descriptionKey = "kind", paramLabel = "KIND", description = "liability, merchants, teams or leaderboard.")
  Kind kind;

  @Option(names = "--month", paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "The month (default: this month; liability is always as of today).")
  YearMonth month;

  @Option(names = "--top", paramLabel = "N", description = "How many volunteers on the leaderboard (default: 10).")
  int top = 10;

  @Override
  int run() {
    if (top < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1, was " + top);
    }
    Output o;
    try (Ledger ledger = openReader()) {
      YearMonth m = month != null ? month : YearMonth.now(ledger.clock());
      o =
          switch (kind) {
            case liability -> liability(ledger.liabilityReport());
            case merchants -> merchants(ledger.merchantsReport(m));
            case teams -> teams(ledger.teamsReport(m));
            case leaderboard -> leaderboard(ledger.leaderboard(m, top));
          };
    }
    print(o);
    return Huzhu.OK;
  }

  /** Converts {@code --month} values. */
  static final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
      try {
        return YearMonth.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a month (YYYY-MM)");
      }
    }
  }

  static Output liability(Reports.Liability r) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> buckets = new ArrayList<>();
        for (Reports.ExpiryBucket b : r.byExpiryMonth()) {
          buckets.add(Json.obj("month", b.month() == null ? null : b.month().toString(), "points", b.points()));
        }
        List<Object> owed = new ArrayList<>();
        for (Balance b : r.owedToMerchants()) {
          owed.add(Json.obj("account", b.account().name(), "points", b.points()));
        }
        return Json.obj(
            "as_of", r.asOf().toString(),
            "points_outstanding", r.pointsOutstanding(),
            "minutes_outstanding", r.minutesOutstanding(),
            "by_expiry_month", buckets,
            "owed_to_merchants", owed,
            "settled", r.settled());
      }

      @Override
      public String csv(Messages msg) {
        // one amount column: points on every row but minutes_outstanding, which is in minutes
        Csv c = new Csv().row("as_of", "what", "key", "amount");
        c.row(r.asOf(), "points_outstanding", "", r.pointsOutstanding());
        c.row(r.asOf(), "minutes_outstanding", "", r.minutesOutstanding());
        for (Reports.ExpiryBucket b : r.byExpiryMonth()) {
          c.row(r.asOf(), "expires", b.month() == null ? "never" : b.month(), b.points());
        }
        for (Balance b : r.owedToMerchants()) {
          c.row(r.asOf(), "owed", b.account().name(), b.points());
        }
        c.row(r.asOf(), "settled", "", r.settled());
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder();
        sb.append(msg.get("report.liability", r.asOf(), r.pointsOutstanding(), Minutes.format(r.minutesOutstanding()), r.settled()))
            .append('\n');
        Table t = new Table(msg.get("h.expires"), ">" + msg.get("h.points"));
        for (Reports.ExpiryBucket b : r.byExpiryMonth()) {
          t.add(b.month() == null ? msg.get("report.never") : b.month(), b.points());
        }
        sb.append(t);
        if (!r.owedToMerchants().isEmpty()) {
          Table o = new Table(msg.get("h.account"), ">" + msg.get("h.owed"));
          for (Balance b : r.owedToMerchants()) {
            o.add(b.account().name(), b.points());
          }
          sb.append('\n').append(o);
        }
        return sb.toString();
      }
    };
  }

  static Output merchants(Reports.Merchants r) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> lines = new ArrayList<>();
        for (Reports.MerchantLine l : r.merchants()) {
          lines.add(
              Json.obj(
                  "merchant", l.merchant(), "redeemed", l.redeemed(), "reversed", l.reversed(), "net", l.net(),
                  "settled", l.settled(), "owed", l.owed()));
        }
        return Json.obj("month", r.month().toString(), "merchants", lines);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("month", "merchant", "redeemed", "reversed", "net", "settled", "owed");
        for (Reports.MerchantLine l : r.merchants()) {
          c.row(r.month(), l.merchant(), l.redeemed(), l.reversed(), l.net(), l.settled(), l.owed());
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        Table t =
            new Table(
                msg.get("h.merchant"), ">" + msg.get("h.redeemed"), ">" + msg.get("h.reversed"), ">" + msg.get("h.net"),
                ">" + msg.get("h.settled"), ">" + msg.get("h.owed"));
        for (Reports.MerchantLine l : r.merchants()) {
          t.add(l.merchant(), l.redeemed(), l.reversed(), l.net(), l.settled(), l.owed());
        }
        return msg.get("report.merchants", r.month()) + "\n" + t;
      }
    };
  }

  private static List<Object> groups(List<Reports.GroupLine> lines) {
    List<Object> out = new ArrayList<>();
    for (Reports.GroupLine l : lines) {
      out.add(Json.obj("name", l.name(), "credits", l.credits(), "minutes", l.minutes(), "points", l.points()));
    }
    return out;
  }

  static Output teams(Reports.Teams r) {
    return new Output() {
      @Override
      public Object json() {
        return Json.obj("month", r.month().toString(), "teams", groups(r.teams()), "grids", groups(r.grids()));
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("month", "group", "name", "credits", "minutes", "points");
        for (Reports.GroupLine l : r.teams()) {
          c.raw(r.month()).raw("team").text(l.name()).raw(l.credits()).raw(l.minutes()).raw(l.points()).end();
        }
        for (Reports.GroupLine l : r.grids()) {
          c.raw(r.month()).raw("grid").text(l.name()).raw(l.credits()).raw(l.minutes()).raw(l.points()).end();
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder(msg.get("report.teams", r.month())).append('\n');
        sb.append(group(msg, msg.get("h.team"), r.teams()));
        sb.append('\n').append(group(msg, msg.get("h.grid"), r.grids()));
        return sb.toString();
      }
    };
  }

  private static String group(Messages msg, String header, List<Reports.GroupLine> lines) {
    Table t = new Table(header, ">" + msg.get("h.credits"), ">" + msg.get("h.hours"), ">" + msg.get("h.points"));
    for (Reports.GroupLine l : lines) {
      t.add(l.name() == null ? msg.get("report.none") : l.name(), l.credits(), Minutes.format(l.minutes()), l.points());
    }
    return t.toString();
  }

  static Output leaderboard(Reports.Leaderboard r) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> leaders = new ArrayList<>();
        for (Reports.Leader l : r.leaders()) {
          leaders.add(
              Json.obj("rank", l.rank(), "member", l.member(), "minutes", l.minutes(), "points", l.points(), "credits", l.credits()));
        }
        return Json.obj("month", r.month().toString(), "leaders", leaders);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("month", "rank", "member", "minutes", "points", "credits");
        for (Reports.Leader l : r.leaders()) {
          c.row(r.month(), l.rank(), l.member(), l.minutes(), l.points(), l.credits());
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        Table t =
            new Table(
                ">" + msg.get("h.rank"), msg.get("h.member"), ">" + msg.get("h.hours"), ">" + msg.get("h.points"),
                ">" + msg.get("h.credits"));
        for (Reports.Leader l : r.leaders()) {
          t.add(l.rank(), l.member(), Minutes.format(l.minutes()), l.points(), l.credits());
        }
        return msg.get("report.leaderboard", r.month()) + "\n" + t;
      }
    };
  }
}

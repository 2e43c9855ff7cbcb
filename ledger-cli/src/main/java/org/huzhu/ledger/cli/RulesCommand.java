package org.huzhu.ledger.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Minutes;
import org.huzhu.ledger.Publication;
import org.huzhu.ledger.rules.Activity;
import org.huzhu.ledger.rules.Multiplier;
import org.huzhu.ledger.rules.RuleVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code huzhu rules}: publish a version of the accrual rules, or list the versions. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Publish or list versions of the accrual rules.",
    subcommands = {RulesCommand.Publish.class, RulesCommand.Show.class},
    footer = {"", "Example:", "  huzhu rules publish rules-v2.json && huzhu rules show"})
final class RulesCommand extends CommandGroup {

  /** {@code huzhu rules publish FILE}. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = "Add a version of the accrual rules from a rules.json file (journaled); an identical repeat is a no-op.",
      footer = {"", "Example:", "  huzhu rules publish rules-v2.json --format json"})
  static final class Publish extends PublishCli {
    @Override
    Publication publish(Ledger ledger, byte[] bytes, String name) {
      return ledger.publishRules(bytes, name);
    }

    @Override
    String what() {
      return "rules";
    }
  }

  /** {@code huzhu rules show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "List the published rule versions: effective dates, activities and rates, multipliers.",
      footer = {"", "Example:", "  huzhu rules show --format json"})
  static final class Show extends Cli {
    @Override
    int run() {
      List<RuleVersion> versions;
      try (Ledger ledger = openReader()) {
        versions = ledger.rules();
      }
      print(output(versions));
      return Huzhu.OK;
    }
  }

  /** What a publication did: {@code {"id":…,"version":N,"published":true}}. */
  static Output publication(Publication p, String what) {
    return new Output() {
      @Override
      public Object json() {
        return Json.obj("id", p.id(), "version", p.version(), "published", p.published());
      }

      @Override
      public String csv(Messages msg) {
        return new Csv().row("id", "version", "published").row(p.id(), p.version(), p.published()).toString();
      }

      @Override
      public String table(Messages msg) {
        return msg.get(p.published() ? what + ".published" : what + ".unchanged", p.version(), p.id()) + "\n";
      }
    };
  }

  private static String decimal(BigDecimal d) {
    return d == null ? null : d.toPlainString();
  }

  private static <T> List<String> names(Set<T> set) {
    if (set == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (T t : set) {
      out.add(t.toString());
    }
    return out;
  }

  static Map<String, Object> json(RuleVersion v) {
    List<Object> activities = new ArrayList<>();
    for (Activity a : v.activities().values()) {
      activities.add(
          Json.obj(
              "key", a.key(),
              "name", a.name(),
              "points_per_hour", decimal(a.pointsPerHour()),
              "points_per_event", decimal(a.pointsPerEvent()),
              "credit_hours", a.creditHours()));
    }
    List<Object> multipliers = new ArrayList<>();
    for (Multiplier m : v.multipliers()) {
      multipliers.add(
          Json.obj(
              "name", m.name(),
              "factor", decimal(m.factor()),
              "days_of_week", names(m.daysOfWeek()),
              "dates", names(m.dates()),
              "activities", names(m.activities()),
              "from", m.from() == null ? null : m.from().toString(),
              "to", m.to() == null ? null : m.to().toString()));
    }
    return Json.obj(
        "version", v.version(),
        "effective_from", v.effectiveFrom().toString(),
        "rounding_minutes", v.roundingMinutes(),
        "min_minutes", v.minMinutes(),
        "max_minutes", v.maxMinutes(),
        "daily_points_cap", v.dailyPointsCap(),
        "points_expire_months", v.pointsExpireMonths(),
        "hours_credit_limit_minutes", v.hoursCreditLimitMinutes(),
        "activities", activities,
        "multipliers", multipliers);
  }

  /** The conditions of a multiplier, in words, for a table. */
  static String conditions(Multiplier m, Messages msg) {
    List<String> parts = new ArrayList<>();
    if (m.daysOfWeek() != null) {
      parts.add(String.join(" ", names(m.daysOfWeek())));
    }
    if (m.dates() != null) {
      parts.add(String.join(" ", names(m.dates())));
    }
    if (m.activities() != null) {
      parts.add(String.join(" ", new TreeSet<>(m.activities())));
    }
    if (m.from() != null || m.to() != null) {
      parts.add((m.from() == null ? "…" : m.from().toString()) + ".." + (m.to() == null ? "…" : m.to().toString()));
    }
    return parts.isEmpty() ? msg.get("rules.always") : String.join("; ", parts);
  }

  static Output output(List<RuleVersion> versions) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> list = new ArrayList<>();
        for (RuleVersion v : versions) {
          list.add(RulesCommand.json(v));
        }
        return Json.obj("versions", list);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("version", "effective_from", "activity", "name", "points_per_hour", "points_per_event", "credit_hours");
        for (RuleVersion v : versions) {
          for (Activity a : v.activities().values()) {
            c.raw(v.version()).raw(v.effectiveFrom()).raw(a.key()).text(a.name())
                .raw(decimal(a.pointsPerHour())).raw(decimal(a.pointsPerEvent())).raw(a.creditHours()).end();
          }
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        if (versions.isEmpty()) {
          return msg.get("rules.none") + "\n";
        }
        StringBuilder sb = new StringBuilder();
        for (RuleVersion v : versions) {
          if (sb.length() > 0) {
            sb.append('\n');
          }
          sb.append(
                  msg.get(
                      "rules.version",
                      v.version(),
                      v.effectiveFrom(),
                      v.roundingMinutes(),
                      Minutes.format(v.minMinutes()),
                      Minutes.format(v.maxMinutes()),
                      v.dailyPointsCap() == null ? msg.get("rules.no-cap") : msg.get("rules.cap", v.dailyPointsCap()),
                      v.pointsExpireMonths() == null
                          ? msg.get("rules.no-expiry")
                          : msg.get("rules.expiry", v.pointsExpireMonths()),
                      Minutes.format(v.hoursCreditLimitMinutes())))
              .append('\n');
          Table t = new Table(msg.get("h.activity"), msg.get("h.name"), ">" + msg.get("h.rate"), msg.get("h.per"), msg.get("h.credit-hours"));
          for (Activity a : v.activities().values()) {
            t.add(
                a.key(),
                a.name(),
                a.rate().toPlainString(),
                msg.get(a.hourBased() ? "rules.per-hour" : "rules.per-event"),
                msg.get(a.creditHours() ? "yes" : "no"));
          }
          sb.append(t);
          if (!v.multipliers().isEmpty()) {
            Table m = new Table(msg.get("h.multiplier"), ">" + msg.get("h.factor"), msg.get("h.conditions"));
            for (Multiplier x : v.multipliers()) {
              m.add(x.name(), "×" + x.factor().toPlainString(), conditions(x, msg));
            }
            sb.append('\n').append(m);
          }
        }
        return sb.toString();
      }
    };
  }
}

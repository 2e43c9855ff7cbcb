package org.huzhu.ledger.rules;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.huzhu.ledger.Reason;

/**
 * The accrual rules: how one sign-in is credited under one rule version (the contract's "How a
 * sign-in is credited", steps 1 to 6 without the ledger's own checks).
 *
 * <p>{@link #credit} is a pure function: no clock, no I/O, no randomness; the same arguments
 * always give an equal result. It keeps a private, weakly held cache of prepared rule versions
 * (by identity), which changes only speed. Thread-safe.
 */
public final class Accrual {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TIME_SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Accrual() {}

  /**
   * Credits one sign-in.
   *
   * <p>Checks, in this order: the activity is in {@code rules} ({@code UNKNOWN_ACTIVITY}); an
   * hour-based activity has a check-out ({@code NO_CHECKOUT}); the duration (elapsed whole minutes
   * between the instants, rounded down) is above 0, or for an event the check-out is not before
   * the check-in ({@code BAD_INTERVAL}); at most {@code max_minutes} ({@code TOO_LONG}); rounded
   * down to a multiple of {@code rounding_minutes}, at least {@code min_minutes} ({@code
   * TOO_SHORT}). Points are floor(credited × points_per_hour × factor / 60) or
   * floor(points_per_event × factor), exactly, then min(points, cap − already), never below 0.
   *
   * @param facts the sign-in; its check-in's local date selects the multipliers
   * @param rules the rule version in force on that date (see {@link RuleVersions#inForce})
   * @param pointsAlreadyCreditedThatDay the member's points from unreversed sign-in credits
   *     already in the ledger for the same local check-in date; ≥ 0
   * @return a {@link CreditBreakdown}, or a {@link CreditRejection} with one of the reasons above
   * @throws NullPointerException when facts or rules is null
   * @throws IllegalArgumentException when pointsAlreadyCreditedThatDay is negative
   */
  public static CreditResult credit(
      SigninFacts facts, RuleVersion rules, long pointsAlreadyCreditedThatDay) {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(rules, "rules");
    if (pointsAlreadyCreditedThatDay < 0) {
      throw new IllegalArgumentException(
          "pointsAlreadyCreditedThatDay must be >= 0: " + pointsAlreadyCreditedThatDay);
    }
    CompiledRules compiled = CompiledRules.of(rules);
    CompiledRules.CompiledActivity a = compiled.activity(facts.activity());
    if (a == null) {
      return new CreditRejection(
          Reason.UNKNOWN_ACTIVITY,
          "activity '" + facts.activity() + "' is not in rules version " + rules.version());
    }
    ZonedDateTime in = facts.checkIn();
    ZonedDateTime out = facts.checkOut();
    long duration;
    long credited;
    if (a.hourBased) {
      if (out == null) {
        return new CreditRejection(
            Reason.NO_CHECKOUT,
            "no check-out for the check-in at " + format(in, null)
                + " (" + facts.activity() + " is counted by the hour)");
      }
      duration = elapsedMinutes(in, out);
      if (duration <= 0) {
        return new CreditRejection(Reason.BAD_INTERVAL, badInterval(in, out));
      }
      if (duration > rules.maxMinutes()) {
        return new CreditRejection(
            Reason.TOO_LONG,
            "lasted " + duration + " min, above the maximum of " + rules.maxMinutes() + " min");
      }
      credited = duration - duration % rules.roundingMinutes();
      if (credited < rules.minMinutes()) {
        String detail =
            credited == duration
                ? "lasted " + duration + " min, below the minimum of " + rules.minMinutes() + " min"
                : "lasted " + duration + " min, " + credited + " min after rounding down to "
                    + rules.roundingMinutes() + "-minute steps, below the minimum of "
                    + rules.minMinutes() + " min";
        return new CreditRejection(Reason.TOO_SHORT, detail);
      }
    } else {
      if (out == null) {
        duration = 0;
      } else {
        if (out.isBefore(in)) {
          return new CreditRejection(Reason.BAD_INTERVAL, badInterval(in, out));
        }
        duration = elapsedMinutes(in, out);
      }
      credited = 0;
    }

    LocalDate date = in.toLocalDate();
    CompiledRules.Outcome o = a.outcome(date);
    long before = a.hourBased ? o.hourPoints(credited) : o.eventPoints;
    long points = before;
    Long cap = rules.dailyPointsCap();
    if (cap != null) {
      long room = Math.max(0, cap - pointsAlreadyCreditedThatDay);
      points = Math.min(before, room);
    }
    return new CreditBreakdown(
        rules.version(),
        a.activity.key(),
        a.hourBased,
        duration,
        credited,
        rules.roundingMinutes(),
        a.activity.rate(),
        o.matched,
        o.factor,
        before,
        cap,
        pointsAlreadyCreditedThatDay,
        points,
        a.creditHours ? credited : 0);
  }

  /** Elapsed whole minutes from {@code in} to {@code out}, rounded down (towards −∞). */
  static long elapsedMinutes(ZonedDateTime in, ZonedDateTime out) {
    long seconds = out.toEpochSecond() - in.toEpochSecond();
    if (out.getNano() < in.getNano()) {
      seconds--;
    }
    return Math.floorDiv(seconds, 60);
  }

  private static String badInterval(ZonedDateTime in, ZonedDateTime out) {
    LocalDate day = in.toLocalDate();
    String o = format(out, day);
    String i = format(in, day);
    if (out.isBefore(in)) {
      return "check-out " + o + " is before check-in " + i;
    }
    if (out.isEqual(in)) {
      return "check-out " + o + " is the same as check-in " + i;
    }
    return "check-out " + o + " is less than a minute after check-in " + i;
  }

  /** The local time, with the date unless it is {@code sameDay}, with seconds only if any. */
  private static String format(ZonedDateTime t, LocalDate sameDay) {
    if (t.getNano() != 0) {
      // fractions as given, shortest form: 09:00:00.5 and 09:00:00.4 must not both read 09:00:00
      return (t.toLocalDate().equals(sameDay)
              ? java.time.format.DateTimeFormatter.ISO_LOCAL_TIME
              : java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .format(t);
    }
    boolean seconds = t.getSecond() != 0;
    if (t.toLocalDate().equals(sameDay)) {
      return (seconds ? TIME_SECONDS : TIME).format(t);
    }
    return (seconds ? DATE_TIME_SECONDS : DATE_TIME).format(t);
  }
}

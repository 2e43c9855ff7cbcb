package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A credited sign-in and why it earned what it earned: what the entry keeps so that a volunteer
 * can be told why. Built by {@link Accrual#credit}; immutable and thread-safe.
 *
 * @param ruleVersion the version of the rules applied
 * @param activity the activity key
 * @param hourBased true when the rate is per hour, false when it is per event
 * @param durationMinutes elapsed whole minutes from check-in to check-out (0 for an event without
 *     check-out)
 * @param creditedMinutes the duration rounded down to a multiple of {@code roundingMinutes} (0 for
 *     an event)
 * @param roundingMinutes the version's {@code rounding_minutes}
 * @param rate points per hour, or per event
 * @param multipliers the multipliers that applied, in the version's order
 * @param factor the exact product of their factors (1 when none applied)
 * @param pointsBeforeCap floor(credited × rate × factor / 60), or floor(rate × factor)
 * @param dailyPointsCap the version's daily cap, or null when it has none
 * @param pointsAlreadyCredited the member's points already credited that local day, as given
 * @param points the points credited, after the cap
 * @param minutesCredited the minutes credited: {@code creditedMinutes} when the activity credits
 *     hours, else 0
 */
public record CreditBreakdown(
    int ruleVersion,
    String activity,
    boolean hourBased,
    long durationMinutes,
    long creditedMinutes,
    int roundingMinutes,
    BigDecimal rate,
    List<MatchedMultiplier> multipliers,
    BigDecimal factor,
    long pointsBeforeCap,
    Long dailyPointsCap,
    long pointsAlreadyCredited,
    long points,
    long minutesCredited)
    implements CreditResult {

  /**
   * @throws NullPointerException when a required value is null
   * @throws IllegalArgumentException when points exceed the points before the cap or are negative
   */
  public CreditBreakdown {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(factor, "factor");
    multipliers = List.copyOf(multipliers); // a no-op copy for the lists Accrual shares
    if (points < 0 || points > pointsBeforeCap) {
      throw new IllegalArgumentException(
          "points must be within 0.." + pointsBeforeCap + ": " + points);
    }
  }

  @Override
  public boolean accepted() {
    return true;
  }

  /** True when the daily cap lowered the points. */
  public boolean capped() {
    return points < pointsBeforeCap;
  }

  /**
   * A one-line English explanation, e.g. {@code 2:00 elderly-care × 10/h × 1.5 weekend = 30}; it
   * says when rounding shortened the time, when the daily cap cut the points and when minutes are
   * not credited. Computed on each call; the fields are the source of truth.
   */
  public String explanation() {
    StringBuilder sb = new StringBuilder(64);
    if (hourBased) {
      if (durationMinutes != creditedMinutes) {
        sb.append(Texts.hoursMinutes(durationMinutes)).append(" rounded down to ");
      }
      sb.append(Texts.hoursMinutes(creditedMinutes)).append(' ').append(activity);
      sb.append(" × ").append(rate.toPlainString()).append("/h");
    } else {
      sb.append(activity).append(" × ").append(rate.toPlainString()).append("/event");
    }
    for (MatchedMultiplier m : multipliers) {
      sb.append(" × ").append(m.factor().toPlainString()).append(' ').append(m.name());
    }
    sb.append(" = ").append(pointsBeforeCap);
    if (capped()) {
      sb.append(", daily cap ").append(dailyPointsCap)
          .append(" with ").append(pointsAlreadyCredited).append(" already credited: ")
          .append(points);
    }
    if (hourBased && minutesCredited == 0 && creditedMinutes > 0) {
      sb.append(" (minutes not credited)");
    }
    return sb.toString();
  }
}

package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import org.huzhu.ledger.Reason;

/**
 * The contract's crediting steps written as plainly as possible, with BigDecimal throughout: the
 * model the fast {@link Accrual} is compared with.
 */
final class ReferenceAccrual {
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  /** Either the reason of a rejection or the points and minutes of a credit. */
  record Outcome(Reason rejected, long points, long minutesCredited, BigDecimal factor) {}

  private ReferenceAccrual() {}

  static Outcome credit(SigninFacts f, RuleVersion r, long already) {
    Activity a = r.activities().get(f.activity());
    if (a == null) {
      return new Outcome(Reason.UNKNOWN_ACTIVITY, 0, 0, null);
    }
    long credited;
    if (a.hourBased()) {
      if (f.checkOut() == null) {
        return new Outcome(Reason.NO_CHECKOUT, 0, 0, null);
      }
      Duration d = Duration.between(f.checkIn().toInstant(), f.checkOut().toInstant());
      BigDecimal exactMinutes = new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
      long duration = exactMinutes.divide(SIXTY, 0, RoundingMode.FLOOR).longValueExact();
      if (duration <= 0) {
        return new Outcome(Reason.BAD_INTERVAL, 0, 0, null);
      }
      if (duration > r.maxMinutes()) {
        return new Outcome(Reason.TOO_LONG, 0, 0, null);
      }
      credited = duration / r.roundingMinutes() * r.roundingMinutes();
      if (credited < r.minMinutes()) {
        return new Outcome(Reason.TOO_SHORT, 0, 0, null);
      }
    } else {
      if (f.checkOut() != null && f.checkOut().toInstant().isBefore(f.checkIn().toInstant())) {
        return new Outcome(Reason.BAD_INTERVAL, 0, 0, null);
      }
      credited = 0;
    }
    LocalDate date = f.checkIn().toLocalDate();
    BigDecimal factor = BigDecimal.ONE;
    for (Multiplier m : r.multipliers()) {
      if (m.holds(a.key(), date)) {
        factor = factor.multiply(m.factor());
      }
    }
    BigDecimal exact =
        a.hourBased()
            ? BigDecimal.valueOf(credited).multiply(a.pointsPerHour()).multiply(factor).divide(SIXTY, 0, RoundingMode.FLOOR)
            : a.pointsPerEvent().multiply(factor).setScale(0, RoundingMode.FLOOR);
    long points = exact.longValueExact();
    if (r.dailyPointsCap() != null) {
      points = Math.min(points, Math.max(0, r.dailyPointsCap() - already));
    }
    return new Outcome(null, points, a.creditHours() ? credited : 0, factor);
  }
}

package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * The static check that no sign-in can earn more than {@link RuleVersion#MAX_AMOUNT} points, so
 * that points always fit a {@code long} and absurd rules are refused when published rather than
 * when a sign-in is credited.
 */
final class Bounds {
  private static final BigDecimal MAX = BigDecimal.valueOf(RuleVersion.MAX_AMOUNT);
  private static final BigDecimal MAX_TIMES_60 = MAX.multiply(BigDecimal.valueOf(60));

  private Bounds() {}

  /**
   * The key of the first activity whose best case (the longest accepted sign-in, with every
   * applicable multiplier above 1) exceeds the bound, or null.
   */
  static String firstActivityAboveMaxAmount(
      int maxMinutes, Collection<Activity> activities, List<Multiplier> multipliers) {
    for (Activity a : activities) {
      // Exact: compare rate x minutes x factors with the bound x 60 rather than dividing.
      BigDecimal best = a.hourBased() ? a.rate().multiply(BigDecimal.valueOf(maxMinutes)) : a.rate();
      BigDecimal limit = a.hourBased() ? MAX_TIMES_60 : MAX;
      for (Multiplier m : multipliers) {
        if (m.factor().compareTo(BigDecimal.ONE) > 0
            && (m.activities() == null || m.activities().contains(a.key()))) {
          best = best.multiply(m.factor());
          if (best.compareTo(limit) > 0) {
            return a.key();
          }
        }
      }
      if (best.compareTo(limit) > 0) {
        return a.key();
      }
    }
    return null;
  }
}

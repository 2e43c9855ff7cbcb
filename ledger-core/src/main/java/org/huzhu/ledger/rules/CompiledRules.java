package org.huzhu.ledger.rules;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule version prepared for fast crediting.
 *
 * <p>Design: for each activity, the multipliers that can apply to it are known in advance; which
 * of them hold depends only on the check-in's local date, so a sign-in selects a bit mask. For up
 * to {@link #EAGER_MULTIPLIERS} applicable multipliers, every mask's outcome (matched list, exact
 * total factor, and rate × factor / 60 as a reduced fraction of longs) is computed once here, so
 * a credit costs a few comparisons, one multiply and one divide. The fraction is exact, so
 * {@code floor(credited × num / den)} equals the rational formula; when the product could overflow
 * a long, BigInteger takes over. Instances are immutable once built; the cache holds them by the
 * identity of their {@link RuleVersion}, weakly, so it is invisible to callers.
 */
final class CompiledRules {
  /** Beyond this many applicable multipliers an activity computes outcomes per credit. */
  static final int EAGER_MULTIPLIERS = 8;

  private static final BigInteger SIXTY = BigInteger.valueOf(60);

  private static final LoadingCache<RuleVersion, CompiledRules> CACHE =
      CacheBuilder.newBuilder()
          .weakKeys() // identity comparison: hashing a whole version per credit would be slow
          .maximumSize(256)
          .build(CacheLoader.from(CompiledRules::new));

  /** The last version compiled or looked up: most callers credit many rows under one version. */
  private static volatile CompiledRules last;

  final RuleVersion source;
  private final Map<String, CompiledActivity> activities;

  private CompiledRules(RuleVersion source) {
    this.source = source;
    Map<String, CompiledActivity> map = new HashMap<>();
    for (Activity a : source.activities().values()) {
      map.put(a.key(), new CompiledActivity(a, source.multipliers()));
    }
    this.activities = map;
  }

  static CompiledRules of(RuleVersion rules) {
    CompiledRules c = last;
    if (c != null && c.source == rules) {
      return c;
    }
    c = CACHE.getUnchecked(rules);
    last = c;
    return c;
  }

  CompiledActivity activity(String key) {
    return activities.get(key);
  }

  /** One activity with the conditions of the multipliers that may apply to it. */
  static final class CompiledActivity {
    final Activity activity;
    final boolean hourBased;
    final boolean creditHours;
    private final Multiplier[] applicable;
    private final int[] daysMask;
    private final Set<?>[] dates;
    private final long[] fromDay;
    private final long[] toDay;
    private final Outcome[] byMask;

    CompiledActivity(Activity a, List<Multiplier> all) {
      this.activity = a;
      this.hourBased = a.hourBased();
      this.creditHours = a.creditHours();
      List<Multiplier> list = new ArrayList<>();
      for (Multiplier m : all) {
        if (m.activities() == null || m.activities().contains(a.key())) {
          list.add(m);
        }
      }
      int k = list.size();
      applicable = list.toArray(new Multiplier[0]);
      daysMask = new int[k];
      dates = new Set<?>[k];
      fromDay = new long[k];
      toDay = new long[k];
      for (int i = 0; i < k; i++) {
        Multiplier m = applicable[i];
        int mask = 0;
        if (m.daysOfWeek() == null) {
          mask = 0x7F;
        } else {
          for (DayOfWeek d : m.daysOfWeek()) {
            mask |= 1 << d.ordinal();
          }
        }
        daysMask[i] = mask;
        dates[i] = m.dates();
        fromDay[i] = m.from() == null ? Long.MIN_VALUE : m.from().toEpochDay();
        toDay[i] = m.to() == null ? Long.MAX_VALUE : m.to().toEpochDay();
      }
      if (k <= EAGER_MULTIPLIERS) {
        byMask = new Outcome[1 << k];
        for (int mask = 0; mask < byMask.length; mask++) {
          List<Multiplier> matched = new ArrayList<>();
          for (int i = 0; i < k; i++) {
            if ((mask & (1 << i)) != 0) {
              matched.add(applicable[i]);
            }
          }
          byMask[mask] = new Outcome(a, matched);
        }
      } else {
        byMask = null;
      }
    }

    /** The multipliers' outcome for a check-in on {@code date}. */
    Outcome outcome(LocalDate date) {
      int k = applicable.length;
      if (k == 0) {
        return byMask[0];
      }
      int dayBit = 1 << date.getDayOfWeek().ordinal();
      long day = date.toEpochDay();
      if (byMask != null) {
        int mask = 0;
        for (int i = 0; i < k; i++) {
          if (holds(i, dayBit, date, day)) {
            mask |= 1 << i;
          }
        }
        return byMask[mask];
      }
      List<Multiplier> matched = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        if (holds(i, dayBit, date, day)) {
          matched.add(applicable[i]);
        }
      }
      return new Outcome(activity, matched);
    }

    private boolean holds(int i, int dayBit, LocalDate date, long day) {
      return (daysMask[i] & dayBit) != 0
          && day >= fromDay[i]
          && day <= toDay[i]
          && (dates[i] == null || dates[i].contains(date));
    }
  }

  /** What a set of matched multipliers does to one activity's rate. */
  static final class Outcome {
    final List<MatchedMultiplier> matched;
    final BigDecimal factor;
    /** Reduced fraction of points per credited minute (hour-based), when both fit a long. */
    private final long num;
    private final long den;
    /** Largest credited minutes for which {@code credited * num} cannot overflow; -1: never. */
    private final long maxFastCredited;
    private final BigInteger bigNum;
    private final BigInteger bigDen;
    /** Points of an event-based activity: floor(rate × factor). */
    final long eventPoints;

    Outcome(Activity a, List<Multiplier> multipliers) {
      List<MatchedMultiplier> names = new ArrayList<>(multipliers.size());
      BigDecimal f = BigDecimal.ONE;
      for (Multiplier m : multipliers) {
        names.add(new MatchedMultiplier(m.name(), m.factor()));
        f = f.multiply(m.factor());
      }
      this.matched = List.copyOf(names);
      this.factor = Decimals.normalize(f);
      BigDecimal product = a.rate().multiply(f); // exact; scale >= 0 as inputs are normalized
      if (a.hourBased()) {
        BigInteger n = product.unscaledValue();
        BigInteger d = SIXTY.multiply(BigInteger.TEN.pow(product.scale()));
        BigInteger g = n.gcd(d);
        if (g.signum() > 0) {
          n = n.divide(g);
          d = d.divide(g);
        }
        bigNum = n;
        bigDen = d;
        if (n.bitLength() < 63 && d.bitLength() < 63) {
          num = n.longValue();
          den = d.longValue();
          maxFastCredited = num == 0 ? Long.MAX_VALUE : Long.MAX_VALUE / num;
        } else {
          num = 0;
          den = 1;
          maxFastCredited = -1;
        }
        eventPoints = 0;
      } else {
        bigNum = null;
        bigDen = null;
        num = 0;
        den = 1;
        maxFastCredited = -1;
        // Bounds guarantees the result fits; longValueExact would say otherwise.
        eventPoints = product.setScale(0, RoundingMode.FLOOR).longValueExact();
      }
    }

    /** floor(credited × rate × factor / 60) for credited ≥ 0. */
    long hourPoints(long credited) {
      if (credited <= maxFastCredited) {
        return credited * num / den; // both non-negative: integer division is the floor
      }
      return BigInteger.valueOf(credited).multiply(bigNum).divide(bigDen).longValueExact();
    }
  }
}

package org.huzhu.ledger.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of the accrual rules, as published from a {@code rules.json} file.
 *
 * <p>Two versions are {@linkplain #equals equal} exactly when their parsed values are: decimals
 * compare as numbers (they are normalized), activities by key, multipliers in file order.
 * Optional values are nullable: a null {@link #dailyPointsCap()} means no cap, a null {@link
 * #pointsExpireMonths()} means points never expire. Immutable and thread-safe.
 *
 * @param version the version number, ≥ 1; each published version is above the last
 * @param effectiveFrom the first local check-in date the version applies to
 * @param roundingMinutes credited minutes are a multiple of this, ≥ 1 (default 1)
 * @param minMinutes credits below this are {@code too-short}, ≥ 0 (default 0)
 * @param maxMinutes durations above this are {@code too-long}, ≥ 1 (default 1440)
 * @param dailyPointsCap points per member and local day, ≥ 0, or null for no cap
 * @param pointsExpireMonths months a lot may be spent, ≥ 1, or null for no expiry
 * @param hoursCreditLimitMinutes how far below 0 a member's minutes may go, ≥ 0 (default 0)
 * @param activities the activities by key (sorted; each value's key equals its map key)
 * @param multipliers the multipliers in file order, names unique
 */
public record RuleVersion(
    int version,
    LocalDate effectiveFrom,
    int roundingMinutes,
    int minMinutes,
    int maxMinutes,
    Long dailyPointsCap,
    Integer pointsExpireMonths,
    long hoursCreditLimitMinutes,
    SortedMap<String, Activity> activities,
    List<Multiplier> multipliers) {

  /** Default {@code rounding_minutes}. */
  public static final int DEFAULT_ROUNDING_MINUTES = 1;
  /** Default {@code min_minutes}. */
  public static final int DEFAULT_MIN_MINUTES = 0;
  /** Default {@code max_minutes}. */
  public static final int DEFAULT_MAX_MINUTES = 1440;
  /** Default {@code hours_credit_limit_minutes}. */
  public static final long DEFAULT_HOURS_CREDIT_LIMIT_MINUTES = 0;

  /**
   * Upper bound on amounts in a version ({@code daily_points_cap}, {@code
   * hours_credit_limit_minutes}) and on the points one sign-in can earn: the contract's limit on
   * every amount. It also keeps every credit inside a {@code long}.
   */
  public static final long MAX_AMOUNT = 1_000_000_000_000L;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the field and value when a value is out of range, a
   *     map key differs from its activity's key, a multiplier names an unknown activity, two
   *     multipliers share a name, or one sign-in could earn more than {@link #MAX_AMOUNT} points
   * @throws NullPointerException when a required value is null
   */
  public RuleVersion {
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(multipliers, "multipliers");
    atLeast("version", version, 1);
    atLeast("roundingMinutes", roundingMinutes, 1);
    atLeast("minMinutes", minMinutes, 0);
    atLeast("maxMinutes", maxMinutes, 1);
    if (dailyPointsCap != null) {
      atLeast("dailyPointsCap", dailyPointsCap, 0);
      atMost("dailyPointsCap", dailyPointsCap, MAX_AMOUNT);
    }
    if (pointsExpireMonths != null) {
      atLeast("pointsExpireMonths", pointsExpireMonths, 1);
    }
    atLeast("hoursCreditLimitMinutes", hoursCreditLimitMinutes, 0);
    atMost("hoursCreditLimitMinutes", hoursCreditLimitMinutes, MAX_AMOUNT);
    if (activities.isEmpty()) {
      throw new IllegalArgumentException("activities must not be empty");
    }
    TreeMap<String, Activity> acts = new TreeMap<>();
    for (Map.Entry<String, Activity> e : activities.entrySet()) {
      Activity a = Objects.requireNonNull(e.getValue(), "activity " + e.getKey());
      if (!a.key().equals(e.getKey())) {
        throw new IllegalArgumentException(
            "activities: key '" + e.getKey() + "' holds activity '" + a.key() + "'");
      }
      acts.put(e.getKey(), a);
    }
    activities = Collections.unmodifiableSortedMap(acts);
    multipliers = List.copyOf(multipliers);
    Set<String> names = new HashSet<>();
    for (Multiplier m : multipliers) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException("multipliers: duplicate name '" + m.name() + "'");
      }
      if (m.activities() != null) {
        for (String a : m.activities()) {
          if (!acts.containsKey(a)) {
            throw new IllegalArgumentException(
                "multiplier " + m.name() + ": activity '" + a + "' is not defined");
          }
        }
      }
    }
    String tooRich = Bounds.firstActivityAboveMaxAmount(maxMinutes, acts.values(), multipliers);
    if (tooRich != null) {
      throw new IllegalArgumentException(
          "activity " + tooRich + ": one sign-in could earn more than " + MAX_AMOUNT + " points");
    }
  }

  private static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ": " + value);
    }
  }

  private static void atMost(String field, long value, long max) {
    if (value > max) {
      throw new IllegalArgumentException(field + " must be <= " + max + ": " + value);
    }
  }

  /**
   * A version with the contract's defaults: rounding 1, min 0, max 1440, no cap, no expiry,
   * credit limit 0, no multipliers.
   */
  public static RuleVersion withDefaults(
      int version, LocalDate effectiveFrom, List<Activity> activities) {
    return builder(version, effectiveFrom).activities(activities).build();
  }

  /** A builder starting from the defaults, for tests and programmatic use. */
  public static Builder builder(int version, LocalDate effectiveFrom) {
    return new Builder(version, effectiveFrom);
  }

  /** The activity with that key, or null. */
  public Activity activity(String key) {
    return activities.get(key);
  }

  /** Builds a {@link RuleVersion}; not thread-safe. Every setter returns the builder. */
  public static final class Builder {
    private final int version;
    private final LocalDate effectiveFrom;
    private int roundingMinutes = DEFAULT_ROUNDING_MINUTES;
    private int minMinutes = DEFAULT_MIN_MINUTES;
    private int maxMinutes = DEFAULT_MAX_MINUTES;
    private Long dailyPointsCap;
    private Integer pointsExpireMonths;
    private long hoursCreditLimitMinutes = DEFAULT_HOURS_CREDIT_LIMIT_MINUTES;
    private final TreeMap<String, Activity> activities = new TreeMap<>();
    private final List<Multiplier> multipliers = new ArrayList<>();

    private Builder(int version, LocalDate effectiveFrom) {
      this.version = version;
      this.effectiveFrom = effectiveFrom;
    }

    /** Sets {@code rounding_minutes}. */
    public Builder roundingMinutes(int v) {
      roundingMinutes = v;
      return this;
    }

    /** Sets {@code min_minutes}. */
    public Builder minMinutes(int v) {
      minMinutes = v;
      return this;
    }

    /** Sets {@code max_minutes}. */
    public Builder maxMinutes(int v) {
      maxMinutes = v;
      return this;
    }

    /** Sets {@code daily_points_cap}; null for none. */
    public Builder dailyPointsCap(Long v) {
      dailyPointsCap = v;
      return this;
    }

    /** Sets {@code points_expire_months}; null for none. */
    public Builder pointsExpireMonths(Integer v) {
      pointsExpireMonths = v;
      return this;
    }

    /** Sets {@code hours_credit_limit_minutes}. */
    public Builder hoursCreditLimitMinutes(long v) {
      hoursCreditLimitMinutes = v;
      return this;
    }

    /** Adds activities (a later one replaces an earlier one with the same key). */
    public Builder activities(List<Activity> list) {
      list.forEach(a -> activities.put(a.key(), a));
      return this;
    }

    /** Adds an activity. */
    public Builder activity(Activity a) {
      activities.put(a.key(), a);
      return this;
    }

    /** Appends a multiplier. */
    public Builder multiplier(Multiplier m) {
      multipliers.add(m);
      return this;
    }

    /**
     * The version.
     *
     * @throws IllegalArgumentException as the {@link RuleVersion} constructor does
     */
    public RuleVersion build() {
      return new RuleVersion(
          version,
          effectiveFrom,
          roundingMinutes,
          minMinutes,
          maxMinutes,
          dailyPointsCap,
          pointsExpireMonths,
          hoursCreditLimitMinutes,
          activities,
          multipliers);
    }
  }
}

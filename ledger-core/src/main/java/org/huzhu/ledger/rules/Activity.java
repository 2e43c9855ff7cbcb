package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One activity of a rule version: either hour-based ({@code points_per_hour}) or event-based
 * ({@code points_per_event}), never both.
 *
 * <p>Rates are normalized (trailing zeros stripped), so {@code 10} and {@code 10.0} are equal.
 * An event-based activity never credits minutes, so its {@code creditHours} is always false.
 * Immutable and thread-safe.
 *
 * @param key the activity key used in sign-in files, matching {@code [A-Za-z0-9._-]{1,64}}
 * @param name a display name (the key when the file gave none)
 * @param pointsPerHour the hourly rate, ≥ 0, or null for an event-based activity
 * @param pointsPerEvent the per-event rate, ≥ 0, or null for an hour-based activity
 * @param creditHours whether credited minutes post to the member (hour-based only)
 */
public record Activity(
    String key, String name, BigDecimal pointsPerHour, BigDecimal pointsPerEvent, boolean creditHours) {

  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Validates and normalizes.
   *
   * @throws IllegalArgumentException naming the field and value when a value is out of range
   * @throws NullPointerException when key or name is null
   */
  public Activity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("key must match [A-Za-z0-9._-]{1,64}: '" + key + "'");
    }
    String why = checkName(name);
    if (why != null) {
      throw new IllegalArgumentException("activity " + key + ": name " + why);
    }
    if ((pointsPerHour == null) == (pointsPerEvent == null)) {
      throw new IllegalArgumentException(
          "activity " + key + ": exactly one of pointsPerHour and pointsPerEvent must be given: "
              + pointsPerHour + ", " + pointsPerEvent);
    }
    if (pointsPerHour != null) {
      pointsPerHour = nonNegative("pointsPerHour", key, pointsPerHour);
    } else {
      pointsPerEvent = nonNegative("pointsPerEvent", key, pointsPerEvent);
      if (creditHours) {
        throw new IllegalArgumentException(
            "activity " + key + ": creditHours must be false for an event-based activity");
      }
    }
  }

  static final int MAX_NAME_LENGTH = 200;

  /** Why {@code name} is not a valid display name, or null when it is. */
  static String checkName(String name) {
    if (name.isBlank()) {
      return "must not be blank (omit it to use the key)";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "must be at most " + MAX_NAME_LENGTH + " characters";
    }
    return Texts.isCleanText(name) ? null : "must not contain control characters or lone surrogates";
  }

  private static BigDecimal nonNegative(String field, String key, BigDecimal v) {
    if (v.signum() < 0) {
      throw new IllegalArgumentException(
          "activity " + key + ": " + field + " must be >= 0: " + v.toPlainString());
    }
    return Decimals.normalize(v);
  }

  /** An hour-based activity that credits its minutes. */
  public static Activity perHour(String key, String name, BigDecimal pointsPerHour) {
    return new Activity(key, name, pointsPerHour, null, true);
  }

  /** An event-based activity. */
  public static Activity perEvent(String key, String name, BigDecimal pointsPerEvent) {
    return new Activity(key, name, null, pointsPerEvent, false);
  }

  /** True for {@code points_per_hour}, false for {@code points_per_event}. */
  public boolean hourBased() {
    return pointsPerHour != null;
  }

  /** The rate: points per hour when {@link #hourBased()}, else points per event. */
  public BigDecimal rate() {
    return pointsPerHour != null ? pointsPerHour : pointsPerEvent;
  }
}

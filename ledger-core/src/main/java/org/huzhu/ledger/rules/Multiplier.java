package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A multiplier of a rule version: its factor applies to a sign-in when every condition it gives
 * holds for the check-in's local date and the activity. A null condition is not given (holds
 * always); a given set is never empty. A multiplier without conditions applies to every sign-in.
 *
 * <p>Sets are copied into sorted unmodifiable sets, so iteration and {@code toString} are
 * deterministic. Immutable and thread-safe.
 *
 * @param name unique within the version; 1 to 64 characters, no control characters
 * @param daysOfWeek the days on which it holds, or null
 * @param dates the local dates on which it holds, or null
 * @param activities the activity keys for which it holds, or null
 * @param from the first date on which it holds, or null
 * @param to the last date on which it holds (inclusive), or null
 * @param factor the factor, &gt; 0, normalized (trailing zeros stripped)
 */
public record Multiplier(
    String name,
    Set<DayOfWeek> daysOfWeek,
    Set<LocalDate> dates,
    Set<String> activities,
    LocalDate from,
    LocalDate to,
    BigDecimal factor) {

  static final int MAX_NAME_LENGTH = 64;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException naming the field and value when a value is out of range
   * @throws NullPointerException when name, factor or a set element is null
   */
  public Multiplier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factor, "factor");
    String why = checkName(name);
    if (why != null) {
      throw new IllegalArgumentException("multiplier name " + why + ": '" + name + "'");
    }
    if (factor.signum() <= 0) {
      throw new IllegalArgumentException(
          "multiplier " + name + ": factor must be > 0: " + factor.toPlainString());
    }
    factor = Decimals.normalize(factor);
    daysOfWeek = sorted(name, "daysOfWeek", daysOfWeek);
    dates = sorted(name, "dates", dates);
    activities = sorted(name, "activities", activities);
    if (activities != null) {
      for (String a : activities) {
        if (!Activity.KEY.matcher(a).matches()) {
          throw new IllegalArgumentException(
              "multiplier " + name + ": activities: not an activity key: '" + a + "'");
        }
      }
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException(
          "multiplier " + name + ": from " + from + " is after to " + to);
    }
  }

  /** Why {@code name} is not a valid multiplier name, or null when it is. */
  static String checkName(String name) {
    if (name.isBlank()) {
      return "must not be blank";
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return "must be at most " + MAX_NAME_LENGTH + " characters";
    }
    return Texts.isCleanText(name) ? null : "must not contain control characters or lone surrogates";
  }

  private static <T extends Comparable<? super T>> SortedSet<T> sorted(
      String name, String field, Set<T> set) {
    if (set == null) {
      return null;
    }
    if (set.isEmpty()) {
      throw new IllegalArgumentException(
          "multiplier " + name + ": " + field + " must not be empty (null means no condition)");
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(set));
  }

  /** A multiplier without conditions other than the ones set with the {@code with*} methods. */
  public static Multiplier always(String name, BigDecimal factor) {
    return new Multiplier(name, null, null, null, null, null, factor);
  }

  /** This multiplier restricted to the given days of the week. */
  public Multiplier withDaysOfWeek(Set<DayOfWeek> days) {
    return new Multiplier(name, days, dates, activities, from, to, factor);
  }

  /** This multiplier restricted to the given local dates. */
  public Multiplier withDates(Set<LocalDate> newDates) {
    return new Multiplier(name, daysOfWeek, newDates, activities, from, to, factor);
  }

  /** This multiplier restricted to the given activities. */
  public Multiplier withActivities(Set<String> keys) {
    return new Multiplier(name, daysOfWeek, dates, keys, from, to, factor);
  }

  /** This multiplier restricted to dates from {@code first} to {@code last} inclusive (each may be null). */
  public Multiplier withPeriod(LocalDate first, LocalDate last) {
    return new Multiplier(name, daysOfWeek, dates, activities, first, last, factor);
  }

  /**
   * Whether every given condition holds for a sign-in of {@code activity} checked in on the local
   * date {@code date}.
   */
  public boolean holds(String activity, LocalDate date) {
    return (daysOfWeek == null || daysOfWeek.contains(date.getDayOfWeek()))
        && (dates == null || dates.contains(date))
        && (activities == null || activities.contains(activity))
        && (from == null || !date.isBefore(from))
        && (to == null || !date.isAfter(to));
  }
}

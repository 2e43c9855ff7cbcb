package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A member's points from sign-in credits per local check-in date (for the daily cap), sorted by
 * date. A date stays once it has been credited, even when reversals bring it back to 0.
 *
 * <p>Kept in two parallel arrays rather than a map: a ledger has a million member-days a year, and
 * a map of boxed values spends about 50 bytes on each where the arrays spend 12. Credits mostly
 * arrive in date order, so adding is usually an append.
 */
final class DayPoints {
  private int[] days = new int[0];
  private long[] points = new long[0];
  private int size;

  DayPoints copy() {
    DayPoints c = new DayPoints();
    // with room for the day a transaction usually adds
    c.days = Arrays.copyOf(days, size + 1);
    c.points = Arrays.copyOf(points, size + 1);
    c.size = size;
    return c;
  }

  int size() {
    return size;
  }

  LocalDate day(int i) {
    return LocalDate.ofEpochDay(days[i]);
  }

  long points(int i) {
    return points[i];
  }

  /** The points credited for {@code day}, 0 when none. */
  long on(LocalDate day) {
    int at = find(day);
    return at < 0 ? 0 : points[at];
  }

  /** Adds {@code delta} (negative for a reversal) to {@code day}'s points. */
  void add(LocalDate day, long delta) {
    int at = find(day);
    if (at < 0) {
      at = -at - 1;
      if (size == days.length) {
        int grown = Math.max(4, size + (size >> 1));
        days = Arrays.copyOf(days, grown);
        points = Arrays.copyOf(points, grown);
      }
      System.arraycopy(days, at, days, at + 1, size - at);
      System.arraycopy(points, at, points, at + 1, size - at);
      days[at] = Math.toIntExact(day.toEpochDay());
      points[at] = 0;
      size++;
    }
    points[at] = Math.addExact(points[at], delta);
  }

  private int find(LocalDate day) {
    int d = Math.toIntExact(day.toEpochDay());
    if (size > 0 && days[size - 1] < d) {
      return -size - 1;
    }
    return Arrays.binarySearch(days, 0, size, d);
  }
}

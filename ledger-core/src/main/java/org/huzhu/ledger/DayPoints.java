package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A member's points from sign-in credits per local check-in date (for the daily cap), sorted by
 * date. A date stays once it has been credited, even when reversals bring it back to 0.
 *
 * <p>Kept in one array of (epoch day, points) pairs rather than a map: a ledger has a million
 * member-days a year, and a map of boxed values spends about 50 bytes on each where the pairs spend
 * 8, as ints while every day's points fit one, and 16 as longs once one does not. Credits mostly
 * arrive in date order, so adding is usually an append. A {@link #copy} shares the array until
 * either side changes it.
 */
final class DayPoints {
  private static final int[] NO_INTS = {};

  /** Day and points of each date, in ints; null once {@link #wide} holds them as longs. */
  private int[] narrow = NO_INTS;
  private long[] wide;
  private int size;
  /** Whether the array is shared with a copy, and must be copied before it is changed. */
  private boolean shared;

  DayPoints copy() {
    DayPoints c = new DayPoints();
    c.narrow = narrow;
    c.wide = wide;
    c.size = size;
    c.shared = true;
    shared = true;
    return c;
  }

  int size() {
    return size;
  }

  LocalDate day(int i) {
    return LocalDate.ofEpochDay(dayAt(i));
  }

  long points(int i) {
    return narrow != null ? narrow[2 * i + 1] : wide[2 * i + 1];
  }

  /** The points credited for {@code day}, 0 when none. */
  long on(LocalDate day) {
    int at = find(day);
    return at < 0 ? 0 : points(at);
  }

  /** Adds {@code delta} (negative for a reversal) to {@code day}'s points. */
  void add(LocalDate day, long delta) {
    int at = find(day);
    long sum;
    if (at < 0) {
      at = -at - 1;
      writable(size + 1);
      if (narrow != null) {
        System.arraycopy(narrow, 2 * at, narrow, 2 * at + 2, 2 * (size - at));
        narrow[2 * at] = Math.toIntExact(day.toEpochDay());
      } else {
        System.arraycopy(wide, 2 * at, wide, 2 * at + 2, 2 * (size - at));
        wide[2 * at] = day.toEpochDay();
      }
      size++;
      sum = delta;
    } else {
      sum = Math.addExact(points(at), delta);
      writable(size);
    }
    if (narrow != null && sum != (int) sum) {
      widen();
    }
    if (narrow != null) {
      narrow[2 * at + 1] = (int) sum;
    } else {
      wide[2 * at + 1] = sum;
    }
  }

  private long dayAt(int i) {
    return narrow != null ? narrow[2 * i] : wide[2 * i];
  }

  private int find(LocalDate day) {
    int d = Math.toIntExact(day.toEpochDay());
    if (size > 0 && dayAt(size - 1) < d) {
      return -size - 1;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long m = dayAt(mid);
      if (m < d) {
        lo = mid + 1;
      } else if (m > d) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private void widen() {
    long[] w = new long[narrow.length];
    for (int i = 0; i < narrow.length; i++) {
      w[i] = narrow[i];
    }
    wide = w;
    narrow = null;
  }

  /** Makes room for {@code days} days in all, no more: a checkpoint says how many it holds. */
  void reserve(int days) {
    int length = narrow != null ? narrow.length : wide.length;
    if (2 * days > length) {
      if (narrow != null) {
        narrow = Arrays.copyOf(narrow, 2 * days);
      } else {
        wide = Arrays.copyOf(wide, 2 * days);
      }
      shared = false;
    }
  }

  /** Makes the array this instance's own, with room for {@code days} days. */
  private void writable(int days) {
    int length = narrow != null ? narrow.length : wide.length;
    if (!shared && 2 * days <= length) {
      return;
    }
    int room = 2 * days <= length ? length : 2 * Math.max(4, days + (days >> 1));
    if (narrow != null) {
      narrow = Arrays.copyOf(narrow, room);
    } else {
      wide = Arrays.copyOf(wide, room);
    }
    shared = false;
  }
}

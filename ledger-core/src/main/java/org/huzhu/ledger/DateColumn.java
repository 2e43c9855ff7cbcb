package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A column of dates that costs a char a row: the day's number since 1970-01-01, up to 2149. A date
 * outside that range, or null, is kept in a map beside, its row holding a mark. The dates it gives
 * back are the instances {@link Fold#day} shares. Not thread-safe.
 */
final class DateColumn {
  /** The mark of a row whose date is in {@link #elsewhere}. */
  private static final char ELSEWHERE = Character.MAX_VALUE;
  /** The shared instance of each day a char can hold, made when first asked for. */
  private static final LocalDate[] DAYS = new LocalDate[ELSEWHERE];

  private char[] days;
  private final Map<Integer, LocalDate> elsewhere = new HashMap<>();

  DateColumn(int capacity) {
    days = new char[capacity];
  }

  LocalDate get(int row) {
    char d = days[row];
    if (d == ELSEWHERE) {
      return elsewhere.get(row);
    }
    LocalDate day = DAYS[d];
    if (day == null) {
      // A race only makes the same shared instance twice: LocalDate is immutable.
      day = Fold.day(LocalDate.ofEpochDay(d));
      DAYS[d] = day;
    }
    return day;
  }

  void set(int row, LocalDate date) {
    long d = date == null ? -1 : date.toEpochDay();
    if (d >= 0 && d < ELSEWHERE) {
      if (days[row] == ELSEWHERE) {
        elsewhere.remove(row);
      }
      days[row] = (char) d;
    } else {
      days[row] = ELSEWHERE;
      elsewhere.put(row, date);
    }
  }

  /** Keeps the first {@code capacity} rows, or adds rows of 1970-01-01 up to it. */
  void resize(int capacity) {
    if (capacity < days.length) {
      elsewhere.keySet().removeIf(row -> row >= capacity);
    }
    days = Arrays.copyOf(days, capacity);
  }
}

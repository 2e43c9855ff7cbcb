package org.huzhu.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A column of longs that costs a char a row while every value is a small count (points or minutes
 * of a credit), then an int a row: the first value outside a char's range turns the whole column
 * into ints, and a value that does not fit an int either (a seq past two billion, points a rule
 * made huge) is kept in a map beside, its row holding a mark. Not thread-safe.
 */
final class LongColumn {
  /** The mark of a row whose value is in {@link #wide}; a value equal to it is kept there too. */
  private static final int WIDE = Integer.MIN_VALUE;
  /** The largest value a char row holds. */
  private static final int CHAR_MAX = Character.MAX_VALUE;

  /** The rows while all are small, else null. */
  private char[] small;
  /** The rows once one was not small, else null. */
  private int[] values;
  private final Map<Integer, Long> wide = new HashMap<>();

  /**
   * @param capacity the rows to start with
   * @param small whether the values are expected to be small counts (else ints from the start)
   */
  LongColumn(int capacity, boolean small) {
    if (small) {
      this.small = new char[capacity];
    } else {
      values = new int[capacity];
    }
  }

  long get(int row) {
    if (small != null) {
      return small[row];
    }
    int v = values[row];
    return v != WIDE ? v : wide.get(row);
  }

  void set(int row, long value) {
    if (small != null) {
      if (value >= 0 && value <= CHAR_MAX) {
        small[row] = (char) value;
        return;
      }
      values = new int[small.length];
      for (int i = 0; i < small.length; i++) {
        values[i] = small[i];
      }
      small = null;
    }
    if (value != WIDE && value == (int) value) {
      if (values[row] == WIDE) {
        wide.remove(row);
      }
      values[row] = (int) value;
    } else {
      values[row] = WIDE;
      wide.put(row, value);
    }
  }

  /** Keeps the first {@code capacity} rows, or adds rows of 0 up to it. */
  void resize(int capacity) {
    if (small != null) {
      small = Arrays.copyOf(small, capacity);
      return;
    }
    if (capacity < values.length) {
      wide.keySet().removeIf(row -> row >= capacity);
    }
    values = Arrays.copyOf(values, capacity);
  }
}

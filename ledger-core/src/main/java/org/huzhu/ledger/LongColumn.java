package org.huzhu.ledger;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A column of longs that costs an int a row: a value that does not fit one (a seq past two billion,
 * points a rule made huge) is kept in a map beside, and its row holds a mark. Not thread-safe.
 */
final class LongColumn {
  /** The mark of a row whose value is in {@link #wide}; a value equal to it is kept there too. */
  private static final int WIDE = Integer.MIN_VALUE;

  private int[] values;
  private final Map<Integer, Long> wide = new HashMap<>();

  LongColumn(int capacity) {
    values = new int[capacity];
  }

  long get(int row) {
    int v = values[row];
    return v != WIDE ? v : wide.get(row);
  }

  void set(int row, long value) {
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
    if (capacity < values.length) {
      wide.keySet().removeIf(row -> row >= capacity);
    }
    values = Arrays.copyOf(values, capacity);
  }
}

package org.huzhu.ledger;

import java.util.Arrays;

/**
 * A member's unreversed hour-based credit intervals, half-open, in nanoseconds since the epoch,
 * sorted by start and pairwise disjoint (the ledger refuses overlaps), each with its credit's seq.
 *
 * <p>Kept in one array rather than a sorted map: a member has hundreds of credits a year and a
 * ledger millions, and a map spends three objects and about 100 bytes on each interval. Each
 * interval is three ints in a row (start, end, seq) while every time is a whole second between 1932
 * and 2068 and every seq fits an int, as sign-in sheets give them: 12 bytes. The first value that
 * does not fit turns the member's array into longs, nanoseconds since the epoch, 24 bytes each.
 * Sign-ins mostly arrive in time order, so adding is usually an append.
 *
 * <p>A {@link #copy} shares the array until either side changes it: most commands work on a copy of
 * their member and never touch its intervals.
 */
final class Intervals {
  /** 2000-01-01T00:00Z in seconds since the epoch: the narrow form counts seconds from it. */
  private static final long BASE_SECOND = 946_684_800L;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final int[] NO_INTS = {};

  /** Start, end and seq of each interval while all fit ints; null once {@link #wide} holds them. */
  private int[] narrow = NO_INTS;
  private long[] wide;
  private int size;
  /** Whether the array is shared with a copy, and must be copied before it is changed. */
  private boolean shared;

  Intervals copy() {
    Intervals c = new Intervals();
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

  long start(int i) {
    return value(3 * i);
  }

  long end(int i) {
    return value(3 * i + 1);
  }

  long creditSeq(int i) {
    return narrow != null ? narrow[3 * i + 2] : wide[3 * i + 2];
  }

  /** Adds an interval; one with the same start is replaced. */
  void add(long start, long end, long creditSeq) {
    int at = size == 0 || start(size - 1) < start ? size : search(start);
    if (at >= 0 && at < size) {
      writable(size);
      put(at, start, end, creditSeq);
      return;
    }
    if (at < 0) {
      at = -at - 1;
    }
    writable(size + 1);
    move(at, at + 1, size - at);
    size++;
    put(at, start, end, creditSeq);
  }

  /**
   * Removes the interval of the credit {@code creditSeq}, if any. A walk rather than a search: the
   * index keeps no check-in of its credits, and a member's intervals are few enough.
   */
  void removeCredit(long creditSeq) {
    int at = size - 1;
    while (at >= 0 && creditSeq(at) != creditSeq) {
      at--;
    }
    if (at < 0) {
      return;
    }
    writable(size);
    move(at + 1, at, size - at - 1);
    size--;
  }

  /**
   * The index of an interval intersecting [start, end) other than the credit {@code ownSeq}'s, or -1. Because
   * the intervals are disjoint, their ends are sorted too, so the walk back from the last interval
   * starting before {@code end} stops at the first one that ends by {@code start}.
   */
  int overlapping(long start, long end, long ownSeq) {
    int i = search(end);
    // the last interval whose start is before end
    i = i >= 0 ? i - 1 : -i - 2;
    for (; i >= 0; i--) {
      if (end(i) <= start) {
        return -1;
      }
      if (creditSeq(i) != ownSeq) {
        return i;
      }
    }
    return -1;
  }

  /** As {@link Arrays#binarySearch(long[], long)} over the starts. */
  private int search(long start) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long s = start(mid);
      if (s < start) {
        lo = mid + 1;
      } else if (s > start) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private long value(int at) {
    return narrow != null ? (BASE_SECOND + narrow[at]) * NANOS_PER_SECOND : wide[at];
  }

  private void put(int i, long start, long end, long creditSeq) {
    if (narrow != null) {
      long s = seconds(start);
      long e = seconds(end);
      if (s != (int) s || e != (int) e || creditSeq != (int) creditSeq) {
        widen();
      } else {
        narrow[3 * i] = (int) s;
        narrow[3 * i + 1] = (int) e;
        narrow[3 * i + 2] = (int) creditSeq;
        return;
      }
    }
    wide[3 * i] = start;
    wide[3 * i + 1] = end;
    wide[3 * i + 2] = creditSeq;
  }

  /** Seconds since {@link #BASE_SECOND}, or a value that is no int when the time has a fraction. */
  private static long seconds(long nanos) {
    return nanos % NANOS_PER_SECOND == 0 ? nanos / NANOS_PER_SECOND - BASE_SECOND : Long.MAX_VALUE;
  }

  private void widen() {
    long[] w = new long[narrow.length];
    for (int i = 0; i < narrow.length; i++) {
      w[i] = i % 3 == 2 ? narrow[i] : (BASE_SECOND + narrow[i]) * NANOS_PER_SECOND;
    }
    wide = w;
    narrow = null;
  }

  /** Makes room for {@code intervals} intervals in all, no more: a checkpoint says how many it holds. */
  void reserve(int intervals) {
    int length = narrow != null ? narrow.length : wide.length;
    if (3 * intervals > length) {
      if (narrow != null) {
        narrow = Arrays.copyOf(narrow, 3 * intervals);
      } else {
        wide = Arrays.copyOf(wide, 3 * intervals);
      }
      shared = false;
    }
  }

  /** Makes the array this instance's own, with room for {@code intervals}. */
  private void writable(int intervals) {
    int length = narrow != null ? narrow.length : wide.length;
    if (!shared && 3 * intervals <= length) {
      return;
    }
    int room = 3 * intervals <= length ? length : 3 * Math.max(4, intervals + (intervals >> 1));
    if (narrow != null) {
      narrow = Arrays.copyOf(narrow, room);
    } else {
      wide = Arrays.copyOf(wide, room);
    }
    shared = false;
  }

  /** Moves {@code n} intervals from {@code from} to {@code to}; the ranges may overlap. */
  private void move(int from, int to, int n) {
    if (narrow != null) {
      System.arraycopy(narrow, 3 * from, narrow, 3 * to, 3 * n);
    } else {
      System.arraycopy(wide, 3 * from, wide, 3 * to, 3 * n);
    }
  }
}

package org.huzhu.ledger;

import java.util.Arrays;

/**
 * A member's unreversed hour-based credit intervals, half-open, in nanoseconds since the epoch,
 * sorted by start and pairwise disjoint (the ledger refuses overlaps), each with its credit's seq.
 *
 * <p>Kept in parallel arrays rather than a sorted map: a member has hundreds of credits a year and a
 * ledger millions, and a map spends three objects and about 100 bytes on each interval, where the
 * arrays spend 20. Sign-ins mostly arrive in time order, so adding is usually an append.
 */
final class Intervals {
  private long[] starts;
  private long[] ends;
  private long[] creditSeqs;
  private int size;

  Intervals() {
    this(0);
  }

  private Intervals(int capacity) {
    starts = new long[capacity];
    ends = new long[capacity];
    creditSeqs = new long[capacity];
  }

  Intervals copy() {
    Intervals c = new Intervals(0);
    c.starts = Arrays.copyOf(starts, size);
    c.ends = Arrays.copyOf(ends, size);
    c.creditSeqs = Arrays.copyOf(creditSeqs, size);
    c.size = size;
    return c;
  }

  int size() {
    return size;
  }

  long start(int i) {
    return starts[i];
  }

  long end(int i) {
    return ends[i];
  }

  long creditSeq(int i) {
    return creditSeqs[i];
  }

  /** Adds an interval; one with the same start is replaced. */
  void add(long start, long end, long creditSeq) {
    int at = size == 0 || starts[size - 1] < start ? size : Arrays.binarySearch(starts, 0, size, start);
    if (at >= 0 && at < size) {
      ends[at] = end;
      creditSeqs[at] = creditSeq;
      return;
    }
    if (at < 0) {
      at = -at - 1;
    }
    if (size == starts.length) {
      int grown = Math.max(4, size + (size >> 1));
      starts = Arrays.copyOf(starts, grown);
      ends = Arrays.copyOf(ends, grown);
      creditSeqs = Arrays.copyOf(creditSeqs, grown);
    }
    System.arraycopy(starts, at, starts, at + 1, size - at);
    System.arraycopy(ends, at, ends, at + 1, size - at);
    System.arraycopy(creditSeqs, at, creditSeqs, at + 1, size - at);
    starts[at] = start;
    ends[at] = end;
    creditSeqs[at] = creditSeq;
    size++;
  }

  /**
   * Removes the interval of the credit {@code creditSeq}, if any. A walk rather than a search: the
   * index keeps no check-in of its credits, and a member's intervals are few enough.
   */
  void removeCredit(long creditSeq) {
    int at = size - 1;
    while (at >= 0 && creditSeqs[at] != creditSeq) {
      at--;
    }
    if (at < 0) {
      return;
    }
    System.arraycopy(starts, at + 1, starts, at, size - at - 1);
    System.arraycopy(ends, at + 1, ends, at, size - at - 1);
    System.arraycopy(creditSeqs, at + 1, creditSeqs, at, size - at - 1);
    size--;
  }

  /**
   * The index of an interval intersecting [start, end) other than the credit {@code ownSeq}'s, or -1. Because
   * the intervals are disjoint, their ends are sorted too, so the walk back from the last interval
   * starting before {@code end} stops at the first one that ends by {@code start}.
   */
  int overlapping(long start, long end, long ownSeq) {
    int i = Arrays.binarySearch(starts, 0, size, end);
    // the last interval whose start is before end
    i = i >= 0 ? i - 1 : -i - 2;
    for (; i >= 0; i--) {
      if (ends[i] <= start) {
        return -1;
      }
      if (creditSeqs[i] != ownSeq) {
        return i;
      }
    }
    return -1;
  }
}

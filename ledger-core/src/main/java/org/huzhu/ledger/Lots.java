package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A member's points lots, oldest first: by date, and lots of one date in the order they came. Each
 * is named by its entry's seq and addressed by its position.
 *
 * <p>Design note. A lot is a row across parallel primitive arrays rather than an object: a ledger
 * holds a lot per credit, and as objects a million lots cost a million headers and 68 MB where
 * the arrays, ints but for the flag, cost about 23 MB and six objects per 64 lots (28 MB and
 * eight once they have expired). The arrays are cut into chunks of {@value #CHUNK} lots, all full
 * but the last, which starts small and grows, so that a member with two lots does not hold room
 * for 64.
 *
 * <p>Copy-on-write by chunk: a transaction works on a {@link #copy} of every member it touches, so a
 * copy must not cost more for a member with ten thousand lots. The copy shares the chunks, and the
 * array of them, and neither it nor the original may write a shared chunk: each remembers which
 * chunks it has copied for itself since ({@link #owned}). A command usually appends a lot (copies
 * the last chunk) or spends from a few (copies theirs); a back-dated lot, inserted before others,
 * or a removed lot shifts every lot after it, and so copies their chunks, as it is rare.
 *
 * <p>Dates are epoch days in ints, and seqs and points are ints too. A value that does not fit (a
 * rule may let points last two billion months; a seq may pass two billion) is kept as a long beside
 * them, in an array a chunk makes only when it needs it ({@link Chunk#far}).
 */
final class Lots {
  static final int CHUNK = 64;
  private static final int SHIFT = 6;
  private static final int MASK = CHUNK - 1;
  /** A date that is null: a lot that never expires. */
  private static final int NONE = Integer.MIN_VALUE;
  /** A date beyond an int, found in {@link Chunk#far}. */
  private static final int FAR = Integer.MAX_VALUE;
  /** A seq or an amount beyond an int (or equal to this mark), found in {@link Chunk#far}. */
  private static final int WIDE = Integer.MIN_VALUE;
  /** The places in {@link Chunk#far} of each lot's values, in that order. */
  private static final int DATE = 0;
  private static final int EXPIRY = 1;
  private static final int SEQ = 2;
  private static final int ORIGINAL = 3;
  private static final int REMAINING = 4;
  private static final int EXPIRED_POINTS = 5;
  private static final int FAR_VALUES = 6;
  private static final Chunk[] NO_CHUNKS = {};

  private Chunk[] chunks = NO_CHUNKS;
  /**
   * Which chunks this instance may write, having made them or copied them since it last shared
   * them; null when it may write none of them, nor the array that holds them.
   */
  private boolean[] owned;
  private int size;

  /**
   * A copy that shares every chunk. From now on both this and the copy copy a chunk before writing
   * it, so that neither sees the other's changes.
   */
  Lots copy() {
    Lots c = new Lots();
    c.chunks = chunks;
    c.size = size;
    owned = null;
    return c;
  }

  int size() {
    return size;
  }

  /** The position of the lot of the entry {@code seq}; -1 when there is none. */
  int indexOf(long seq) {
    for (int c = 0; c < chunks.length; c++) {
      Chunk ch = chunks[c];
      int len = length(c);
      for (int o = 0; o < len; o++) {
        if (ch.get(ch.seq, o, SEQ) == seq) {
          return (c << SHIFT) + o;
        }
      }
    }
    return -1;
  }

  long seq(int i) {
    Chunk c = chunk(i);
    return c.get(c.seq, i & MASK, SEQ);
  }

  /** The lot's date, the instance {@link Fold#day} shares; null only if a checkpoint said so. */
  LocalDate date(int i) {
    return day(dateDay(i));
  }

  /** The first day the lot may no longer be spent, the instance {@link Fold#day} shares; null for never. */
  LocalDate expiresOn(int i) {
    return day(expiresOnDay(i));
  }

  /** The lot's date as an epoch day, or {@link Long#MIN_VALUE} for none, as a checkpoint writes it. */
  long dateDay(int i) {
    Chunk c = chunk(i);
    return c.day(c.date, i & MASK, DATE);
  }

  /** When the lot expires as an epoch day, or {@link Long#MIN_VALUE} for never, as a checkpoint writes it. */
  long expiresOnDay(int i) {
    Chunk c = chunk(i);
    return c.day(c.expiresOn, i & MASK, EXPIRY);
  }

  long original(int i) {
    Chunk c = chunk(i);
    return c.get(c.original, i & MASK, ORIGINAL);
  }

  long remaining(int i) {
    Chunk c = chunk(i);
    return c.get(c.remaining, i & MASK, REMAINING);
  }

  boolean expired(int i) {
    return chunk(i).expired(i & MASK);
  }

  /** Points that went to {@code community:expired}, told apart from points spent. */
  long expiredPoints(int i) {
    Chunk c = chunk(i);
    return c.expiredPoints(i & MASK);
  }

  /** Whether the lot may no longer be spent on the epoch day {@code day}. */
  boolean isDueOn(int i, long day) {
    Chunk c = chunk(i);
    int o = i & MASK;
    int e = c.expiresOn[o];
    return e != NONE && day >= (e == FAR ? c.far[FAR_VALUES * o + EXPIRY] : e);
  }

  /** The lot as it stands now, a value that later changes do not reach. */
  Lot get(int i) {
    return new Lot(seq(i), date(i), expiresOn(i), original(i), remaining(i), expired(i), expiredPoints(i));
  }

  /** Adds a lot of {@code points} after every lot dated on or before {@code date}. */
  void add(long seq, LocalDate date, LocalDate expiresOn, long points) {
    long d = date.toEpochDay();
    int at = size;
    while (at > 0 && dateDay(at - 1) > d) {
      at--;
    }
    insert(at, seq, date, expiresOn, points, points, false, 0);
  }

  /** Adds a lot after the others as it was written, trusting its place. */
  void append(
      long seq, LocalDate date, LocalDate expiresOn, long original, long remaining, boolean expired, long expiredPoints) {
    insert(size, seq, date, expiresOn, original, remaining, expired, expiredPoints);
  }

  void setRemaining(int i, long remaining) {
    Chunk c = writable(i);
    c.set(c.remaining, i & MASK, REMAINING, remaining);
  }

  /** Moves {@code points} from what the lot holds to what expired from it, and marks it expired. */
  void expire(int i, long points) {
    Chunk c = writable(i);
    int o = i & MASK;
    c.set(c.remaining, o, REMAINING, c.get(c.remaining, o, REMAINING) - points);
    c.setExpiry(o, true, c.expiredPoints(o) + points);
  }

  void remove(int i) {
    Objects.checkIndex(i, size);
    int last = (size - 1) >>> SHIFT;
    // Each chunk after the first moves left by one and passes its first lot to the chunk before,
    // which has already moved.
    for (int c = i >>> SHIFT; c <= last; c++) {
      int len = length(c);
      Chunk ch = writable(c, len);
      int o = c == i >>> SHIFT ? i & MASK : 0;
      Chunk.move(ch, o + 1, ch, o, len - 1 - o);
      if (c < last) {
        Chunk.move(chunks[c + 1], 0, ch, CHUNK - 1, 1);
      }
    }
    size--;
    if ((size & MASK) == 0) {
      chunks = Arrays.copyOf(chunks, last);
      owned = owned == null ? null : Arrays.copyOf(owned, last);
    }
  }

  /** Gives back the room the last chunk keeps for lots to come, once no more are expected. */
  void trim() {
    int c = chunks.length - 1;
    if (c >= 0 && owned != null && owned[c] && chunks[c].capacity() > length(c)) {
      chunks[c] = chunks[c].copy(length(c));
    }
  }

  private void insert(
      int at,
      long seq,
      LocalDate date,
      LocalDate expiresOn,
      long original,
      long remaining,
      boolean expired,
      long expiredPoints) {
    int last = size >>> SHIFT;
    if (last == chunks.length) {
      chunks = Arrays.copyOf(chunks, last + 1);
      owned = owned == null ? new boolean[last + 1] : Arrays.copyOf(owned, last + 1);
      chunks[last] = new Chunk(1);
      owned[last] = true;
    }
    // From the last chunk back, each moves right by one and takes the last lot of the chunk before.
    for (int c = last; c > at >>> SHIFT; c--) {
      int len = c == last ? length(c) : CHUNK - 1; // a full chunk's last lot has gone on already
      Chunk ch = writable(c, len + 1);
      Chunk.move(ch, 0, ch, 1, len);
      Chunk.move(chunks[c - 1], CHUNK - 1, ch, 0, 1);
    }
    int c = at >>> SHIFT;
    int len = c == last ? length(c) : CHUNK - 1;
    Chunk ch = writable(c, len + 1);
    int o = at & MASK;
    Chunk.move(ch, o, ch, o + 1, len - o);
    ch.set(ch.seq, o, SEQ, seq);
    ch.date[o] = ch.day(o, DATE, date);
    ch.expiresOn[o] = ch.day(o, EXPIRY, expiresOn);
    ch.set(ch.original, o, ORIGINAL, original);
    ch.set(ch.remaining, o, REMAINING, remaining);
    ch.setExpiry(o, expired, expiredPoints);
    size++;
  }

  /** Lots in chunk {@code c} now. */
  private int length(int c) {
    return Math.min(CHUNK, size - (c << SHIFT));
  }

  private Chunk chunk(int i) {
    return chunks[Objects.checkIndex(i, size) >>> SHIFT];
  }

  private Chunk writable(int i) {
    int c = Objects.checkIndex(i, size) >>> SHIFT;
    return writable(c, length(c));
  }

  /** Chunk {@code c}, copied first if it is shared, with room for {@code lots} lots. */
  private Chunk writable(int c, int lots) {
    if (owned == null) {
      chunks = chunks.clone();
      owned = new boolean[chunks.length];
    }
    Chunk ch = chunks[c];
    if (!owned[c] || ch.capacity() < lots) {
      // A shared chunk is copied to just the room asked for: the copy is usually the one kept,
      // and the next command copies it again. One grown in place is likely to grow again.
      int room = !owned[c] ? Math.max(lots, length(c)) : Math.min(CHUNK, Math.max(lots, ch.capacity() * 3 / 2 + 1));
      ch = ch.copy(room);
      chunks[c] = ch;
      owned[c] = true;
    }
    return ch;
  }

  private static LocalDate day(long epochDay) {
    return epochDay == Long.MIN_VALUE ? null : Fold.day(LocalDate.ofEpochDay(epochDay));
  }

  /** Up to {@value #CHUNK} lots, column by column. */
  private static final class Chunk {
    final int[] seq;
    final int[] date;
    final int[] expiresOn;
    final int[] original;
    final int[] remaining;
    /**
     * Whether each lot expired and the points that expired from it; null, both, while no lot of the
     * chunk has (a lot expires a year or so after it is made, so most recent chunks never need them).
     */
    int[] expiredPoints;
    boolean[] expired;
    /**
     * {@value #FAR_VALUES} longs per lot, at {@code FAR_VALUES * lot + DATE} and so on: the values
     * that an int column marks FAR (dates) or WIDE (the rest).
     */
    long[] far;

    Chunk(int capacity) {
      this(
          new int[capacity],
          new int[capacity],
          new int[capacity],
          new int[capacity],
          new int[capacity],
          null,
          null,
          null);
    }

    private Chunk(
        int[] seq,
        int[] date,
        int[] expiresOn,
        int[] original,
        int[] remaining,
        int[] expiredPoints,
        boolean[] expired,
        long[] far) {
      this.seq = seq;
      this.date = date;
      this.expiresOn = expiresOn;
      this.original = original;
      this.remaining = remaining;
      this.expiredPoints = expiredPoints;
      this.expired = expired;
      this.far = far;
    }

    int capacity() {
      return seq.length;
    }

    Chunk copy(int capacity) {
      return new Chunk(
          Arrays.copyOf(seq, capacity),
          Arrays.copyOf(date, capacity),
          Arrays.copyOf(expiresOn, capacity),
          Arrays.copyOf(original, capacity),
          Arrays.copyOf(remaining, capacity),
          expiredPoints == null ? null : Arrays.copyOf(expiredPoints, capacity),
          expired == null ? null : Arrays.copyOf(expired, capacity),
          far == null ? null : Arrays.copyOf(far, FAR_VALUES * capacity));
    }

    /** Lots {@code from}[at, at + n) to {@code to}[into, into + n); the ranges may overlap. */
    static void move(Chunk from, int at, Chunk to, int into, int n) {
      System.arraycopy(from.seq, at, to.seq, into, n);
      System.arraycopy(from.date, at, to.date, into, n);
      System.arraycopy(from.expiresOn, at, to.expiresOn, into, n);
      System.arraycopy(from.original, at, to.original, into, n);
      System.arraycopy(from.remaining, at, to.remaining, into, n);
      if (from.expired != null) {
        to.expiryColumns();
        System.arraycopy(from.expiredPoints, at, to.expiredPoints, into, n);
        System.arraycopy(from.expired, at, to.expired, into, n);
      } else if (to.expired != null) {
        Arrays.fill(to.expiredPoints, into, into + n, 0);
        Arrays.fill(to.expired, into, into + n, false);
      }
      if (from.far != null) {
        if (to.far == null) {
          to.far = new long[FAR_VALUES * to.capacity()];
        }
        System.arraycopy(from.far, FAR_VALUES * at, to.far, FAR_VALUES * into, FAR_VALUES * n);
      }
    }

    boolean expired(int o) {
      return expired != null && expired[o];
    }

    long expiredPoints(int o) {
      return expiredPoints == null ? 0 : get(expiredPoints, o, EXPIRED_POINTS);
    }

    /** Sets whether lot {@code o} expired and the points that expired from it. */
    void setExpiry(int o, boolean hasExpired, long points) {
      if (expired == null) {
        if (!hasExpired && points == 0) {
          return;
        }
        expiryColumns();
      }
      expired[o] = hasExpired;
      set(expiredPoints, o, EXPIRED_POINTS, points);
    }

    private void expiryColumns() {
      if (expired == null) {
        expired = new boolean[capacity()];
        expiredPoints = new int[capacity()];
      }
    }

    /** The int that stands for {@code d} as lot {@code o}'s date (0) or expiry (1). */
    int day(int o, int which, LocalDate d) {
      if (d == null) {
        return NONE;
      }
      long v = d.toEpochDay();
      if (v > NONE && v < FAR) {
        return (int) v;
      }
      putFar(o, which, v);
      return FAR;
    }

    /** Lot {@code o}'s date (0) or expiry (1) in {@code days}, Long.MIN_VALUE for none. */
    long day(int[] days, int o, int which) {
      int d = days[o];
      return d == NONE ? Long.MIN_VALUE : d == FAR ? far[FAR_VALUES * o + which] : d;
    }

    /** Lot {@code o}'s value in {@code column}, whose place in {@link #far} is {@code which}. */
    long get(int[] column, int o, int which) {
      int v = column[o];
      return v != WIDE ? v : far[FAR_VALUES * o + which];
    }

    void set(int[] column, int o, int which, long value) {
      if (value != WIDE && value == (int) value) {
        column[o] = (int) value;
      } else {
        putFar(o, which, value);
        column[o] = WIDE;
      }
    }

    private void putFar(int o, int which, long value) {
      if (far == null) {
        far = new long[FAR_VALUES * capacity()];
      }
      far[FAR_VALUES * o + which] = value;
    }
  }
}

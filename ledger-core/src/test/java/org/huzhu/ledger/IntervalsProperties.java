package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Intervals} answers as the simplest sorted map of intervals does, after any changes, on
 * copies and originals alike, in whole seconds of this century (kept as ints) or not.
 */
class IntervalsProperties {

  enum Kind { ADD, REMOVE, COPY }

  /**
   * Adds an interval of {@code length} ticks at tick {@code start} unless it overlaps one kept (as
   * the ledger does), as the next credit; or removes the interval of the credit numbered {@code
   * seq}, if any; or copies the intervals, after which both go on. {@code on} picks which of them;
   * {@code fraction} adds a nanosecond to the start.
   */
  record Change(Kind kind, int on, long start, long length, long seq, boolean fraction) {}

  /** When tick 0 is and how long a tick lasts: the times an instance keeps in ints, or not. */
  record Clock(long originNanos, long tickNanos, long firstSeq) {
    long time(long tick) {
      return originNanos + tick * tickNanos;
    }
  }

  /** An {@link Intervals} beside what it should hold. */
  record Kept(Intervals intervals, TreeMap<Long, MemberState.Interval> model) {}

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.ADD)),
            net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.REMOVE)),
            net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.COPY)));
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, 10),
            Arbitraries.longs().between(0, 200),
            Arbitraries.longs().between(1, 30),
            Arbitraries.longs().between(1, 60),
            Arbitraries.integers().between(0, 40).map(n -> n == 0))
        .as(Change::new)
        .list()
        .ofMaxSize(80);
  }

  @Provide
  Arbitrary<Clock> clocks() {
    long y2026 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    long y2070 = Instant.parse("2070-01-01T00:00:00Z").getEpochSecond() * 1_000_000_000L;
    return Combinators.combine(
            Arbitraries.of(y2026, y2070),
            Arbitraries.of(1_000_000_000L, 60_000_000_000L, 1L, 1_500_000_000L),
            Arbitraries.of(0L, Integer.MAX_VALUE - 20L))
        .as(Clock::new);
  }

  @Property(tries = 300)
  void answersAsASortedMapDoes(
      @ForAll("changes") List<Change> changes,
      @ForAll("probes") List<long[]> probes,
      @ForAll("seqs") long ownSeq,
      @ForAll("clocks") Clock clock,
      @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int reserved) {
    List<Kept> kept = new ArrayList<>();
    Intervals first = new Intervals();
    first.reserve(reserved); // as a checkpoint's decoding does: room made changes nothing seen
    kept.add(new Kept(first, new TreeMap<>()));
    for (int n = 0; n < changes.size(); n++) {
      Change c = changes.get(n);
      Kept k = kept.get(c.on() % kept.size());
      long start = clock.time(c.start()) + (c.fraction() ? 1 : 0);
      long end = clock.time(c.start() + c.length());
      switch (c.kind()) {
        case ADD -> {
          long seq = clock.firstSeq() + n + 1;
          if (modelOverlapping(k.model(), start, end, -1) == null) {
            k.intervals().add(start, end, seq);
            k.model().put(start, new MemberState.Interval(start, end, seq));
          }
        }
        case REMOVE -> {
          long seq = clock.firstSeq() + c.seq();
          k.intervals().removeCredit(seq);
          k.model().values().removeIf(i -> i.creditSeq() == seq);
        }
        case COPY -> kept.add(new Kept(k.intervals().copy(), new TreeMap<>(k.model())));
      }
      for (Kept each : kept) {
        assertHolds(each);
      }
    }
    for (Kept k : kept) {
      for (long[] p : probes) {
        long start = clock.time(p[0]);
        long end = clock.time(p[0] + p[1]);
        long own = clock.firstSeq() + ownSeq;
        int found = k.intervals().overlapping(start, end, own);
        Intervals i = k.intervals();
        assertEquals(
            modelOverlapping(k.model(), start, end, own),
            found < 0 ? null : new MemberState.Interval(i.start(found), i.end(found), i.creditSeq(found)));
      }
    }
  }

  private static void assertHolds(Kept k) {
    Intervals intervals = k.intervals();
    assertEquals(k.model().size(), intervals.size());
    int i = 0;
    for (MemberState.Interval want : k.model().values()) {
      assertEquals(want, new MemberState.Interval(intervals.start(i), intervals.end(i), intervals.creditSeq(i)));
      i++;
    }
  }

  @Provide
  Arbitrary<List<long[]>> probes() {
    return Combinators.combine(Arbitraries.longs().between(-10, 240), Arbitraries.longs().between(1, 60))
        .as((s, l) -> new long[] {s, l})
        .list()
        .ofMaxSize(20);
  }

  @Provide
  Arbitrary<Long> seqs() {
    return Arbitraries.of(1L, 2L, 9L);
  }

  /** The interval intersecting [start, end) other than the credit {@code ownSeq}'s with the latest start. */
  private static MemberState.Interval modelOverlapping(
      TreeMap<Long, MemberState.Interval> model, long start, long end, long ownSeq) {
    MemberState.Interval found = null;
    for (Map.Entry<Long, MemberState.Interval> e : model.entrySet()) {
      MemberState.Interval i = e.getValue();
      if (i.start() < end && start < i.end() && i.creditSeq() != ownSeq) {
        found = i;
      }
    }
    return found;
  }
}

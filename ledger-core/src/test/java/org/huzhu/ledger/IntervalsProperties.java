package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Intervals} answers as the simplest sorted map of intervals does, after any changes. */
class IntervalsProperties {

  /**
   * Adds an interval unless it overlaps one kept (as the ledger does), as the credit whose seq is
   * the change's place in the list, or removes the interval of the credit {@code seq}, if any.
   */
  record Change(boolean add, long start, long length, long seq) {}

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<Change> change =
        Combinators.combine(
                Arbitraries.integers().between(0, 3).map(n -> n > 0),
                Arbitraries.longs().between(0, 200),
                Arbitraries.longs().between(1, 30),
                Arbitraries.longs().between(1, 60))
            .as(Change::new);
    return change.list().ofMaxSize(60);
  }

  @Property(tries = 300)
  void answersAsASortedMapDoes(
      @ForAll("changes") List<Change> changes,
      @ForAll("probes") List<long[]> probes,
      @ForAll("seqs") long ownSeq) {
    Intervals intervals = new Intervals();
    TreeMap<Long, MemberState.Interval> model = new TreeMap<>();
    for (int n = 0; n < changes.size(); n++) {
      Change c = changes.get(n);
      long end = c.start() + c.length();
      long seq = n + 1;
      if (!c.add()) {
        intervals.removeCredit(c.seq());
        model.values().removeIf(kept -> kept.creditSeq() == c.seq());
      } else if (modelOverlapping(model, c.start(), end, -1) == null) {
        intervals.add(c.start(), end, seq);
        model.put(c.start(), new MemberState.Interval(c.start(), end, seq));
      }
      Intervals copy = intervals.copy();
      assertEquals(model.size(), copy.size());
      int i = 0;
      for (MemberState.Interval kept : model.values()) {
        assertEquals(kept, new MemberState.Interval(copy.start(i), copy.end(i), copy.creditSeq(i)));
        i++;
      }
    }
    for (long[] p : probes) {
      int found = intervals.overlapping(p[0], p[0] + p[1], ownSeq);
      MemberState.Interval expected = modelOverlapping(model, p[0], p[0] + p[1], ownSeq);
      assertEquals(
          expected,
          found < 0
              ? null
              : new MemberState.Interval(intervals.start(found), intervals.end(found), intervals.creditSeq(found)));
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

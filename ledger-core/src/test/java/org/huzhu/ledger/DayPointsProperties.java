package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
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

/** {@link DayPoints} holds what a sorted map of days holds, on copies and originals alike. */
class DayPointsProperties {

  /** Adds {@code delta} to day {@code day} of the instance {@code on} picks, or copies it. */
  record Change(boolean copy, int on, int day, long delta) {}

  /** An instance beside what it should hold. */
  record Kept(DayPoints days, TreeMap<Long, Long> model) {}

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<Long> deltas =
        Arbitraries.oneOf(
            Arbitraries.longs().between(-50, 200),
            Arbitraries.longs().between(-(1L << 40), 1L << 40),
            Arbitraries.of((long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE));
    return Combinators.combine(
            Arbitraries.integers().between(0, 12).map(n -> n == 0),
            Arbitraries.integers().between(0, 10),
            Arbitraries.integers().between(0, 120),
            deltas)
        .as(Change::new)
        .list()
        .ofMaxSize(120);
  }

  @Property(tries = 300)
  void holdsWhatASortedMapHolds(
      @ForAll("changes") List<Change> changes, @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int reserved) {
    LocalDate start = LocalDate.of(2026, 1, 1);
    List<Kept> kept = new ArrayList<>();
    DayPoints first = new DayPoints();
    first.reserve(reserved); // as a checkpoint's decoding does: room made changes nothing seen
    kept.add(new Kept(first, new TreeMap<>()));
    for (Change c : changes) {
      Kept k = kept.get(c.on() % kept.size());
      if (c.copy()) {
        kept.add(new Kept(k.days().copy(), new TreeMap<>(k.model())));
      } else {
        LocalDate day = start.plusDays(c.day());
        k.days().add(day, c.delta());
        k.model().merge(day.toEpochDay(), c.delta(), Long::sum);
      }
      for (Kept each : kept) {
        DayPoints days = each.days();
        assertEquals(each.model().size(), days.size());
        int i = 0;
        for (Map.Entry<Long, Long> e : each.model().entrySet()) {
          assertEquals(LocalDate.ofEpochDay(e.getKey()), days.day(i));
          assertEquals(e.getValue(), days.points(i));
          i++;
        }
        for (int d = 0; d <= 121; d += 11) {
          assertEquals(each.model().getOrDefault(start.plusDays(d).toEpochDay(), 0L), days.on(start.plusDays(d)));
        }
      }
    }
  }
}

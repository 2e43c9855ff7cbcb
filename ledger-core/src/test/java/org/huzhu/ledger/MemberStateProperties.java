package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A copy of a member shares its lots, yet what the copy changes never reaches the original. */
class MemberStateProperties {

  /** Spends {@code points} from lot {@code lot}, or adds a new lot when {@code lot} is past the end. */
  record Change(int lot, long points) {}

  @Provide
  Arbitrary<List<Change>> changes() {
    return Arbitraries.integers()
        .between(0, 12)
        .flatMap(lot -> Arbitraries.longs().between(-5, 5).map(points -> new Change(lot, points)))
        .list()
        .ofMaxSize(30);
  }

  @Property
  void changesToACopyLeaveTheOriginalAsItWas(
      @ForAll @IntRange(max = 10) int lots,
      @ForAll("changes") List<Change> changes,
      @ForAll boolean versionsWrap) {
    MemberState original = new MemberState("v1");
    for (int i = 0; i < lots; i++) {
      original.lots.add(new Lot(original, i + 1, LocalDate.of(2026, 1, 1).plusDays(i), null, 10, 10));
    }
    if (versionsWrap) {
      // As if copied 2^31 - 1 times since its lots were made: the copy's version is theirs again.
      original.version = Integer.MAX_VALUE;
    }
    List<String> before = describe(original);

    MemberState copy = original.copy();
    List<String> expected = new ArrayList<>(before);
    for (Change c : changes) {
      if (c.lot() < copy.lots.size()) {
        copy.lotForUpdate(copy.lots.get(c.lot()).seq).remaining -= c.points();
        String[] was = expected.get(c.lot()).split("=");
        expected.set(c.lot(), was[0] + "=" + (Long.parseLong(was[1]) - c.points()));
      } else {
        long seq = 100 + copy.lots.size();
        copy.lots.add(new Lot(copy, seq, LocalDate.of(2027, 1, 1), null, 7, 7));
        expected.add(seq + "=7");
      }
    }

    assertEquals(before, describe(original));
    assertEquals(expected, describe(copy));
    // A copy of the copy changes nothing in the copy either.
    MemberState second = copy.copy();
    for (Lot l : new ArrayList<>(second.lots)) {
      second.lotForUpdate(l.seq).remaining = 0;
    }
    assertEquals(expected, describe(copy));
  }

  private static List<String> describe(MemberState m) {
    List<String> lots = new ArrayList<>();
    for (Lot l : m.lots) {
      lots.add(l.seq + "=" + l.remaining);
    }
    return lots;
  }
}

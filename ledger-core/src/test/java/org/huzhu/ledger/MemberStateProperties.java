package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** A copy of a member shares its lots, yet what the copy changes never reaches the original. */
class MemberStateProperties {

  enum Kind { SPEND, ADD, REMOVE, COPY }

  /**
   * Spends {@code points} from lot {@code lot}, adds a lot dated {@code day} (before some lots when
   * they are later), removes lot {@code lot}, or goes on in a copy of the copy; lots counted
   * modulo their number.
   */
  record Change(Kind kind, int lot, int day, long points) {}

  @Provide
  Arbitrary<List<Change>> changes() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 500),
            Arbitraries.integers().between(0, 120),
            Arbitraries.longs().between(-5, 5))
        .as(Change::new)
        .list()
        .ofMaxSize(30);
  }

  @Property
  void changesToACopyLeaveTheOriginalAsItWas(
      @ForAll @IntRange(max = 150) int lots, @ForAll("changes") List<Change> changes) {
    MemberState original = new MemberState("v1");
    for (int i = 0; i < lots; i++) {
      original.lots.add(i + 1, LocalDate.of(2026, 1, 1).plusDays(i), null, 10);
    }
    List<MemberState> earlier = new ArrayList<>(List.of(original));
    List<List<String>> asTheyWere = new ArrayList<>(List.of(describe(original)));

    MemberState copy = original.copy();
    long seq = 1000;
    for (Change c : changes) {
      int n = copy.lots.size();
      switch (c.kind()) {
        case SPEND -> {
          if (n > 0) {
            int i = c.lot() % n;
            copy.lots.setRemaining(i, copy.lots.remaining(i) - c.points());
          }
        }
        case ADD -> copy.lots.add(seq++, LocalDate.of(2026, 1, 1).plusDays(c.day()), null, 7);
        case REMOVE -> {
          if (n > 0) {
            copy.lots.remove(c.lot() % n);
          }
        }
        case COPY -> {
          earlier.add(copy);
          asTheyWere.add(describe(copy));
          copy = copy.copy();
        }
      }
    }

    for (int i = 0; i < earlier.size(); i++) {
      assertEquals(asTheyWere.get(i), describe(earlier.get(i)), "state " + i);
    }
    // Nor does anything a copy of the copy changes, however many of its lots.
    List<String> last = describe(copy);
    MemberState second = copy.copy();
    for (int i = 0; i < second.lots.size(); i++) {
      second.lots.setRemaining(i, 0);
    }
    assertEquals(last, describe(copy));
  }

  private static List<String> describe(MemberState m) {
    List<String> lots = new ArrayList<>();
    for (int i = 0; i < m.lots.size(); i++) {
      lots.add(m.lots.get(i).toString());
    }
    return lots;
  }
}

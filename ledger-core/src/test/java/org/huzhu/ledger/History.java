package org.huzhu.ledger;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated histories of commands, valid and refused alike, replayed against a ledger with a clock
 * that moves forward between commands.
 */
final class History {
  static final String[] MEMBERS = {"v1", "v2", "v3", "v4"};
  static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 9, 0);

  sealed interface Op permits Enrol, Adjust, Reverse, Repeat {}

  record Enrol(int member, int joinedDaysBeforeStart, int team) implements Op {}

  record Adjust(int id, int member, long amount, boolean minutes, int advanceHours, boolean withAt)
      implements Op {}

  record Reverse(int target, boolean ownId, int advanceHours) implements Op {}

  record Repeat(int back) implements Op {}

  static Arbitrary<Op> op() {
    Arbitrary<Op> enrol =
        Combinators.combine(
                Arbitraries.integers().between(0, MEMBERS.length - 1),
                Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 2))
            .as(Enrol::new);
    Arbitrary<Op> adjust =
        Combinators.combine(
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, MEMBERS.length - 1),
                Arbitraries.longs().between(-60, 120).filter(v -> v != 0).injectDuplicates(0.1),
                Arbitraries.of(false, false, true),
                Arbitraries.integers().between(0, 72),
                Arbitraries.of(true, false))
            .as(Adjust::new);
    Arbitrary<Op> reverse =
        Combinators.combine(
                Arbitraries.integers().between(0, 40), Arbitraries.of(true, false), Arbitraries.integers().between(0, 72))
            .as(Reverse::new);
    Arbitrary<Op> repeat = Arbitraries.integers().between(1, 5).map(Repeat::new);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, enrol),
        net.jqwik.api.Tuple.of(6, adjust),
        net.jqwik.api.Tuple.of(2, reverse),
        net.jqwik.api.Tuple.of(1, repeat));
  }

  static Arbitrary<List<Op>> ops() {
    return op().list().ofMinSize(1).ofMaxSize(40);
  }

  /** Runs {@code ops}; refusals are expected and leave no trace. Returns what was acknowledged. */
  static List<Receipt> run(Ledger ledger, MutableClock clock, List<Op> ops) {
    clock.set(START);
    LocalDateTime now = START;
    List<Receipt> acknowledged = new ArrayList<>();
    List<Op> done = new ArrayList<>();
    for (Op op : ops) {
      Op actual = op;
      if (op instanceof Repeat r) {
        if (done.size() < r.back()) {
          continue;
        }
        actual = done.get(done.size() - r.back());
        if (actual instanceof Repeat) {
          continue;
        }
      } else {
        now = advance(now, op);
        clock.set(now);
      }
      done.add(actual);
      try {
        Receipt receipt = apply(ledger, actual, now);
        if (receipt != null) {
          acknowledged.add(receipt);
        }
      } catch (LedgerRefusal expected) {
        // refused commands are part of the history being tested
      }
    }
    return acknowledged;
  }

  private static LocalDateTime advance(LocalDateTime now, Op op) {
    if (op instanceof Adjust a) {
      return now.plusHours(a.advanceHours());
    }
    if (op instanceof Reverse r) {
      return now.plusHours(r.advanceHours());
    }
    return now;
  }

  private static Receipt apply(Ledger l, Op op, LocalDateTime now) {
    if (op instanceof Enrol e) {
      l.enrol(
          List.of(
              new MemberRecord(
                  MEMBERS[e.member()],
                  START.toLocalDate().minusDays(e.joinedDaysBeforeStart()),
                  e.team() == 0 ? null : "team" + e.team(),
                  null)));
      return null;
    }
    if (op instanceof Adjust a) {
      LocalDateTime at = a.withAt() ? now.withMinute(0) : null;
      return l.adjust(
          new AdjustRequest(
              "A-" + a.id(),
              MEMBERS[a.member()],
              a.minutes() ? 0 : a.amount(),
              a.minutes() ? a.amount() : 0,
              "correction " + a.id(),
              "admin",
              at));
    }
    Reverse r = (Reverse) op;
    return l.reverse(new ReverseRequest("A-" + r.target(), "undo", r.ownId() ? "R-" + r.target() : null, null));
  }

  private History() {}
}

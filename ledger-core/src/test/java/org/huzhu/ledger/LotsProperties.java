package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link Lots} holds what a plain list of lots holds after any changes, and copies of it, of
 * copies, changed in any order, never see each other's changes.
 */
class LotsProperties {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  enum Kind { ADD, SET_REMAINING, EXPIRE, REMOVE, COPY, TRIM }

  /**
   * A change to the {@code on}-th of the lots kept so far (modulo their number): {@code lot} picks
   * a lot (modulo theirs), {@code a} and {@code b} the numbers the change needs.
   */
  record Op(Kind kind, int on, int lot, int a, int b) {}

  /** A {@link Lots} beside what it should hold. */
  record Kept(Lots lots, List<Lot> model) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Kind> kinds =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.just(Kind.ADD)),
            Tuple.of(3, Arbitraries.just(Kind.SET_REMAINING)),
            Tuple.of(2, Arbitraries.just(Kind.EXPIRE)),
            Tuple.of(2, Arbitraries.just(Kind.REMOVE)),
            Tuple.of(2, Arbitraries.just(Kind.COPY)),
            Tuple.of(1, Arbitraries.just(Kind.TRIM)));
    Arbitrary<Integer> any = Arbitraries.integers().between(0, 1_000);
    return Combinators.combine(kinds, any, any, any, any)
        .as(Op::new)
        .list()
        .ofMaxSize(60);
  }

  @Property(tries = 300)
  void holdsWhatAListHolds(
      @ForAll @IntRange(max = 200) int initial, @ForAll("ops") List<Op> ops, @ForAll boolean seqsPastAnInt) {
    List<Kept> kept = new ArrayList<>();
    kept.add(new Kept(new Lots(), new ArrayList<>()));
    // Seqs that cross from an int's range past it, as in a ledger of more than two billion entries.
    long[] nextSeq = {seqsPastAnInt ? Integer.MAX_VALUE - 100L : 1};
    // Many lots in date order first, so that chunks fill and the changes below reach past them.
    for (int i = 0; i < initial; i++) {
      add(kept.get(0), nextSeq[0]++, i / 3, i % 4, 10 + i % 7);
    }
    check(kept);
    for (Op op : ops) {
      Kept k = kept.get(op.on() % kept.size());
      List<Lot> model = k.model();
      int n = model.size();
      int i = n == 0 ? -1 : op.lot() % n;
      switch (op.kind()) {
        case ADD -> add(k, nextSeq[0]++, op.a() % 90, op.b() % 4, op.b() % 9 == 0 ? (1L << 33) + op.a() : 1 + op.b() % 20);
        case SET_REMAINING -> {
          if (i >= 0) {
            Lot l = model.get(i);
            long remaining = amount(op.a());
            k.lots().setRemaining(i, remaining);
            model.set(i, new Lot(l.seq(), l.date(), l.expiresOn(), l.original(), remaining, l.expired(), l.expiredPoints()));
          }
        }
        case EXPIRE -> {
          if (i >= 0) {
            Lot l = model.get(i);
            k.lots().expire(i, op.a() % 30);
            model.set(
                i,
                new Lot(l.seq(), l.date(), l.expiresOn(), l.original(), l.remaining() - op.a() % 30, true,
                    l.expiredPoints() + op.a() % 30));
          }
        }
        case REMOVE -> {
          if (i >= 0) {
            k.lots().remove(i);
            model.remove(i);
          }
        }
        // Both go on: later changes fall on the copy or the original alike.
        case COPY -> kept.add(new Kept(k.lots().copy(), new ArrayList<>(model)));
        case TRIM -> k.lots().trim();
      }
      check(kept);
    }
  }

  /**
   * A lot that moves into a chunk that keeps expiries, from one that keeps none (no lot of it has
   * expired), takes no expiry from the lot that stood there before: removing an early lot moves the
   * next chunk's first lot back, and inserting an early lot moves a chunk's last lot on.
   */
  @net.jqwik.api.Example
  void aLotMovedBetweenChunksKeepsItsOwnExpiry() {
    for (boolean removing : new boolean[] {true, false}) {
      Kept k = new Kept(new Lots(), new ArrayList<>());
      for (int i = 0; i < 3 * Lots.CHUNK; i++) {
        add(k, i + 1, 10 + i / 3, 0, 10);
      }
      int expiring = removing ? Lots.CHUNK - 1 : Lots.CHUNK; // last of the first chunk, or first of the second
      k.lots().expire(expiring, 4);
      Lot l = k.model().get(expiring);
      k.model().set(expiring, new Lot(l.seq(), l.date(), l.expiresOn(), l.original(), l.remaining() - 4, true, 4));
      if (removing) {
        k.lots().remove(0);
        k.model().remove(0);
      } else {
        add(k, 1_000, 0, 0, 10); // dated before every other lot
      }
      check(List.of(k));
    }
  }

  /** Mostly a small amount; now and then one past an int, or the very value that marks one. */
  private static long amount(int a) {
    return a % 13 == 0 ? Long.MAX_VALUE / 4 - a : a % 17 == 0 ? Integer.MIN_VALUE : a;
  }

  /**
   * Adds a lot {@code day} days after the start, which expires: never (0), 30 days on (1), on its
   * own day (2), or so far on that its epoch day does not fit an int (3).
   */
  private static void add(Kept k, long seq, int day, int expiry, long points) {
    LocalDate date = START.plusDays(day);
    LocalDate expiresOn =
        switch (expiry) {
          case 0 -> null;
          case 1 -> date.plusDays(30);
          case 2 -> date;
          default -> date.plusMonths(Integer.MAX_VALUE);
        };
    k.lots().add(seq, date, expiresOn, points);
    int at = k.model().size();
    while (at > 0 && k.model().get(at - 1).date().isAfter(date)) {
      at--;
    }
    k.model().add(at, new Lot(seq, date, expiresOn, points, points, false, 0));
  }

  private static void check(List<Kept> kept) {
    for (Kept k : kept) {
      Lots lots = k.lots();
      List<Lot> model = k.model();
      assertEquals(model.size(), lots.size());
      for (int i = 0; i < model.size(); i++) {
        Lot want = model.get(i);
        assertEquals(want, lots.get(i), "lot " + i);
        assertEquals(i, lots.indexOf(want.seq()));
        assertEquals(want.date().toEpochDay(), lots.dateDay(i));
        assertEquals(want.expiresOn() == null ? Long.MIN_VALUE : want.expiresOn().toEpochDay(), lots.expiresOnDay(i));
        assertSame(Fold.day(want.date()), lots.date(i));
        if (want.expiresOn() != null) {
          assertSame(Fold.day(want.expiresOn()), lots.expiresOn(i));
        }
        for (int d = 0; d < 130; d += 29) {
          LocalDate day = START.plusDays(d);
          assertEquals(want.isDueOn(day), lots.isDueOn(i, day.toEpochDay()), "lot " + i + " due on " + day);
        }
      }
      assertEquals(-1, lots.indexOf(0));
    }
  }
}

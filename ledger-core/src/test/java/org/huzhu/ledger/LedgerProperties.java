package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

class LedgerProperties {
  private Path tmp;
  private final MutableClock clock = new MutableClock(History.START);

  @BeforeTry
  void makeDir() throws IOException {
    tmp = Files.createTempDirectory("huzhu-prop");
  }

  @AfterTry
  void removeDir() throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<List<History.Op>> histories() {
    return History.ops();
  }

  @Property(tries = 60)
  void postingsSumToZeroPerUnitAndBalancesNeverCrossTheirFloors(@ForAll("histories") List<History.Op> ops) {
    try (Ledger l = Ledger.inMemory(MutableClock.SHANGHAI, clock)) {
      History.run(l, clock, ops);
      long points = 0;
      long minutes = 0;
      for (Balance b : l.balances(null).accounts()) {
        points += b.points();
        minutes += b.minutes();
        if (b.account().isMember()) {
          assertTrue(b.points() >= 0, () -> b + " below 0 points");
          assertTrue(b.minutes() >= 0, () -> b + " below the hours floor");
        }
      }
      assertEquals(0, points);
      assertEquals(0, minutes);
      try (Stream<Entry> entries = l.entries(1)) {
        entries.forEach(
            e -> {
              assertEquals(0, e.postings().stream().mapToLong(Posting::points).sum(), e::toString);
              assertEquals(0, e.postings().stream().mapToLong(Posting::minutes).sum(), e::toString);
            });
      }
    }
  }

  @Property(tries = 40)
  void verifyPassesOnEveryHistoryAndReplayEqualsLive(@ForAll("histories") List<History.Op> ops)
      throws IOException {
    Path dir = tmp.resolve("book");
    byte[] live;
    String head;
    try (Ledger l = Ledger.create(dir, MutableClock.SHANGHAI, clock)) {
      History.run(l, clock, ops);
      live = l.stateSnapshot();
      head = l.head();
      AuditReport report = l.verify(head);
      assertTrue(report.ok(), report::toString);
    }
    try (Ledger reopened = Ledger.open(dir, clock)) {
      assertArrayEquals(live, reopened.stateSnapshot(), "reopened from the checkpoint");
      assertEquals(head, reopened.head());
    }
    deleteCheckpoints(dir);
    try (Ledger replayed = Ledger.openReadOnly(dir, clock)) {
      assertArrayEquals(live, replayed.stateSnapshot(), "replayed from the first entry");
    }
    assertTrue(Ledger.audit(dir, head).ok());
  }

  @Property(tries = 40)
  void anySingleByteChangeIsFound(
      @ForAll("histories") List<History.Op> ops, @ForAll("positions") double where, @ForAll("flips") int flip)
      throws IOException {
    Path dir = tmp.resolve("book");
    try (Ledger l = Ledger.create(dir, MutableClock.SHANGHAI, clock)) {
      History.run(l, clock, ops);
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".ckpt"))
          .sorted()
          .forEach(files::add);
    }
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    long pos = (long) (where * total);
    for (Path f : files) {
      long size = Files.size(f);
      if (pos < size) {
        byte[] bytes = Files.readAllBytes(f);
        bytes[(int) pos] ^= (byte) flip;
        Files.write(f, bytes);
        break;
      }
      pos -= size;
    }
    AuditReport report = Ledger.audit(dir, null);
    assertFalse(report.ok(), "a changed byte went unnoticed");
    assertFalse(report.findings().isEmpty());
  }

  @Provide
  Arbitrary<Double> positions() {
    return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
  }

  @Provide
  Arbitrary<Integer> flips() {
    return Arbitraries.integers().between(1, 255);
  }

  @Property(tries = 20)
  void theSameCommandsGiveAByteIdenticalJournal(@ForAll("histories") List<History.Op> ops) throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    try (Ledger l = Ledger.create(a, MutableClock.SHANGHAI, clock)) {
      History.run(l, clock, ops);
    }
    try (Ledger l = Ledger.create(b, MutableClock.SHANGHAI, clock)) {
      History.run(l, clock, ops);
    }
    List<Path> segments = segments(a);
    assertEquals(segments.size(), segments(b).size());
    for (Path s : segments) {
      assertArrayEquals(Files.readAllBytes(s), Files.readAllBytes(b.resolve(a.relativize(s))));
    }
  }

  private static List<Path> segments(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private static void deleteCheckpoints(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.toString().endsWith(".ckpt"))
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

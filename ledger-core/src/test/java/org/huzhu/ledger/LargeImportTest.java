package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import large enough that the ledger streams its entries out while deciding and the journal
 * sets the batch aside in its scratch file: the result is the same journal an in-memory ledger
 * writes, listeners still hear every entry in order, and a discarded import leaves nothing.
 */
class LargeImportTest {
  /** About 45 MB of entry JSON: more than a journal holds on the heap before setting it aside. */
  private static final int ROWS = 60_000;
  private static final int MEMBERS = 200;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 11, 23, 18, 0));

  private Path sheet(String badRow) throws IOException {
    Path f = dir.resolve("large.csv");
    try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write(SigninImportTest.HEADER);
      LocalDateTime base = LocalDateTime.of(2026, 1, 1, 7, 0);
      for (int i = 0; i < ROWS; i++) {
        LocalDateTime in = base.plusHours(i / MEMBERS);
        w.write("L" + i + ",v" + (i % MEMBERS) + ",cleanup," + in + "," + in.plusMinutes(45) + ",g1,,,\n");
      }
      if (badRow != null) {
        w.write(badRow);
      }
    }
    return f;
  }

  private void setUp(Ledger l) {
    List<MemberRecord> members = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      members.add(new MemberRecord("v" + i, LocalDate.of(2025, 1, 1), null, null));
    }
    l.enrol(members);
    l.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
  }

  @Test
  void aLargeImportWritesWhatAnInMemoryLedgerWritesAndListenersHearItAll() throws Exception {
    Path sheet = sheet(null);
    Path book = dir.resolve("book");
    String head;
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      setUp(l);
      long before = Long.parseLong(l.head().split(":")[0]);
      List<Entry> heard = java.util.Collections.synchronizedList(new ArrayList<>());
      CountDownLatch all = new CountDownLatch(ROWS);
      l.subscribe(
          e -> {
            heard.add(e);
            all.countDown();
          });
      ImportSummary s = l.importSignins(sheet, ImportOptions.defaults());
      assertEquals(ROWS, s.credited());
      assertTrue(all.await(60, TimeUnit.SECONDS), "listeners heard " + heard.size());
      for (int i = 0; i < ROWS; i++) {
        assertEquals(before + 1 + i, heard.get(i).seq());
      }
      assertEquals(
          java.util.stream.IntStream.range(0, ROWS).mapToObj(i -> "L" + i).sorted().toList(),
          heard.stream().map(Entry::id).sorted().toList());
      head = l.head();
      assertTrue(l.verify(null).ok());
      // Read back lazily, several chunks: the same entries, in order, from any start.
      try (java.util.stream.Stream<Entry> read = l.entries(1)) {
        long[] expected = {1};
        read.forEach(e -> assertEquals(expected[0]++, e.seq()));
        assertEquals(before + ROWS + 1, expected[0]);
      }
      try (java.util.stream.Stream<Entry> tail = l.entries(before + ROWS - 9)) {
        assertEquals(
            heard.subList(ROWS - 10, ROWS).stream().map(Entry::id).toList(),
            tail.map(Entry::id).toList());
      }
      try (java.util.stream.Stream<Entry> none = l.entries(before + ROWS + 1)) {
        assertEquals(0, none.count());
      }
    }
    assertFalse(Files.exists(book.resolve("batch.scratch")), "the scratch file is removed");
    try (Ledger memory = Ledger.inMemory(MutableClock.SHANGHAI, clock)) {
      setUp(memory);
      memory.importSignins(sheet, ImportOptions.defaults());
      assertEquals(head, memory.head());
    }
    try (Ledger reopened = Ledger.open(book, clock)) {
      assertEquals(head, reopened.head());
      assertEquals(ROWS / MEMBERS * 45, reopened.member("v7").orElseThrow().serviceMinutes());
    }
  }

  @Test
  void aLargeImportThatIsDiscardedLeavesNothing() throws Exception {
    Path sheet = sheet("bad,v1,cleanup,2026-13-01T07:00,2026-01-01T08:00,g1,,,\n");
    Path book = dir.resolve("book");
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      setUp(l);
      String head = l.head();
      ImportSummary s =
          l.importSignins(sheet, new ImportOptions(StandardCharsets.UTF_8, null, false, true, null));
      assertFalse(s.committed());
      assertFalse(encoderAtWork(), "answered only once the batch is let go of");
      assertEquals(1, s.rejected());
      assertEquals(head, l.head());
      assertFalse(Files.exists(book.resolve("batch.scratch")));
      ImportSummary real = l.importSignins(sheet, ImportOptions.defaults());
      assertEquals(ROWS, real.credited());
      assertTrue(l.verify(null).ok());
    }
  }

  /**
   * An in-memory journal whose batches fail to set aside their {@code failAt}-th entry (1-based),
   * and take their time over every 1000th. What is added to a batch that is being committed or
   * closed, or after, goes to {@code misuse}.
   */
  private static org.huzhu.ledger.journal.Journal settingAsideFails(AtomicInteger failAt, List<String> misuse) {
    return GroupFaultTest.batchesAround(
        org.huzhu.ledger.journal.Journals.inMemory(),
        batch -> {
          AtomicInteger added = new AtomicInteger();
          AtomicInteger adding = new AtomicInteger();
          AtomicBoolean ended = new AtomicBoolean();
          return (p, m, a) -> {
            if (m.getName().equals("commit") || m.getName().equals("close")) {
              ended.set(true);
              if (adding.get() > 0) {
                misuse.add(m.getName() + " while an entry is being added");
              }
              return GroupFaultTest.invoke(batch, m, a);
            }
            if (!m.getName().equals("add")) {
              return GroupFaultTest.invoke(batch, m, a);
            }
            adding.incrementAndGet();
            try {
              if (ended.get()) {
                misuse.add("an entry added after commit or close");
              }
              int n = added.incrementAndGet();
              if (n == failAt.get()) {
                throw new LedgerStorageException("no room to set the batch aside", null);
              }
              if (n % 1000 == 0) {
                Thread.sleep(5);
              }
              return GroupFaultTest.invoke(batch, m, a);
            } finally {
              adding.decrementAndGet();
            }
          };
        });
  }

  @ParameterizedTest
  @ValueSource(ints = {100, ROWS - 10})
  void anImportWhoseEntriesCannotBeSetAsideWritesNothingAndLeavesTheLedgerWhole(int failAt) throws Exception {
    // Entries are set aside on a thread of their own while the rows after them are decided: a
    // failure early on reaches the decision mid-way, one in the last chunk reaches the commit.
    Path sheet = sheet(null);
    AtomicInteger failing = new AtomicInteger(); // 0: no entry fails
    List<String> misuse = java.util.Collections.synchronizedList(new ArrayList<>());
    try (Ledger l = Ledger.load(settingAsideFails(failing, misuse), clock, Checkpoints.never())) {
      l.initialise(MutableClock.SHANGHAI);
      setUp(l);
      String head = l.head();
      failing.set(failAt);
      LedgerStorageException e =
          assertThrows(LedgerStorageException.class, () -> l.importSignins(sheet, ImportOptions.defaults()));
      assertEquals("no room to set the batch aside", e.getMessage());
      assertEquals(head, l.head());
      assertTrue(l.member("v7").orElseThrow().serviceMinutes() == 0, "nothing of the import is in the state");
      assertFalse(encoderAtWork(), "the encoder lets go of the batch before the import is answered");

      failing.set(0);
      assertEquals(ROWS, l.importSignins(sheet, ImportOptions.defaults()).credited());
      assertTrue(l.verify(null).ok());
    }
    assertEquals(List.of(), misuse);
  }

  /** Whether a thread that sets entries aside is still at it (one that is ending has no such frame). */
  private static boolean encoderAtWork() {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(t -> t.getKey().getName().equals("huzhu-entry-encoder"))
        .flatMap(t -> java.util.Arrays.stream(t.getValue()))
        .anyMatch(f -> f.getClassName().startsWith("org.huzhu.ledger"));
  }

  @Test
  void anInterruptedCallerHasItsCommandsCarriedOutAndKeepsItsInterrupt() throws Exception {
    Path sheet = sheet(null);
    try (Ledger l = Ledger.create(dir.resolve("book"), MutableClock.SHANGHAI, clock)) {
      setUp(l);
      Thread.currentThread().interrupt();
      ImportSummary s;
      try {
        s = l.importSignins(sheet, ImportOptions.defaults());
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt is kept");
      }
      assertEquals(ROWS, s.credited());
      long credited = l.member("v7").orElseThrow().points();
      Thread.currentThread().interrupt();
      try {
        l.adjust(new AdjustRequest("during", "v7", 5, 0, "interrupted caller", "admin", null));
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt is kept");
      }
      assertEquals(credited + 5, l.member("v7").orElseThrow().points());
      assertTrue(l.verify(null).ok());
    }
  }

  @Test
  void aProgressListenerThatInterruptsTheWriterThreadStopsNothing() throws Exception {
    // The listener is told how deciding goes on the writer thread, whose file channel Java would
    // close if it stayed interrupted; and a writer that ended on an interrupt would answer no one.
    Path sheet = sheet(null);
    Path book = dir.resolve("book");
    String head;
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      setUp(l);
      AtomicInteger interrupts = new AtomicInteger();
      ImportProgress rude =
          new ImportProgress() {
            @Override
            public void decided(long decided, long total, long credited, long rejected) {
              if (interrupts.getAndIncrement() < 3) {
                Thread.currentThread().interrupt();
              }
            }
          };
      ImportSummary s = l.importSignins(sheet, ImportOptions.defaults().withProgress(rude));
      assertTrue(interrupts.get() >= 3, "the listener was told " + interrupts.get() + " times");
      assertEquals(ROWS, s.credited());
      long credited = l.member("v7").orElseThrow().points();
      assertTrue(credited > 0);
      l.adjust(new AdjustRequest("after", "v7", 5, 0, "after the import", "admin", null));
      assertEquals(credited + 5, l.member("v7").orElseThrow().points());
      assertTrue(l.verify(null).ok());
      head = l.head();
    }
    try (Ledger reopened = Ledger.open(book, clock)) {
      assertEquals(head, reopened.head());
    }
  }

  @Test
  void listenersHearStreamedImportsEvenWhenTheLedgerClosesBeforeTheyAreThrough() throws Exception {
    // Two imports large enough to be streamed, so listeners get them read back from the journal.
    int rows = 5_000;
    List<Path> sheets = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      Path f = dir.resolve("sheet" + s + ".csv");
      StringBuilder b = new StringBuilder(SigninImportTest.HEADER);
      LocalDateTime base = LocalDateTime.of(2026, 2, 1, 7, 0).plusDays(s * 40L);
      for (int i = 0; i < rows; i++) {
        LocalDateTime in = base.plusHours(i / MEMBERS);
        b.append("T").append(s).append('-').append(i).append(",v").append(i % MEMBERS).append(",cleanup,")
            .append(in).append(',').append(in.plusMinutes(45)).append(",g1,,,\n");
      }
      Files.writeString(f, b, StandardCharsets.UTF_8);
      sheets.add(f);
    }
    CountDownLatch gate = new CountDownLatch(1);
    CountDownLatch all = new CountDownLatch(2 * rows);
    Ledger l = Ledger.create(dir.resolve("book"), MutableClock.SHANGHAI, clock);
    setUp(l);
    l.subscribe(
        e -> {
          try {
            gate.await(); // a listener slower than the ledger's close
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
          all.countDown();
        });
    for (Path sheet : sheets) {
      assertEquals(rows, l.importSignins(sheet, ImportOptions.defaults()).credited());
    }
    l.close();
    gate.countDown();
    assertTrue(all.await(60, TimeUnit.SECONDS), "listeners missed " + all.getCount() + " entries");
  }
}

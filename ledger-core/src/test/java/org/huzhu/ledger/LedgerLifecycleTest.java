package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.Journals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade under threads that meet at awkward moments: a reader between a batch's force and its
 * merge, listeners that fail or close the ledger, progress listeners that call back, and closes
 * that are interrupted or repeated.
 */
// In a thread of its own: a writer that waits on itself would otherwise hang the build, not fail it.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LedgerLifecycleTest {
  @TempDir Path dir;

  private static final AdjustRequest A1 = new AdjustRequest("A1", "v1", 10, 0, "bonus", "admin", null);
  private static final AdjustRequest A2 = new AdjustRequest("A2", "v1", 10, 0, "bonus", "admin", null);

  /** An in-memory journal whose writer, once {@code hold} is set, waits right after a commit. */
  private static Journal pausingAfterCommit(AtomicReference<CountDownLatch[]> hold) {
    return GroupFaultTest.batchesAround(
        Journals.inMemory(),
        batch ->
            (p, m, a) -> {
              Object r = GroupFaultTest.invoke(batch, m, a);
              if (m.getName().equals("commit")) {
                CountDownLatch[] latches = hold.getAndSet(null);
                if (latches != null) {
                  latches[0].countDown(); // durable, not merged yet
                  latches[1].await(30, TimeUnit.SECONDS);
                }
              }
              return r;
            });
  }

  private static Ledger ledger(Journal journal, java.time.Clock clock) {
    Ledger l = Ledger.load(journal, clock, Checkpoints.never());
    l.initialise(MutableClock.SHANGHAI);
    l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), "t", "g")));
    return l;
  }

  private static Ledger ledger(Journal journal) {
    return ledger(journal, new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0)));
  }

  @Test
  void theHeadNamesOneRecordWhileABatchIsWrittenButNotYetMerged() throws Exception {
    AtomicReference<CountDownLatch[]> hold = new AtomicReference<>();
    try (Ledger ledger = ledger(pausingAfterCommit(hold))) {
      String before = ledger.head();
      CountDownLatch[] latches = {new CountDownLatch(1), new CountDownLatch(1)};
      hold.set(latches);
      CompletableFuture<Receipt> adjust = CompletableFuture.supplyAsync(() -> ledger.adjust(A1));
      assertTrue(latches[0].await(30, TimeUnit.SECONDS));
      String during = ledger.head();
      latches[1].countDown();
      adjust.get(30, TimeUnit.SECONDS);
      String after = ledger.head();
      assertEquals(before, during, "the state holds the batch only once merged; after it: " + after);
      assertTrue(after.startsWith(adjust.get().entry().seq() + ":"), after);
      assertEquals(after.split(":")[1], ledger.verify(null).head());
    }
  }

  @Test
  void aListenerThatThrowsAnErrorCostsTheOthersNothing() throws Exception {
    try (Ledger ledger = ledger(Journals.inMemory())) {
      ledger.subscribe(e -> { throw new StackOverflowError("a listener recursing without end"); });
      Set<String> heard = ConcurrentHashMap.newKeySet();
      CountDownLatch both = new CountDownLatch(2);
      ledger.subscribe(e -> { heard.add(e.id()); both.countDown(); });
      ledger.adjust(A1);
      ledger.adjust(A2);
      assertTrue(both.await(30, TimeUnit.SECONDS), "heard " + heard);
      assertEquals(Set.of("A1", "A2"), heard);
    }
  }

  @Test
  void aCloseFromAnInterruptedThreadStillLetsTheCommandsGivenBeforeItFinish() throws Exception {
    GroupFaultTest.HeldClock clock = new GroupFaultTest.HeldClock();
    Ledger ledger = ledger(Journals.inMemory(), clock);
    ledger.subscribe(e -> {});
    clock.armed = new CountDownLatch(1);
    CompletableFuture<Object> adjust = CompletableFuture.supplyAsync(() -> outcome(() -> ledger.adjust(A1)));
    assertTrue(clock.reading.await(30, TimeUnit.SECONDS), "the adjustment is being decided");
    Thread closer =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              ledger.close();
            });
    closer.start();
    Thread.sleep(100); // the closer waits for the writer, which waits for the clock
    assertTrue(closer.isAlive(), "close returned while a command given before it was undecided");
    clock.release.countDown();
    closer.join();
    Object told = adjust.get(30, TimeUnit.SECONDS);
    assertInstanceOf(Receipt.class, told, () -> "the adjustment was told " + told);
  }

  @Test
  void aProgressListenerThatGivesACommandIsRefusedAndTheImportGoesOn() throws Exception {
    try (Ledger ledger = ledger(Journals.inMemory())) {
      ledger.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      Path sheet = dir.resolve("s.csv");
      Files.writeString(
          sheet, SigninImportTest.HEADER + "x,v1,cleanup,2026-03-04T09:00,2026-03-04T10:00,g1,,,\n", StandardCharsets.UTF_8);
      AtomicReference<Object> told = new AtomicReference<>();
      ImportProgress callsBack =
          new ImportProgress() {
            @Override
            public void decided(long decided, long total, long credited, long rejected) {
              told.compareAndSet(null, outcome(() -> ledger.adjust(A1)));
              told.compareAndSet(null, "nothing");
            }
          };
      ImportSummary s = ledger.importSignins(sheet, ImportOptions.defaults().withProgress(callsBack));
      assertEquals(1, s.credited());
      assertInstanceOf(IllegalStateException.class, told.get(), () -> "the listener's command was told " + told.get());
      try (Stream<Entry> entries = ledger.entries(1)) {
        assertTrue(entries.noneMatch(e -> e.id().equals("A1")));
      }
    }
  }

  @Test
  void aListenerThatClosesTheLedgerIsNotWaitedFor() throws Exception {
    Ledger ledger = ledger(Journals.inMemory());
    CompletableFuture<Long> took = new CompletableFuture<>();
    ledger.subscribe(
        e -> {
          long t0 = System.nanoTime();
          ledger.close();
          took.complete(System.nanoTime() - t0);
        });
    ledger.adjust(A1);
    // Waiting for the listeners to finish, from a listener, could only end by giving up after 10 s.
    long nanos = took.get(30, TimeUnit.SECONDS);
    assertTrue(nanos < TimeUnit.SECONDS.toNanos(5), "close from a listener took " + nanos / 1_000_000 + " ms");
  }

  @Test
  void aSecondCloseReturnsOnlyOnceTheLedgerIsReleased() throws Exception {
    GroupFaultTest.HeldClock clock = new GroupFaultTest.HeldClock();
    Path book = dir.resolve("book");
    Ledger ledger = Ledger.create(book, MutableClock.SHANGHAI, clock);
    ledger.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), "t", "g")));
    clock.armed = new CountDownLatch(1);
    CompletableFuture<Object> adjust = CompletableFuture.supplyAsync(() -> outcome(() -> ledger.adjust(A1)));
    assertTrue(clock.reading.await(30, TimeUnit.SECONDS));
    Thread first = new Thread(ledger::close);
    first.start();
    while (first.getState() != Thread.State.WAITING) {
      Thread.onSpinWait(); // the first close waits for the writer
    }
    Thread second = new Thread(ledger::close);
    second.start();
    Thread.sleep(100);
    assertTrue(second.isAlive(), "a second close returned while the first had not released the ledger");
    clock.release.countDown();
    second.join();
    try (Ledger again = Ledger.open(book, clock)) {
      assertTrue(again.head().startsWith("3:"), again.head());
    }
    first.join();
    assertInstanceOf(Receipt.class, adjust.get(30, TimeUnit.SECONDS));
  }

  private static Object outcome(java.util.function.Supplier<Object> command) {
    try {
      return command.get();
    } catch (RuntimeException e) {
      return e;
    }
  }
}

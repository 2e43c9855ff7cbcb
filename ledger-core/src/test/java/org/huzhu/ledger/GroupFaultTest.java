package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.Journals;
import org.junit.jupiter.api.Test;

/** A group whose force fails answers none of its callers as if it had been written. */
class GroupFaultTest {
  /** A clock whose next reading, once armed, waits until released: a decision held mid-way. */
  static final class HeldClock extends Clock {
    final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));
    volatile CountDownLatch armed;
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public ZoneId getZone() {
      return clock.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      if (armed != null && Thread.currentThread().getName().equals("huzhu-ledger-writer")) {
        armed = null;
        reading.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return clock.instant();
    }
  }

  /** An in-memory journal whose commits fail once {@code failing} is set. */
  static Journal failingJournal(AtomicBoolean failing) {
    return batchesAround(
        Journals.inMemory(),
        batch ->
            (p, m, a) -> {
              if (m.getName().equals("commit") && failing.get()) {
                throw new LedgerStorageException("the disk failed the force", null);
              }
              return invoke(batch, m, a);
            });
  }

  /**
   * {@code real}, with every batch it starts behind the handler {@code around} makes for it: the
   * tests' way to fail, slow down or watch a batch.
   */
  static Journal batchesAround(Journal real, java.util.function.Function<Journal.Batch, java.lang.reflect.InvocationHandler> around) {
    return (Journal)
        Proxy.newProxyInstance(
            Journal.class.getClassLoader(),
            new Class<?>[] {Journal.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (!method.getName().equals("startBatch")) {
                return result;
              }
              return Proxy.newProxyInstance(
                  Journal.class.getClassLoader(),
                  new Class<?>[] {Journal.Batch.class},
                  around.apply((Journal.Batch) result));
            });
  }

  /** Calls {@code m} on {@code target} as a proxy would, throwing what it throws. */
  static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aRefusalThatRestsOnAnUnwrittenEntryOfItsGroupIsNeverTold() throws Exception {
    AtomicBoolean failing = new AtomicBoolean();
    HeldClock clock = new HeldClock();
    try (Ledger ledger = Ledger.load(failingJournal(failing), clock, Checkpoints.never())) {
      ledger.initialise(MutableClock.SHANGHAI);
      ledger.enrol(List.of(new MemberRecord("v1", java.time.LocalDate.of(2026, 1, 1), "t", "g")));
      failing.set(true);
      clock.armed = new CountDownLatch(1);

      CompletableFuture<Object> first =
          CompletableFuture.supplyAsync(() -> outcome(() -> ledger.adjust(new AdjustRequest("X1", "v1", 10, 0, "r", "o", null))));
      assertTrue(clock.reading.await(10, TimeUnit.SECONDS), "the first command is being decided");
      // The second reuses the id with other values: a conflict, but only with an entry not yet written.
      CompletableFuture<Object> secondOutcome = new CompletableFuture<>();
      Thread second =
          new Thread(
              () -> secondOutcome.complete(outcome(() -> ledger.adjust(new AdjustRequest("X1", "v1", 20, 0, "r", "o", null)))));
      second.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
        Thread.onSpinWait(); // queued, and waiting for its answer
      }
      clock.release.countDown();

      assertInstanceOf(LedgerStorageException.class, first.get(10, TimeUnit.SECONDS));
      Object told = secondOutcome.get(10, TimeUnit.SECONDS);
      assertInstanceOf(LedgerStorageException.class, told, () -> "told " + told);
    }
  }

  private static Object outcome(java.util.function.Supplier<Object> command) {
    try {
      return command.get();
    } catch (RuntimeException e) {
      return e;
    }
  }

  @Test
  void theFaultIsToldToEveryCallerOfTheGroup() {
    AtomicBoolean failing = new AtomicBoolean();
    try (Ledger ledger = Ledger.load(failingJournal(failing), new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0)), Checkpoints.never())) {
      ledger.initialise(MutableClock.SHANGHAI);
      failing.set(true);
      Object told = outcome(() -> ledger.enrol(List.of(new MemberRecord("v1", java.time.LocalDate.of(2026, 1, 1), "t", "g"))));
      assertInstanceOf(LedgerStorageException.class, told);
      assertEquals("the disk failed the force", ((LedgerStorageException) told).getMessage());
    }
  }
}

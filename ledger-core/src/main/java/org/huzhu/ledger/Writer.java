package org.huzhu.ledger;

import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;
import org.huzhu.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's single writer.
 *
 * <p>Design: callers on any thread hand a {@link Decision} to one writer thread and wait. The
 * thread takes every decision queued so far (a group, waiting briefly for callers it expects
 * back), deciding each as it takes it against its own child of a group state (a refused one is
 * dropped without a trace), appends all the group's entries to the journal with one force, and
 * only then merges the group into the committed state, under a short write lock, and answers the
 * callers, refused ones too: a refusal may rest on an entry of the same group. Concurrent callers
 * therefore share one force (group commit), reads never wait behind a force, and nothing is
 * visible or answered before it is durable; when the force fails, every caller of the group hears
 * of the fault. A decision that may be discarded as a whole (an import) runs in a group of its own.
 */
final class Writer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Writer.class);
  private static final int MAX_GROUP = 4096;
  /** The longest a group waits for callers expected to join it. */
  private static final long MAX_GATHER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

  /** What a caller wants decided; runs on the writer thread against a child state. */
  interface Decision<T> {
    /**
     * Reads {@code tx} and posts entries to it with {@link Writer#post}. Throws {@link
     * LedgerRefusal} to leave no trace.
     */
    Outcome<T> decide(LedgerState tx);
  }

  /** A decision's result, and whether what it posted is to be kept. */
  record Outcome<T>(T value, boolean commit) {
    static <T> Outcome<T> keep(T value) {
      return new Outcome<>(value, true);
    }

    static <T> Outcome<T> discard(T value) {
      return new Outcome<>(value, false);
    }
  }

  private static final class Task<T> {
    final Decision<T> decision;
    final boolean alone;
    final CompletableFuture<T> done = new CompletableFuture<>();
    T value;
    /** Why the decision refused, kept until its group's outcome is known. */
    Throwable refusal;

    /** Tells the caller its value, or its refusal. */
    void answer() {
      if (refusal != null) {
        done.completeExceptionally(refusal);
      } else {
        done.complete(value);
      }
    }

    Task(Decision<T> decision, boolean alone) {
      this.decision = decision;
      this.alone = alone;
    }
  }

  /** Queued by {@link #close}: the writer finishes what was queued before it, then stops. */
  private final Task<Void> stop = new Task<>(tx -> Writer.Outcome.keep(null), true);

  private final Journal journal;
  private final LedgerState root;
  private final ReadWriteLock lock;
  private final Consumer<PendingEntries> committed;
  private final Runnable afterGroup;
  private final LinkedBlockingDeque<Task<?>> queue = new LinkedBlockingDeque<>();
  private final Thread thread;
  private final ExecutorService listeners;
  private volatile Thread listenerThread;
  /**
   * The hash of the last record merged into the committed state: read with the state's seq under
   * the read lock, it names the same record, where the journal's own moves on as soon as a batch
   * is written.
   */
  private volatile String committedHash;
  private volatile LedgerStorageException broken;
  private volatile boolean closing;
  /** Callers the last group answered; the writer thread's alone. */
  private int expected = 1;
  /** How long the last group took to decide, write and merge; the writer thread's alone. */
  private long lastGroupNanos;

  Writer(
      Journal journal,
      LedgerState root,
      ReadWriteLock lock,
      Consumer<PendingEntries> committed,
      Runnable afterGroup) {
    this.journal = journal;
    this.root = root;
    this.lock = lock;
    this.committed = committed;
    this.afterGroup = afterGroup;
    this.listeners = DaemonThreads.single("huzhu-ledger-listeners", t -> listenerThread = t);
    this.committedHash = journal.lastHash();
    this.thread = new Thread(this::run, "huzhu-ledger-writer");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Posts {@code e} to {@code tx} with the next sequence number and folds it in. */
  static Entry post(LedgerState tx, Entry e) {
    Entry numbered = e.withSeq(tx.seq + 1);
    Fold.apply(tx, numbered);
    return numbered;
  }

  /** The hash of the committed state's last record; read under the lock that guards the state. */
  String committedHash() {
    return committedHash;
  }

  /**
   * Refuses to {@code what} on the writer's own thread: an import's progress listener runs there,
   * and a command or a close given from it would wait for that very thread for ever.
   */
  void refuseOnWriterThread(String what) {
    if (Thread.currentThread() == thread) {
      throw new IllegalStateException(
          "cannot " + what + " on the ledger's writer thread (from an import's progress listener)");
    }
  }

  /** Runs {@code decision} on the writer thread and waits until what it posted is durable. */
  <T> T submit(Decision<T> decision, boolean alone) {
    refuseOnWriterThread("give a command");
    if (broken != null) {
      throw new LedgerStorageException(
          "the ledger stopped writing after a storage fault; open it again: " + broken.getMessage(),
          broken);
    }
    Task<T> task = new Task<>(decision, alone);
    synchronized (queue) {
      // Checked and queued together: a task queued behind the stop marker would never be answered.
      if (closing) {
        throw new IllegalStateException("the ledger is closed");
      }
      queue.add(task);
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.done.get();
        } catch (InterruptedException e) {
          // The command goes on whatever the caller's thread is told; the answer must be the truth.
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        // Keep the caller's stack in the trace while throwing the original type.
        re.addSuppressed(new Exception("submitted here"));
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Delivers entries to a listener on the listener thread, after they are durable. */
  void notifyListeners(Runnable delivery) {
    listeners.execute(delivery);
  }

  private void run() {
    List<Task<?>> group = new ArrayList<>();
    while (true) {
      group.clear();
      Task<?> first;
      try {
        first = queue.take();
      } catch (InterruptedException e) {
        continue; // only the stop marker ends the writer: callers are waiting on it
      }
      if (first == stop) {
        return;
      }
      ignoreInterrupt();
      group.add(first);
      try {
        long started = System.nanoTime();
        boolean wrote = runGroup(group);
        lastGroupNanos = System.nanoTime() - started;
        // The callers answered by this group are likely to come back together.
        expected = first.alone ? 1 : group.size();
        // Drop the group before a checkpoint: an import's group holds its whole sheet and entries.
        group.clear();
        if (wrote) {
          afterGroup.run();
        }
      } catch (RuntimeException | Error e) {
        // Whatever escaped, no caller may be left waiting on a thread that is gone.
        stop(e, group);
        group.clear();
      }
    }
  }

  /**
   * Adds the queued tasks to {@code group}, deciding each as it is taken. When fewer are queued
   * than the last group answered, it waits a little for the rest: right after a force the first
   * caller back would otherwise be forced almost alone while the others queue behind it. The wait
   * is bounded by a quarter of the last group's time, and a lone caller (a group of one) never
   * waits. With 8 callers this made groups of 7.8 tasks instead of 6.3, and about a tenth more
   * commits a second.
   */
  private void gather(List<Task<?>> group, Consumer<Task<?>> decide) {
    long deadline = System.nanoTime() + Math.min(lastGroupNanos / 4, MAX_GATHER_NANOS);
    while (group.size() < MAX_GROUP) {
      Task<?> next = queue.peekFirst();
      if (next == null) {
        long left = deadline - System.nanoTime();
        if (group.size() >= expected || left <= 0) {
          return;
        }
        try {
          next = queue.pollFirst(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          return; // the group is run as gathered so far
        }
        if (next == null) {
          return;
        }
        if (next.alone) {
          queue.addFirst(next); // it was at the head: the order is kept
          return;
        }
      } else if (next.alone) {
        return;
      } else {
        next = queue.pollFirst();
      }
      group.add(next);
      decide.accept(next);
    }
  }

  /** Decides, writes and merges one group; returns whether it wrote anything. */
  private boolean runGroup(List<Task<?>> group) {
    if (broken != null) {
      for (Task<?> t : group) {
        t.done.completeExceptionally(broken);
      }
      return false;
    }
    LedgerState groupTx = root.child();
    PendingEntries entries = groupTx.pending;
    Journal.Batch batch;
    try {
      batch = journal.startBatch();
    } catch (RuntimeException e) {
      stop(e, group);
      return false;
    }
    try (batch) {
      if (group.size() == 1 && group.get(0).alone) {
        // A task alone in its group (an import) is decided on the group's state itself, which is
        // dropped whole if it refuses, and streams its entries out instead of holding them.
        entries.streamTo(batch);
        boolean keep;
        try {
          groupTx.indexEntries();
          keep = decideIn(groupTx, group.get(0));
          if (keep) {
            entries.finish();
          }
        } finally {
          entries.settle(); // before the batch is committed or closed, and before any answer
        }
        if (!keep) {
          group.get(0).answer();
          return false;
        }
      } else {
        // Each is decided as it is taken: the writer decides while the rest of the group arrives.
        Consumer<Task<?>> decideNext = t -> decide(groupTx, t);
        decideNext.accept(group.get(0));
        gather(group, decideNext);
        entries.encodeInto(batch);
      }
      if (!entries.isEmpty() && !append(batch, entries, group)) {
        return false;
      }
    } catch (RuntimeException | Error e) {
      // Encoding or setting the batch aside failed before anything reached the journal (a failed
      // commit is handled by append). Every task of the group is answered, decided or not.
      for (Task<?> t : group) {
        t.done.completeExceptionally(e);
      }
      return false;
    }
    if (!entries.isEmpty()) {
      lock.writeLock().lock();
      try {
        groupTx.mergeIntoParent();
        committedHash = journal.lastHash();
      } catch (RuntimeException | Error e) {
        // The entries are durable but the state does not hold them: nothing more may be decided
        // on it, and the callers must hear of it rather than wait for ever.
        stop(new LedgerStorageException("entries were written but could not be applied to the state: " + e, e), group);
        return false;
      } finally {
        lock.writeLock().unlock();
      }
      // Listeners are taken before callers are acknowledged, so a listener subscribed after a
      // command returned never hears that command.
      committed.accept(entries);
    }
    // Refusals are told only now: one may rest on an entry of this group, which had to be durable.
    for (Task<?> t : group) {
      t.answer();
    }
    return !entries.isEmpty();
  }

  /**
   * Clears the writer thread's interrupt, which nothing in the ledger sends: Java closes a file
   * channel that an interrupted thread uses, which would stop the ledger for a storage fault.
   */
  private static void ignoreInterrupt() {
    if (Thread.interrupted()) {
      LOG.warn("the ledger's writer thread was interrupted; it goes on writing");
    }
  }

  /** Appends the batch; on a fault fails the group's tasks, stops the writer and returns false. */
  private boolean append(Journal.Batch batch, PendingEntries entries, List<Task<?>> group) {
    long last;
    ignoreInterrupt();
    try {
      last = batch.commit();
    } catch (RuntimeException | Error e) {
      // Part of the batch may be on disk: the journal refuses more appends, and so does the writer.
      stop(e, group);
      return false;
    }
    if (last != entries.lastSeq()) {
      broken = new LedgerStorageException("journal sequence does not match the ledger's", null);
      for (Task<?> t : group) {
        t.done.completeExceptionally(broken);
      }
      return false;
    }
    return true;
  }

  /** Stops the writer after a storage fault and fails {@code tasks} with it. */
  private void stop(Throwable cause, List<Task<?>> tasks) {
    LedgerStorageException fault =
        cause instanceof LedgerStorageException lse
            ? lse
            : new LedgerStorageException("journal append failed: " + cause, cause);
    broken = fault;
    // One line: every caller is told the fault itself, with its stack; the log only says why the
    // ledger stopped writing.
    LOG.error("storage fault; the ledger stops writing: {}", fault.getMessage());
    LOG.debug("storage fault", fault);
    for (Task<?> t : tasks) {
      t.done.completeExceptionally(fault);
    }
  }

  /**
   * Runs {@code t}'s decision on {@code tx}; returns whether what it posted is to be kept. Its
   * answer, a refusal too, waits for the group's outcome.
   */
  private static <T> boolean decideIn(LedgerState tx, Task<T> t) {
    try {
      Outcome<T> outcome = t.decision.decide(tx);
      t.value = outcome.value();
      return outcome.commit();
    } catch (RuntimeException | Error e) {
      t.refusal = e;
      return false;
    }
  }

  /** Decides {@code t} on a child of the group's state, merged into it only if kept. */
  private static <T> void decide(LedgerState groupTx, Task<T> t) {
    LedgerState tx = groupTx.child();
    if (decideIn(tx, t)) {
      tx.mergeIntoParent();
    }
  }

  /**
   * Finishes what was queued and stops. Waits for the writer whatever the calling thread is told:
   * the journal is closed after this returns. A listener that closes the ledger is not waited for.
   */
  @Override
  public void close() {
    refuseOnWriterThread("close the ledger");
    synchronized (queue) {
      closing = true;
      queue.add(stop);
    }
    Uninterruptibles.joinUninterruptibly(thread);
    listeners.shutdown();
    if (Thread.currentThread() != listenerThread
        && !Uninterruptibles.awaitTerminationUninterruptibly(listeners, 10, TimeUnit.SECONDS)) {
      // Committed entries are still told, on the listeners' own thread, for as long as the JVM runs.
      LOG.info("listeners are still busy 10 s after close; they go on hearing the committed entries");
    }
  }
}

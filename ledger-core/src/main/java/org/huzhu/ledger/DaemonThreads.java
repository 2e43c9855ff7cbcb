package org.huzhu.ledger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The ledger's own worker threads: named, so that a thread dump says whose they are. */
final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * An executor of one daemon thread called {@code name}: a host application's exit never waits
   * for the ledger's helpers, whose work is either durable already or not acknowledged.
   */
  static ExecutorService single(String name) {
    return single(name, t -> {});
  }

  /** As {@link #single(String)}, telling {@code made} of each thread it starts. */
  static ExecutorService single(String name, Consumer<Thread> made) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          made.accept(t);
          return t;
        });
  }
}

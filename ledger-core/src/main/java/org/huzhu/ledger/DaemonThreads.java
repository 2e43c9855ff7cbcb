package org.huzhu.ledger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The ledger's own worker threads: named, so that a thread dump says whose they are. */
final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * An executor of one daemon thread called {@code name}: a host application's exit never waits
   * for the ledger's helpers, whose work is either durable already or not acknowledged.
   */
  static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}

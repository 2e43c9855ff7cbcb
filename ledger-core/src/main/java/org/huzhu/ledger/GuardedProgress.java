package org.huzhu.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app's {@link ImportProgress}, kept from breaking the import it watches: what it throws is
 * logged once and it is not called again, since a progress bar that failed once would fail on
 * every row, and a million rows must not be lost to it. An interrupt it gives the thread it is
 * called on is taken back.
 */
final class GuardedProgress implements ImportProgress {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedProgress.class);

  private final ImportProgress app;
  private volatile boolean failed;

  private GuardedProgress(ImportProgress app) {
    this.app = app;
  }

  /** {@code app} guarded, or null for none. */
  static ImportProgress of(ImportProgress app) {
    return app == null || app instanceof GuardedProgress ? app : new GuardedProgress(app);
  }

  @Override
  public void read(long rows, long bytesRead, long totalBytes) {
    call(() -> app.read(rows, bytesRead, totalBytes));
  }

  @Override
  public void decided(long decided, long total, long credited, long rejected) {
    call(() -> app.decided(decided, total, credited, rejected));
  }

  @Override
  public void note(long line, String signinId, String note) {
    call(() -> app.note(line, signinId, note));
  }

  private void call(Runnable r) {
    if (failed) {
      return;
    }
    boolean interrupted = Thread.currentThread().isInterrupted();
    try {
      r.run();
    } catch (RuntimeException e) {
      failed = true;
      LOG.warn("the import's progress listener failed and is no longer called; the import goes on", e);
    }
    // It may run on the ledger's writer thread, whose file channel Java closes once it is interrupted.
    if (!interrupted && Thread.interrupted()) {
      LOG.warn("the import's progress listener interrupted the thread it was called on; the import goes on");
    }
  }
}

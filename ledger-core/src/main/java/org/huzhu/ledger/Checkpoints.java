package org.huzhu.ledger;

import java.util.concurrent.locks.ReadWriteLock;
import org.huzhu.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When the writer stores a snapshot of the state, so that opening a large ledger is fast. */
final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private final long interval;
  /** The seq of the newest usable checkpoint: the one the ledger opened from, or the last written. */
  private long lastSeq;

  private Checkpoints(long interval) {
    this.interval = interval;
  }

  static Checkpoints every(long entries) {
    return new Checkpoints(entries);
  }

  static Checkpoints never() {
    return new Checkpoints(Long.MAX_VALUE);
  }

  /**
   * Records the checkpoint the ledger opened from (0 when it replayed everything: none, or none
   * usable), so that neither the next checkpoint nor the one at close has to read it again.
   */
  void restoredFrom(long checkpointSeq) {
    lastSeq = checkpointSeq;
  }

  /** Runs on the writer thread after a group is merged, so the state is not changing. */
  void maybeWrite(Journal journal, LedgerState root) {
    // A checkpoint costs time in proportion to the state, so a large ledger takes them less often;
    // the replay after the newest one then stays a small part of the whole.
    if (interval != Long.MAX_VALUE && root.seq - lastSeq >= Math.max(interval, root.seq / 8)) {
      try {
        write(journal, root);
      } catch (RuntimeException e) {
        // The journal holds everything; a missing checkpoint only makes the next open slower.
        LOG.warn("could not write a checkpoint; the next open replays more", e);
        lastSeq = root.seq; // not again before another interval
      }
    }
  }

  void writeOnClose(Journal journal, LedgerState root, ReadWriteLock lock) {
    if (interval == Long.MAX_VALUE || journal.readOnly()) {
      return;
    }
    lock.readLock().lock();
    try {
      // A damaged checkpoint, or one in an older format, was not opened from: it is replaced here.
      if (root.seq > lastSeq) {
        write(journal, root);
      }
    } catch (RuntimeException e) {
      LOG.warn("could not write a checkpoint on close; the next open replays more", e);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void write(Journal journal, LedgerState root) {
    journal.writeCheckpoint(root.seq, journal.lastHash(), out -> StateCodec.encodeTo(root, out));
    lastSeq = root.seq;
  }
}

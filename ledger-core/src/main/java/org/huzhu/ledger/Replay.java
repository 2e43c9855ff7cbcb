package org.huzhu.ledger;

import java.util.Optional;
import org.huzhu.ledger.journal.Checkpoint;
import org.huzhu.ledger.journal.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds the state when a ledger opens: the newest sound checkpoint, then the records after it. */
final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  private Replay() {}

  /**
   * A rebuilt state, and the seq of the checkpoint it started from (0 when it replayed the whole
   * journal: no checkpoint, or none that could be used).
   */
  record Restored(LedgerState state, long checkpointSeq) {}

  static Restored restore(Journal journal) {
    LedgerState s = fromCheckpoint(journal);
    long checkpointSeq = s.seq;
    EntryScan.entries(
        journal,
        s.seq + 1,
        Long.MAX_VALUE,
        e -> Fold.apply(s, e));
    return new Restored(s, checkpointSeq);
  }

  private static LedgerState fromCheckpoint(Journal journal) {
    Optional<Checkpoint> found = journal.latestCheckpoint();
    if (found.isEmpty()) {
      return new LedgerState(journal.lastSeq());
    }
    Checkpoint c = found.get();
    if (c.damage() != null) {
      LOG.warn("checkpoint {} is damaged ({}); replaying the whole journal", c.file(), c.damage());
      return new LedgerState(journal.lastSeq());
    }
    // The usual case is a checkpoint written at close, covering the last record: no read needed.
    boolean matches =
        c.seq() == journal.lastSeq()
            ? journal.lastHash().equals(c.hash())
            : journal.read(c.seq()).map(r -> r.hash().equals(c.hash())).orElse(false);
    if (!matches) {
      LOG.warn("checkpoint {} does not match the journal at entry {}; replaying the whole journal", c.file(), c.seq());
      return new LedgerState(journal.lastSeq());
    }
    try {
      return StateCodec.decode(c.state());
    } catch (RuntimeException e) {
      LOG.warn("checkpoint {} cannot be read ({}); replaying the whole journal", c.file(), e.getMessage());
      return new LedgerState(journal.lastSeq());
    }
  }
}

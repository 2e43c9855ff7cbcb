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

  /**
   * A ledger opened for writing waits for all of its checkpoint; a reader only when records follow
   * the checkpoint. Either way, a checkpoint whose entries cannot be read is replayed past, as a
   * damaged one is; a reader that never needs them answers without them.
   */
  static Restored restore(Journal journal) {
    LedgerState s = fromCheckpoint(journal);
    if (s.seq > 0 && (!journal.readOnly() || s.seq < journal.lastSeq()) && !s.entriesComplete()) {
      LOG.warn("the entries of the checkpoint at entry {} cannot be read; replaying the whole journal", s.seq);
      s = new LedgerState(journal.lastSeq());
    }
    long checkpointSeq = s.seq;
    LedgerState state = s;
    EntryScan.folded(
        journal,
        state.seq + 1,
        Long.MAX_VALUE,
        (e, fingerprint) -> Fold.apply(state, e, fingerprint));
    return new Restored(state, checkpointSeq);
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

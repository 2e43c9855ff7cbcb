package org.huzhu.ledger.journal;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * An append-only, hash-chained sequence of records: the ledger's source of truth.
 *
 * <p>Each record holds one entry's canonical JSON ({@code entryJson}: compact UTF-8 JSON without
 * tabs or line breaks) wrapped with its sequence number and the SHA-256 of the previous record, so
 * that any change to any byte is detectable and a cut history is provable with an anchor.
 *
 * <p>Only one thread appends (the ledger's writer); readers may scan concurrently and see every
 * record whose append has returned. A journal opened read-only never writes and takes no lock.
 */
public interface Journal extends Closeable {

  /** Sequence number of the last complete record, 0 when the journal is empty. */
  long lastSeq();

  /** SHA-256 of the last complete record as 64 lower-case hex digits; 64 zeros when empty. */
  String lastHash();

  /**
   * Takes in records that a writer completed since this journal opened or last refreshed. Only a
   * read-only journal changes; a writer always sees its own appends.
   *
   * @return {@link #lastSeq()} afterwards
   * @throws org.huzhu.ledger.LedgerStorageException on an I/O fault
   */
  default long refresh() {
    return lastSeq();
  }

  /** Whether this journal was opened read-only. */
  boolean readOnly();

  /** Whether a writer (this one, another in this process, or another process) is appending now. */
  default boolean writerAlive() {
    return false;
  }

  /**
   * Appends the entries as records {@code lastSeq()+1 ...} and makes them durable before returning
   * (one {@code force} for the whole batch). Either every record of the batch becomes durable or,
   * after a crash, none of it is visible when the journal is opened again. The journal keeps the
   * given arrays in the returned records without copying them (an import hands over millions):
   * callers must not change them.
   *
   * @return the records written, in order
   * @throws org.huzhu.ledger.LedgerStorageException on an I/O fault; the journal then refuses
   *     further appends
   */
  List<JournalRecord> append(List<byte[]> entryJsons);

  /**
   * A read-only journal of the records complete now, over the same storage but with a life of its
   * own: it stays readable after this journal is closed, until it is closed itself. It never sees
   * later appends. The ledger reads a large batch back through one to hand it to listeners.
   */
  Journal readOnlyCopy();

  /**
   * Starts a batch that is filled one entry at a time and appended as one, like {@link #append}, by
   * {@link Batch#commit}. A journal may keep a large batch outside the heap until then (an import of
   * a million sign-ins is hundreds of megabytes of JSON), so the caller need not hold it.
   */
  Batch startBatch();

  /**
   * Entries collected for one atomic append. Used by the appending thread only; closing a batch
   * that was not committed discards it, and nothing of it reaches the journal.
   */
  interface Batch extends AutoCloseable {
    /**
     * Adds the next entry's canonical JSON.
     *
     * @throws IllegalArgumentException if it is not a valid entry for a record, or the batch grows
     *     beyond what one append takes
     * @throws org.huzhu.ledger.LedgerStorageException if it cannot be set aside
     */
    void add(byte[] entryJson);

    /** Entries added so far. */
    int size();

    /**
     * Appends every entry added, as {@link #append} does, durable before it returns. A batch is
     * committed once; afterwards it takes nothing more.
     *
     * @return the seq of the batch's last record ({@link #lastSeq()} when the batch is empty)
     * @throws org.huzhu.ledger.LedgerStorageException on an I/O fault
     */
    long commit();

    /** Discards what was not committed. */
    @Override
    void close();
  }

  /**
   * Visits every complete record with {@code seq >= fromSeq} in order, verifying each record's
   * hash and the chain as it goes. Damage is reported to {@link RecordVisitor#damage} and the scan
   * stops there; the visitor decides whether that is an error.
   */
  void scan(long fromSeq, RecordVisitor visitor);

  /**
   * As {@link #scan}, for a replay: the records this journal hash-checked as it opened or last
   * refreshed, or wrote itself, are taken as checked then rather than hashed a second time; every
   * other record, and the chain, is verified as a scan does. The audit scans.
   */
  void replay(long fromSeq, RecordVisitor visitor);

  /** The record with sequence number {@code seq}, if it exists. */
  Optional<JournalRecord> read(long seq);

  /**
   * Stores a checkpoint: an opaque snapshot of the state after record {@code seq}, whose hash is
   * {@code hash}. Written atomically (temporary file, force, rename); older checkpoints may be
   * removed.
   */
  void writeCheckpoint(long seq, String hash, java.nio.ByteBuffer state);

  /** Writes a checkpoint's state, in any number of pieces, to {@code out}. */
  @FunctionalInterface
  interface SnapshotWriter {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  /**
   * As {@link #writeCheckpoint(long, String, java.nio.ByteBuffer)}, with the state written as it is
   * made, so that a snapshot of hundreds of megabytes is never held whole in memory.
   */
  void writeCheckpoint(long seq, String hash, SnapshotWriter state);

  /** As {@link #writeCheckpoint(long, String, java.nio.ByteBuffer)}. */
  default void writeCheckpoint(long seq, String hash, byte[] state) {
    writeCheckpoint(seq, hash, java.nio.ByteBuffer.wrap(state));
  }

  /**
   * The newest checkpoint, if any. A checkpoint whose bytes fail their own integrity check is
   * returned with {@link Checkpoint#damage()} set, never silently dropped or rebuilt.
   */
  Optional<Checkpoint> latestCheckpoint();

  /**
   * Every stored checkpoint, oldest first, each checked as {@link #latestCheckpoint()} checks the
   * newest: the audit checks them all, though only the newest is ever used.
   */
  default java.util.List<Checkpoint> checkpoints() {
    return latestCheckpoint().map(java.util.List::of).orElse(java.util.List.of());
  }

  /** Releases the files and, for a writer, the lock. */
  @Override
  void close();
}

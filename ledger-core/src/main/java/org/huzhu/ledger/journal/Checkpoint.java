package org.huzhu.ledger.journal;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A stored snapshot of the ledger's state after record {@code seq}.
 *
 * @param seq the last record the snapshot covers
 * @param hash that record's hash (null when damage made it unreadable)
 * @param state the snapshot's bytes, read-only (meaningless when damaged); a file's are mapped,
 *     not copied
 * @param file where it is stored
 * @param damage null when intact; otherwise what is wrong with it
 */
public record Checkpoint(long seq, String hash, ByteBuffer state, String file, String damage) {

  /**
   * Checks the fields. {@code state} is kept as given, not copied.
   *
   * @throws IllegalArgumentException if seq is negative, or an intact checkpoint's hash is not 64
   *     hex digits
   * @throws NullPointerException if state or file is null, or an intact checkpoint lacks a hash
   */
  public Checkpoint {
    state = Objects.requireNonNull(state, "state").asReadOnlyBuffer();
    Objects.requireNonNull(file, "file");
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative: " + seq);
    }
    if (damage == null && !RecordCodec.isHash(Objects.requireNonNull(hash, "hash"))) {
      throw new IllegalArgumentException("hash must be 64 lower-case hex digits: " + hash);
    }
  }

  /** The snapshot's bytes from its first, read-only; each call gives its own position. */
  @Override
  public ByteBuffer state() {
    return state.duplicate();
  }
}

package org.huzhu.ledger.journal;

import java.util.Objects;

/**
 * One complete, verified record of a journal.
 *
 * @param seq the record's sequence number, from 1
 * @param prevHash SHA-256 of the previous record (64 hex digits; zeros for the first)
 * @param hash SHA-256 of this record (64 hex digits)
 * @param entryJson the entry's canonical JSON, UTF-8
 * @param segment where it is stored (a file name, or a table name)
 * @param offset byte offset of the record in its segment
 */
public record JournalRecord(
    long seq, String prevHash, String hash, byte[] entryJson, String segment, long offset) {

  /**
   * Checks the fields. {@code entryJson} is kept as given, not copied: the journal hands out fresh
   * arrays, and callers must not change them.
   *
   * @throws IllegalArgumentException if seq &lt; 1, offset &lt; 0 or a hash is not 64 characters
   * @throws NullPointerException if a reference is null
   */
  public JournalRecord {
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(entryJson, "entryJson");
    Objects.requireNonNull(segment, "segment");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be at least 1: " + seq);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    // Length only: a full hex check per record would cost the scan more than it protects.
    if (prevHash.length() != 64 || hash.length() != 64) {
      throw new IllegalArgumentException("hashes must be 64 hex digits: " + prevHash + ", " + hash);
    }
  }
}

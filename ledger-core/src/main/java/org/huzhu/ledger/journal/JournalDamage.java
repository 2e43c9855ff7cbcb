package org.huzhu.ledger.journal;

import java.util.Objects;

/**
 * Damage found while reading a journal.
 *
 * @param check {@code record} (a record whose bytes do not match its hash or cannot be read),
 *     {@code chain} (a sequence number or previous-hash link that does not follow), or
 *     {@code tail} (an incomplete last record, as a torn write leaves)
 * @param seq the sequence number expected at that place
 * @param segment the segment file (or table) name
 * @param offset the byte offset of the damaged record in its segment
 * @param detail what is wrong, for a person
 */
public record JournalDamage(String check, long seq, String segment, long offset, String detail) {

  /**
   * Checks the fields.
   *
   * @throws IllegalArgumentException if check is not {@code record}, {@code chain} or {@code tail},
   *     or seq or offset is negative
   * @throws NullPointerException if a reference is null
   */
  public JournalDamage {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(detail, "detail");
    if (!check.equals("record") && !check.equals("chain") && !check.equals("tail")) {
      throw new IllegalArgumentException("check must be record, chain or tail: " + check);
    }
    if (seq < 0 || offset < 0) {
      throw new IllegalArgumentException("seq and offset must not be negative: " + seq + ", " + offset);
    }
  }
}

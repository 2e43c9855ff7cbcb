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

  static final String TORN = "torn tail: ";
  static final String LAST_LINE_FAILS = "last record: ";
  static final String LINE_IN_UNENDED_BATCH_FAILS = "a record of the last batch, which never ends: ";

  /**
   * Whether this is a torn tail made of complete lines, one of which fails its checks. A write in
   * progress shows so only for a moment (a reader overtaking it); an incomplete last line or a
   * batch without its end can last as long as the write.
   */
  public boolean isFailingLineAtTail() {
    return check.equals("tail")
        && (detail.startsWith(TORN + LAST_LINE_FAILS) || detail.startsWith(TORN + LINE_IN_UNENDED_BATCH_FAILS));
  }
}

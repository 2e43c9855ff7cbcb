package org.huzhu.ledger.journal;

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
public record JournalDamage(String check, long seq, String segment, long offset, String detail) {}

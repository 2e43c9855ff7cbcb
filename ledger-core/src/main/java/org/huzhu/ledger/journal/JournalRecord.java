package org.huzhu.ledger.journal;

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
    long seq, String prevHash, String hash, byte[] entryJson, String segment, long offset) {}

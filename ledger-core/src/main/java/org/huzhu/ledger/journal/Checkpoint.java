package org.huzhu.ledger.journal;

/**
 * A stored snapshot of the ledger's state after record {@code seq}.
 *
 * @param seq the last record the snapshot covers
 * @param hash that record's hash
 * @param state the snapshot's bytes (meaningless when damaged)
 * @param file where it is stored
 * @param damage null when intact; otherwise what is wrong with it
 */
public record Checkpoint(long seq, String hash, byte[] state, String file, String damage) {}

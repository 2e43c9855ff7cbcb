package org.huzhu.ledger;

/**
 * What publishing a rules or catalog version did.
 *
 * @param id the journal entry's id ({@code sys:rules:<version>} or {@code sys:catalog:<n>})
 * @param version the version
 * @param published false when it was identical to the latest version, so nothing was written
 */
public record Publication(String id, int version, boolean published) {}

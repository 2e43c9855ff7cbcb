package org.huzhu.ledger;

/**
 * An account's balance.
 *
 * @param account the account
 * @param points its points
 * @param minutes its minutes
 */
public record Balance(Account account, long points, long minutes) {}

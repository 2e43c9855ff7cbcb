package org.huzhu.ledger;

import java.time.LocalDate;

/**
 * Points from one credit or positive adjustment, spendable before {@code expiresOn}, as they stood
 * when read from the member's {@link Lots}: a value for checks and messages, which later changes to
 * the lot do not reach. Named by its entry's seq ({@link LedgerState#idOf} gives the id).
 *
 * @param expiresOn null for a lot that never expires
 * @param expiredPoints points that went to {@code community:expired}, told apart from points spent
 */
record Lot(
    long seq,
    LocalDate date,
    LocalDate expiresOn,
    long original,
    long remaining,
    boolean expired,
    long expiredPoints) {

  /** Whether the lot may no longer be spent on {@code day}. */
  boolean isDueOn(LocalDate day) {
    return expiresOn != null && !day.isBefore(expiresOn);
  }
}

package org.huzhu.ledger;

import java.util.List;

/**
 * What {@code expire} wrote.
 *
 * @param expired how many lots expired
 * @param points how many points went to {@code community:expired}
 * @param entries the expiry entries, in journal order
 */
public record ExpiryResult(int expired, long points, List<Entry> entries) {
  public ExpiryResult {
    entries = List.copyOf(entries);
  }
}

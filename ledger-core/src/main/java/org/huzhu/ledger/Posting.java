package org.huzhu.ledger;

import java.util.Objects;

/**
 * What one entry moves into (positive) or out of (negative) one account, in both units.
 *
 * @param account the account
 * @param points points, exact
 * @param minutes minutes, exact
 */
public record Posting(Account account, long points, long minutes) {
  /** @throws NullPointerException if {@code account} is null */
  public Posting {
    Objects.requireNonNull(account, "account");
  }

  /** The opposite posting, as a reversal writes it. */
  public Posting negate() {
    return new Posting(account, Math.negateExact(points), Math.negateExact(minutes));
  }

  /** Whether this posting moves nothing. */
  public boolean isZero() {
    return points == 0 && minutes == 0;
  }
}

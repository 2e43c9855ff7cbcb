package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * Balances at the end of a day, by effective date.
 *
 * @param asOf the day
 * @param accounts every account with a non-zero posting dated on or before {@code asOf}, sorted by
 *     the name's UTF-8 bytes
 */
public record BalanceSheet(LocalDate asOf, List<Balance> accounts) {
  public BalanceSheet {
    accounts = List.copyOf(accounts);
  }
}

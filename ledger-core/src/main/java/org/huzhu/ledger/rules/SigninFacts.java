package org.huzhu.ledger.rules;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What the accrual needs to know about one sign-in row, already read and converted.
 *
 * @param activity the activity key as written in the row
 * @param checkIn the check-in, in the ledger's zone (its local date selects multipliers)
 * @param checkOut the check-out in the ledger's zone, or null when the row left it empty
 */
public record SigninFacts(String activity, ZonedDateTime checkIn, ZonedDateTime checkOut) {
  /**
   * @throws NullPointerException when activity or checkIn is null
   */
  public SigninFacts {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(checkIn, "checkIn");
  }
}

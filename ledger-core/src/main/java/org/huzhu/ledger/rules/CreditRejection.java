package org.huzhu.ledger.rules;

import java.util.Objects;
import org.huzhu.ledger.Reason;

/**
 * A sign-in the rules reject.
 *
 * @param reason one of {@code UNKNOWN_ACTIVITY}, {@code NO_CHECKOUT}, {@code BAD_INTERVAL}, {@code
 *     TOO_LONG}, {@code TOO_SHORT}
 * @param detail what was wrong, in words a coordinator understands (English)
 */
public record CreditRejection(Reason reason, String detail) implements CreditResult {
  /**
   * @throws NullPointerException when a value is null
   */
  public CreditRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public boolean accepted() {
    return false;
  }
}

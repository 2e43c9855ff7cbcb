package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A multiplier that applied to a credit.
 *
 * @param name the multiplier's name
 * @param factor its factor
 */
public record MatchedMultiplier(String name, BigDecimal factor) {
  /**
   * @throws NullPointerException when a value is null
   */
  public MatchedMultiplier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factor, "factor");
  }
}

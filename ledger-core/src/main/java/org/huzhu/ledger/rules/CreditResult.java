package org.huzhu.ledger.rules;

/**
 * The outcome of crediting one sign-in: a {@link CreditBreakdown} or a {@link CreditRejection}.
 */
public sealed interface CreditResult permits CreditBreakdown, CreditRejection {
  /** True for a {@link CreditBreakdown} (possibly with 0 points), false for a rejection. */
  boolean accepted();
}

package org.huzhu.ledger;

import java.util.Objects;

/**
 * A command, file or row the ledger refused. Nothing was written.
 *
 * <p>The {@link #reason()} is one of the contract's codes, so callers can switch on it; the
 * message says what was refused and where (file, line and field when the input was a file).
 */
public final class LedgerRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /**
   * @param reason why; never null
   * @param detail what and where, for a person
   */
  public LedgerRefusal(Reason reason, String detail) {
    super(detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the command was refused. */
  public Reason reason() {
    return reason;
  }

  /** What and where, for a person (the same as {@link #getMessage()}). */
  public String detail() {
    return getMessage();
  }
}

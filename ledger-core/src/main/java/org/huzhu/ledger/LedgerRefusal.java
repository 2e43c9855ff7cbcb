package org.huzhu.ledger;

import java.util.Locale;
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
   * @param detail what and where, for a person; control characters it quotes from the input (a
   *     line break inside a field name, say) are escaped as in JSON, so that it stays one line
   */
  public LedgerRefusal(Reason reason, String detail) {
    super(oneLine(detail));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private static String oneLine(String detail) {
    if (detail == null || detail.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
      return detail;
    }
    StringBuilder b = new StringBuilder(detail.length() + 16);
    for (int i = 0; i < detail.length(); i++) {
      char c = detail.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
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

package org.huzhu.ledger.imports;

import java.util.Objects;

/**
 * A sign-in row that could not be read: a wrong field count, bad quoting or JSON, a field failing
 * its pattern, an impossible date or time. The ledger rejects it as {@code malformed}.
 *
 * @param line physical line on which the row starts, from 1
 * @param ordinal position among the file's rows, from 0
 * @param signinId the {@code signin_id} as read, possibly empty or invalid (at most {@value
 *     #MAX_SIGNIN_ID_SHOWN} characters of it are kept)
 * @param detail what is wrong, naming the line and the field, for example {@code line 7: check_in
 *     '2026-02-30T09:00' is not a valid date-time}
 */
public record MalformedRow(int line, int ordinal, String signinId, String detail)
    implements ReadRow {
  /** Longest prefix of an unreadable {@code signin_id} kept for the rejects file. */
  public static final int MAX_SIGNIN_ID_SHOWN = 200;

  /**
   * @throws IllegalArgumentException if {@code line} &lt; 1, {@code ordinal} &lt; 0 or {@code
   *     signinId} is longer than {@value #MAX_SIGNIN_ID_SHOWN}
   * @throws NullPointerException if a text is null
   */
  public MalformedRow {
    Objects.requireNonNull(signinId, "signinId");
    Objects.requireNonNull(detail, "detail");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0: " + ordinal);
    }
    if (signinId.length() > MAX_SIGNIN_ID_SHOWN) {
      throw new IllegalArgumentException(
          "signinId longer than " + MAX_SIGNIN_ID_SHOWN + ": " + signinId.length());
    }
  }
}

package org.huzhu.ledger;

import java.util.List;
import java.util.Map;

/**
 * What an import of sign-ins did (or, for a dry run, would do).
 *
 * @param importId the import's id ({@code import:} and the first 16 hex digits of the file's
 *     SHA-256, unless one was given)
 * @param read rows read (blank lines are not rows)
 * @param credited rows credited (also with 0 points when the daily cap was reached)
 * @param duplicates rows credited before with the same values, skipped
 * @param rejected rows rejected
 * @param points points credited
 * @param minutes minutes credited
 * @param byReason rejected rows per reason code, only reasons that occurred, in the contract's order
 * @param rejects every rejected row, in file order
 * @param committed whether the credits were written (false for a dry run, or an all-or-nothing
 *     import with a rejected row)
 */
public record ImportSummary(
    String importId,
    long read,
    long credited,
    long duplicates,
    long rejected,
    long points,
    long minutes,
    Map<String, Long> byReason,
    List<Rejection> rejects,
    boolean committed) {
  public ImportSummary {
    byReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byReason));
    rejects = List.copyOf(rejects);
  }

  /**
   * A rejected row.
   *
   * @param line the physical line where the row starts (the header is line 1)
   * @param signinId its {@code signin_id} as read (may be empty)
   * @param reason why
   * @param detail what exactly, for a coordinator
   */
  public record Rejection(int line, String signinId, Reason reason, String detail) {}
}

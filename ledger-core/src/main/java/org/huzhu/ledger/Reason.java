package org.huzhu.ledger;

import java.util.Locale;

/**
 * Every reason the ledger gives for refusing a command, rejecting a sign-in row or refusing a file.
 *
 * <p>The {@linkplain #code() code} is the stable text of the user-facing contract (for example
 * {@code insufficient-points}); it never changes with the language of messages, so callers may
 * store it, compare it and switch on the constant.
 */
public enum Reason {
  // Row reasons of a sign-in import, in the order in which they are tried.
  MALFORMED,
  IN_FUTURE,
  UNKNOWN_MEMBER,
  BEFORE_JOINED,
  NO_RULES,
  UNKNOWN_ACTIVITY,
  NOT_VERIFIED,
  SELF_VERIFIED,
  NO_CHECKOUT,
  BAD_INTERVAL,
  TOO_LONG,
  TOO_SHORT,
  OVERLAP,
  CONFLICT,

  // Refusals of commands.
  UNKNOWN_ITEM,
  BAD_QUANTITY,
  OUT_OF_STOCK,
  OVER_LIMIT,
  INSUFFICIENT_POINTS,
  BAD_AMOUNT,
  SAME_ACCOUNT,
  OVER_CREDIT_LIMIT,
  POOL_INSUFFICIENT,
  UNKNOWN_ENTRY,
  UNKNOWN_IMPORT,
  ALREADY_REVERSED,
  NOT_REVERSIBLE,
  LOT_SPENT,
  LOT_EXPIRED,
  BACK_DATED,

  /** A whole input file is refused: a missing or repeated column, bad bytes, an invalid document. */
  BAD_FILE;

  private final String code = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The contract's code for this reason, such as {@code lot-spent}. */
  public String code() {
    return code;
  }

  /**
   * The reason whose {@linkplain #code() code} is {@code code}.
   *
   * @throws IllegalArgumentException if no reason has that code
   */
  public static Reason ofCode(String code) {
    for (Reason r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reason code: " + code);
  }

  @Override
  public String toString() {
    return code;
  }
}

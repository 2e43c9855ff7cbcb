package org.huzhu.ledger;

/** Argument checks shared by the request records: malformed arguments are usage errors. */
final class Requests {
  static final long MAX_AMOUNT = 1_000_000_000_000L;

  private Requests() {}

  /**
   * An amount as the user gave it, as far as it can be told: the command line turns numbers too
   * large for a long into the largest long, which is then shown as "at least" it, in symbols that
   * read the same in every language of the messages.
   */
  static String shown(long amount) {
    return Math.abs(amount) == Long.MAX_VALUE ? (amount < 0 ? "≤-" : "≥") + Long.MAX_VALUE : Long.toString(amount);
  }

  static void checkId(String id) {
    if (!Texts.isCallerEntryId(id)) {
      throw new IllegalArgumentException(
          "id '" + id + "' must match [A-Za-z0-9._:-]{1,64} and not start with reversal:, expire: or sys:");
    }
  }

  static void checkMember(String member) {
    if (!Texts.isPlainId(member)) {
      throw new IllegalArgumentException("member id '" + member + "' must match [A-Za-z0-9._-]{1,64}");
    }
  }

  static String freeText(String name, String text, boolean required) {
    String t = text == null ? null : text.strip();
    if (t == null || t.isEmpty()) {
      if (required) {
        throw new IllegalArgumentException(name + " is required");
      }
      return null;
    }
    if (t.codePointCount(0, t.length()) > Texts.MAX_FREE_TEXT) {
      throw new IllegalArgumentException(name + " is longer than 200 characters");
    }
    if (org.huzhu.ledger.imports.Ids.halfACharacter(t) >= 0) {
      // not text: the journal's UTF-8 cannot hold it, and would keep '?' instead
      throw new IllegalArgumentException(name + " holds half of a character (a lone surrogate)");
    }
    return t;
  }
}

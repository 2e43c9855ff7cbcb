package org.huzhu.ledger.imports;

/**
 * The contract's id patterns, checked by hand: they run for every field of every row (and for the
 * audit's every entry), and a loop over the characters is several times faster than a regular
 * expression.
 */
public final class Ids {
  /** Longest id, member id, activity key, team or grid. */
  static final int MAX_ID = 64;

  /** Characters of {@code [A-Za-z0-9._-]}: 1; of the entry-id alphabet, which adds ':': 1 or 2. */
  private static final byte[] ALPHABET = new byte[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) {
      ALPHABET[c] = 1;
      ALPHABET[c - 'a' + 'A'] = 1;
    }
    for (char c = '0'; c <= '9'; c++) {
      ALPHABET[c] = 1;
    }
    ALPHABET['.'] = 1;
    ALPHABET['_'] = 1;
    ALPHABET['-'] = 1;
    ALPHABET[':'] = 2;
  }

  private Ids() {}

  /** {@code [A-Za-z0-9._-]{1,64}}: member ids, {@code verified_by}, activity keys. */
  static boolean isPlainId(String s) {
    return matches(s, false);
  }

  /**
   * {@code [A-Za-z0-9._:-]{1,64}} not starting with {@code reversal:}, {@code expire:} or {@code
   * sys:}: ids a user may give to entries, such as {@code signin_id}.
   */
  public static boolean isUserEntryId(String s) {
    return matches(s, true) && !isReservedPrefix(s);
  }

  /** Whether {@code s} starts with a prefix the ledger keeps for the ids it derives. */
  static boolean isReservedPrefix(String s) {
    return s.startsWith("reversal:") || s.startsWith("expire:") || s.startsWith("sys:");
  }

  private static boolean matches(String s, boolean colon) {
    int n = s.length();
    if (n == 0 || n > MAX_ID) {
      return false;
    }
    int allowed = colon ? 2 : 1;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 128) {
        return false;
      }
      int kind = ALPHABET[c];
      if (kind == 0 || kind > allowed) {
        return false;
      }
    }
    return true;
  }

  /** Longest team or grid name: as long as a memo, so that no real name is refused. */
  static final int MAX_LABEL = 200;

  /** Free text such as a team or grid name: non-empty, at most {@value #MAX_LABEL} characters. */
  static boolean isLabel(String s) {
    return !s.isEmpty() && s.length() <= MAX_LABEL;
  }

  /**
   * {@code text} with each control character written as a backslash, u and four hex digits, so
   * that a value holding a line break cannot split a one-line message. Null stays null.
   */
  public static String oneLine(String text) {
    if (text == null || text.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Where {@code text} holds a surrogate without its other half, or -1. */
  public static int halfACharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}

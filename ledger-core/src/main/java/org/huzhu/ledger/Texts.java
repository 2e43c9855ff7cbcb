package org.huzhu.ledger;

import java.nio.charset.StandardCharsets;

/** Text rules shared by values and commands: id patterns, byte order, trimming. */
final class Texts {
  static final int MAX_FREE_TEXT = 200;

  private Texts() {}

  /** Compares by UTF-8 bytes, which for valid strings equals comparing code points. */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /**
   * Whether {@code id} is usable as a caller's entry id (not one of the ledger's own prefixes). By
   * the import's hand-written check, as the audit asks it of every entry.
   */
  static boolean isCallerEntryId(String id) {
    return id != null && org.huzhu.ledger.imports.Ids.isUserEntryId(id);
  }

  static boolean isPlainId(String id) {
    return id != null && Account.isId(id, 0);
  }

  /** Trims spaces and tabs only, as the contract trims fields. */
  static String trim(String s) {
    if (s == null) {
      return null;
    }
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
      e--;
    }
    return s.substring(b, e);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

package org.huzhu.ledger.rules;

/** Small text helpers shared by the parser, the canonical form and the explanations. */
final class Texts {
  private Texts() {}

  /** True when {@code s} has no control characters and no unpaired surrogate. */
  static boolean isCleanText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Minutes as {@code [-]H:MM}, the contract's display of hours. */
  static String hoursMinutes(long minutes) {
    StringBuilder sb = new StringBuilder(8);
    if (minutes < 0) {
      sb.append('-');
    }
    long abs = Math.abs(minutes);
    sb.append(abs / 60).append(':');
    long m = abs % 60;
    if (m < 10) {
      sb.append('0');
    }
    return sb.append(m).toString();
  }
}

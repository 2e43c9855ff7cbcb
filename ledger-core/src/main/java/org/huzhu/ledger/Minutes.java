package org.huzhu.ledger;

/** Minutes as the contract shows them: {@code [-]H:MM}. */
public final class Minutes {
  private Minutes() {}

  /** Formats {@code minutes} as {@code [-]H:MM}, e.g. 90 → {@code 1:30}, -5 → {@code -0:05}. */
  public static String format(long minutes) {
    long abs = Math.abs(minutes);
    String s = (abs / 60) + ":" + (abs % 60 < 10 ? "0" : "") + (abs % 60);
    return minutes < 0 ? "-" + s : s;
  }
}

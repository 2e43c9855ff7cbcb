package org.huzhu.ledger.cli;

/**
 * Writes RFC 4180 CSV (CRLF line ends, quotes doubled). Free-text cells that a spreadsheet would
 * read as a formula (starting with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR) are
 * prefixed with {@code '}; numbers, ids and account names are written as they are.
 */
final class Csv {
  private final StringBuilder sb = new StringBuilder();
  private boolean lineStart = true;

  /** A cell written as it is (numbers, ids, account names, dates). */
  Csv raw(Object value) {
    return cell(value == null ? "" : String.valueOf(value));
  }

  /** A free-text cell, neutralised against formula injection. */
  Csv text(String value) {
    return cell(neutralise(value));
  }

  /** Ends the row. */
  Csv end() {
    sb.append("\r\n");
    lineStart = true;
    return this;
  }

  /** A row of raw cells. */
  Csv row(Object... values) {
    for (Object v : values) {
      raw(v);
    }
    return end();
  }

  static String neutralise(String value) {
    if (value == null || value.isEmpty()) {
      return value == null ? "" : value;
    }
    char c = value.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + value;
    }
    return value;
  }

  static String quote(String s) {
    boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private Csv cell(String s) {
    if (!lineStart) {
      sb.append(',');
    }
    sb.append(quote(s));
    lineStart = false;
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}

package org.huzhu.ledger.imports;

import java.util.ArrayList;
import java.util.List;

/** A plain RFC 4180 writer for tests: the reference the reader is checked against. */
final class Rfc4180 {
  private Rfc4180() {}

  /** The text and the expected first line of each record, given a header on line 1 before it. */
  record Written(String text, List<Integer> lines) {}

  /** Writes records separated by {@code eol}, quoting only the fields that need it. */
  static Written write(List<List<String>> rows, String eol) {
    return write(rows, List.of(eol), false);
  }

  /**
   * Writes records, the i-th followed by {@code eols.get(i % eols.size())}, quoting every field
   * that needs it (or all of them).
   */
  static Written write(List<List<String>> rows, List<String> eols, boolean quoteAll) {
    StringBuilder b = new StringBuilder();
    List<Integer> lines = new ArrayList<>();
    int line = 2;
    for (int r = 0; r < rows.size(); r++) {
      lines.add(line);
      List<String> row = rows.get(r);
      StringBuilder rec = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          rec.append(',');
        }
        String v = row.get(i);
        boolean quote =
            quoteAll
                || v.contains(",")
                || v.contains("\"")
                || v.contains("\r")
                || v.contains("\n");
        rec.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      String eol = eols.get(r % eols.size());
      rec.append(eol);
      line += breaks(rec);
      b.append(rec);
    }
    return new Written(b.toString(), lines);
  }

  static String writeAllQuoted(List<List<String>> rows) {
    return write(rows, List.of("\n"), true).text();
  }

  /** Line breaks in {@code s}: LF, CRLF and a lone CR each count once. */
  static int breaks(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        n++;
      } else if (c == '\r') {
        n++;
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      }
    }
    return n;
  }

  /** Sign-in rows (in the column order of {@link SigninFields#NAMES}) as JSON lines. */
  static String jsonLines(List<List<String>> rows) {
    StringBuilder b = new StringBuilder();
    for (List<String> row : rows) {
      b.append('{');
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append('"').append(SigninFields.NAMES[i]).append("\":\"");
        for (char c : row.get(i).toCharArray()) {
          if (c == '"' || c == '\\') {
            b.append('\\').append(c);
          } else if (c < 0x20) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
        b.append('"');
      }
      b.append("}\n");
    }
    return b.toString();
  }
}

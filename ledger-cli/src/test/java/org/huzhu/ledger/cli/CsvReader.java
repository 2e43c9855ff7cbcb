package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;

/** A minimal RFC 4180 reader for tests: quoted fields, doubled quotes, LF, CRLF and lone CR. */
final class CsvReader {
  private CsvReader() {}

  /** One record and the physical line it starts on (the first line is 1). */
  record Row(int line, List<String> fields) {
    boolean isBlank() {
      return fields.size() == 1 && fields.get(0).strip().isEmpty();
    }
  }

  static List<Row> parse(String s) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int line = 1;
    int start = 1;
    boolean quoted = false;
    boolean any = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            f.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          if (c == '\r' || c == '\n') {
            line++;
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
              f.append('\r');
              i++;
              c = '\n';
            }
          }
          f.append(c);
        }
        i++;
        continue;
      }
      if (c == '"' && f.toString().strip().isEmpty()) {
        quoted = true;
        f.setLength(0);
        any = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        any = true;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(f.toString());
        rows.add(new Row(start, List.copyOf(fields)));
        fields.clear();
        f.setLength(0);
        any = false;
        line++;
        start = line;
      } else {
        f.append(c);
        any = true;
      }
      i++;
    }
    if (any || f.length() > 0 || !fields.isEmpty()) {
      fields.add(f.toString());
      rows.add(new Row(start, List.copyOf(fields)));
    }
    return rows;
  }
}

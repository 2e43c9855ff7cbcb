package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;

/** An aligned text table; column widths count display columns (a CJK character takes two). */
final class Table {
  private final List<String> headers;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** @param headers column headers; a header prefixed with {@code >} is right-aligned (numbers) */
  Table(String... headers) {
    this.headers = new ArrayList<>();
    this.rightAligned = new boolean[headers.length];
    for (int i = 0; i < headers.length; i++) {
      String h = headers[i];
      if (h.startsWith(">")) {
        rightAligned[i] = true;
        h = h.substring(1);
      }
      this.headers.add(h);
    }
  }

  Table add(Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object c : cells) {
      row.add(c == null ? "" : oneLine(String.valueOf(c)));
    }
    rows.add(row);
    return this;
  }

  private static String oneLine(String s) {
    return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
  }

  @Override
  public String toString() {
    int n = headers.size();
    int[] widths = new int[n];
    for (int i = 0; i < n; i++) {
      widths[i] = Width.of(headers.get(i));
    }
    for (List<String> r : rows) {
      for (int i = 0; i < n && i < r.size(); i++) {
        widths[i] = Math.max(widths[i], Width.of(r.get(i)));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, headers, widths);
    List<String> rule = new ArrayList<>();
    for (int w : widths) {
      rule.add("-".repeat(w));
    }
    line(sb, rule, widths);
    for (List<String> r : rows) {
      line(sb, r, widths);
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] widths) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String c = i < cells.size() ? cells.get(i) : "";
      if (i > 0) {
        l.append("  ");
      }
      l.append(Width.pad(c, widths[i], rightAligned[i]));
    }
    int end = l.length();
    while (end > 0 && l.charAt(end - 1) == ' ') {
      end--;
    }
    sb.append(l, 0, end).append('\n');
  }
}

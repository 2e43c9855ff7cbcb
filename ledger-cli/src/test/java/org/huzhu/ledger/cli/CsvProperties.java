package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CsvProperties {
  /** What the writer quotes, the reader gives back unchanged: commas, quotes and every line break. */
  @Property
  void rawCellsRoundTrip(
      @ForAll @Size(min = 1, max = 5) List<@StringLength(max = 12) @Chars({',', '"', '\n', '\r', ' ', 'a', '红'}) @CharRange(from = 'x', to = 'z') String> cells) {
    Csv w = new Csv();
    for (String c : cells) {
      w.raw(c);
    }
    w.end();
    List<CsvReader.Row> rows = CsvReader.parse(w.toString());
    if (rows.size() != 1 || !rows.get(0).fields().equals(cells)) {
      throw new AssertionError(cells + " -> " + rows);
    }
  }

  /** A neutralised cell never starts with a character a spreadsheet reads as a formula. */
  @Property
  void neutralisedCellsAreNeverFormulas(@ForAll @Chars({'=', '+', '-', '@', '\t', '\r', 'a', '1'}) String s) {
    String n = Csv.neutralise(s);
    if (!n.isEmpty() && "=+-@\t\r".indexOf(n.charAt(0)) >= 0) {
      throw new AssertionError(s);
    }
    if (!(n.equals(s) || n.equals("'" + s))) {
      throw new AssertionError(s);
    }
  }

  /** Padding reaches the width exactly when the text is narrower. */
  @Property
  void paddingReachesTheWidth(@ForAll @Chars({'a', '红', 'Ｂ', ' '}) String s, @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int width) {
    List<String> both = new ArrayList<>(List.of(Width.pad(s, width, true), Width.pad(s, width, false)));
    for (String p : both) {
      if (Width.of(p) != Math.max(width, Width.of(s))) {
        throw new AssertionError(s + " " + width);
      }
    }
  }
}

package org.huzhu.ledger.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.From;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CsvTokenizerProperties {
  @Property
  void whatAnRfc4180WriterWritesReadsBackWithItsLineNumbers(
      @ForAll @IntRange(min = 2, max = 6) int columns,
      @ForAll("tables") List<List<String>> cells,
      @ForAll @Size(min = 1, max = 3) List<@From("eols") String> eols,
      @ForAll boolean quoteAll,
      @ForAll boolean finalEol,
      @ForAll("charsets") Charset charset) {
    List<List<String>> rows = new ArrayList<>();
    for (List<String> r : cells) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        row.add(i < r.size() ? r.get(i) : "");
      }
      rows.add(row);
    }
    Rfc4180.Written written = Rfc4180.write(rows, eols, quoteAll);
    String text = "h0";
    for (int i = 1; i < columns; i++) {
      text += ",h" + i;
    }
    text += eols.get(0) + written.text();
    if (!finalEol && text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
    } else if (!finalEol && text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    DecodingSource src =
        DecodingSource.of("t.csv", charset, new ByteArrayInputStream(text.getBytes(charset)));
    CsvTokenizer csv = new CsvTokenizer(src, 4096);
    assertTrue(csv.next());
    assertEquals(1, csv.recordLine());
    assertEquals(columns, csv.fieldCount());
    for (int r = 0; r < rows.size(); r++) {
      assertTrue(csv.next(), "record " + r);
      assertEquals(written.lines().get(r), csv.recordLine(), "line of record " + r);
      assertEquals(columns, csv.fieldCount());
      assertFalse(csv.badQuoting());
      for (int i = 0; i < columns; i++) {
        assertEquals(trim(rows.get(r).get(i)), csv.value(i), "record " + r + " field " + i);
      }
    }
    assertFalse(csv.next());
  }

  private static String trim(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return s.substring(from, to);
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    // Built from whole characters: a generator of single chars would split the emoji's surrogates.
    Arbitrary<String> cell =
        Arbitraries.of(",", "\"", "\r", "\n", "\r\n", " ", "\t", "a", "b", "互", "助", "积分", "😀", "\"\"")
            .list()
            .ofMaxSize(8)
            .map(parts -> String.join("", parts));
    return cell.list().ofMaxSize(6).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> eols() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  @Provide
  Arbitrary<Charset> charsets() {
    return Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("GB18030"), StandardCharsets.UTF_16LE);
  }
}

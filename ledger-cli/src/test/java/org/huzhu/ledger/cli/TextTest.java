package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void csvNeutralisesFormulasInFreeTextOnly() {
    assertEquals("'=SUM(A1)", Csv.neutralise("=SUM(A1)"));
    assertEquals("'+1", Csv.neutralise("+1"));
    assertEquals("'-1", Csv.neutralise("-1"));
    assertEquals("'@x", Csv.neutralise("@x"));
    assertEquals("'\tx", Csv.neutralise("\tx"));
    assertEquals("'\rx", Csv.neutralise("\rx"));
    assertEquals("plain", Csv.neutralise("plain"));
    assertEquals("", Csv.neutralise(""));
    String row = new Csv().raw(-120).raw("member:v1").text("=cmd|' /C calc'!A0").text("a,\"b\"").end().toString();
    assertEquals("-120,member:v1,'=cmd|' /C calc'!A0,\"a,\"\"b\"\"\"\r\n", row);
    assertEquals("\"line\nbreak\"\r\n", new Csv().text("line\nbreak").end().toString());
  }

  @Test
  void displayWidthCountsWideCharactersAsTwo() {
    assertEquals(0, Width.of(""));
    assertEquals(5, Width.of("hello"));
    assertEquals(4, Width.of("红队"));
    assertEquals(6, Width.of("ab红队"));
    assertEquals(4, Width.of("ＡＢ"), "fullwidth forms");
    assertEquals(2, Width.of("한"), "hangul");
    assertEquals(2, Width.of(new String(Character.toChars(0x20BB7))), "supplementary CJK");
    assertEquals(1, Width.of("e\u0301"), "a combining mark takes no column");
    assertEquals("红队  ", Width.pad("红队", 6, false));
    assertEquals("  红队", Width.pad("红队", 6, true));
  }

  @Test
  void tablesAlignByDisplayWidth() {
    String t = new Table("Team", ">Points").add("红队", 5).add("blue", 120).toString();
    assertEquals(List.of("Team  Points", "----  ------", "红队       5", "blue     120"), List.of(t.split("\n")));
  }

  @Test
  void csvReaderCountsPhysicalLines() {
    List<CsvReader.Row> rows = CsvReader.parse("a,b\r\n\"x\ny\",1\rc,\"d\"\"e\"\n\nlast,2");
    assertEquals(5, rows.size());
    assertEquals(1, rows.get(0).line());
    assertEquals(List.of("x\ny", "1"), rows.get(1).fields());
    assertEquals(2, rows.get(1).line());
    assertEquals(4, rows.get(2).line());
    assertEquals(List.of("c", "d\"e"), rows.get(2).fields());
    assertEquals(5, rows.get(3).line());
    assertEquals(true, rows.get(3).isBlank());
    assertEquals(6, rows.get(4).line());
  }
}

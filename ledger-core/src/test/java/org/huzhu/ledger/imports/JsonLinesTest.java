package org.huzhu.ledger.imports;

import static org.huzhu.ledger.imports.ImportFixtures.SHANGHAI;
import static org.huzhu.ledger.imports.ImportFixtures.readAll;
import static org.huzhu.ledger.imports.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
  @TempDir Path dir;

  private static final String GOOD =
      "{\"signin_id\":\"s1\",\"member_id\":\"v1\",\"activity\":\"cleanup\","
          + "\"check_in\":\"2026-03-01T09:00\",\"check_out\":\"2026-03-01T11:00\",\"verified_by\":\"org1\"}";

  private List<ReadRow> jsonl(String content) {
    return readAll(write(dir, "s.jsonl", content));
  }

  private String detail(ReadRow row) {
    return assertInstanceOf(MalformedRow.class, row).detail();
  }

  @Test
  void namesAreTrimmedAsAHeadersAre() {
    ReadRow r = jsonl(GOOD.replace("\"signin_id\"", "\" signin_id\\t\"") + "\n").get(0);
    assertEquals("s1", assertInstanceOf(SigninRow.class, r, r::toString).signinId());
    ReadRow twice = jsonl(GOOD.replace("{", "{\"signin_id \":\"s2\",") + "\n").get(0);
    assertInstanceOf(MalformedRow.class, twice, "signin_id given twice once trimmed");
  }

  @Test
  void readsObjectsWithTheirLineNumbersSkippingBlankLines() {
    List<ReadRow> rows =
        jsonl(GOOD + "\n\n  \r\n" + GOOD.replace("s1", "s2") + "\r" + GOOD.replace("s1", "s3"));
    assertEquals(3, rows.size());
    assertEquals(List.of(1, 4, 5), rows.stream().map(ReadRow::line).toList());
    assertEquals(List.of(0, 1, 2), rows.stream().map(ReadRow::ordinal).toList());
    SigninRow r = (SigninRow) rows.get(0);
    assertEquals(ZonedDateTime.of(2026, 3, 1, 11, 0, 0, 0, SHANGHAI), r.checkOut());
    assertNull(r.team());
  }

  @Test
  void aLineWithATabIsAMalformedRowNotABlankLine() {
    List<ReadRow> rows = jsonl(GOOD + "\n\t\n" + GOOD.replace("s1", "s2") + "\n");
    assertEquals(3, rows.size());
    assertEquals(2, assertInstanceOf(MalformedRow.class, rows.get(1)).line());
  }

  @Test
  void ndjsonExtensionIsJsonLinesToo() {
    List<ReadRow> rows = readAll(write(dir, "S.NDJSON", GOOD + "\n"));
    assertInstanceOf(SigninRow.class, rows.get(0));
  }

  @Test
  void unknownFieldsAreIgnoredButTheirValuesAreStringsToo() {
    String line = GOOD.replace("{", "{\"x\":\"anything\",\"y\":null,\"team\":\"一队\",");
    SigninRow r = assertInstanceOf(SigninRow.class, jsonl(line).get(0));
    assertEquals("一队", r.team());
    // "every value a string", known field or not
    assertEquals("line 1: n is not a string", detail(jsonl(GOOD.replace("{", "{\"n\":5,")).get(0)));
    assertEquals(
        "line 1: x is not a string", detail(jsonl(GOOD.replace("{", "{\"x\":{\"deep\":[1,2,{\"a\":null}]},")).get(0)));
  }

  @Test
  void nonStringValueIsMalformed() {
    assertEquals(
        "line 1: check_in is not a string",
        detail(jsonl(GOOD.replace("\"2026-03-01T09:00\"", "20260301")).get(0)));
    assertEquals(
        "line 1: member_id is not a string",
        detail(jsonl(GOOD.replace("\"v1\"", "[\"v1\"]")).get(0)));
    assertEquals(
        "line 1: verified_by is not a string",
        detail(jsonl(GOOD.replace("\"org1\"", "true")).get(0)));
  }

  @Test
  void halfOfACharacterIsMalformedAndAWholeOneIsText() {
    assertEquals(
        "line 1: team holds half of a character (\\ud800)",
        detail(jsonl(GOOD.replace("{", "{\"team\":\"a\\ud800b\",")).get(0)));
    assertEquals(
        "line 1: member_id holds half of a character (\\udc00)",
        detail(jsonl(GOOD.replace("\"v1\"", "\"\\udc00\"")).get(0)));
    SigninRow whole =
        assertInstanceOf(SigninRow.class, jsonl(GOOD.replace("{", "{\"team\":\"\\ud83d\\ude00\",")).get(0));
    assertEquals("\ud83d\ude00", whole.team());
  }

  @Test
  void nullOrAbsentIsEmpty() {
    SigninRow nullOut =
        assertInstanceOf(
            SigninRow.class, jsonl(GOOD.replace("\"2026-03-01T11:00\"", "null")).get(0));
    assertNull(nullOut.checkOut());
    SigninRow noVerifier =
        assertInstanceOf(
            SigninRow.class, jsonl(GOOD.replace(",\"verified_by\":\"org1\"", "")).get(0));
    assertEquals("", noVerifier.verifiedBy());
    assertEquals(
        "line 1: member_id is empty", detail(jsonl(GOOD.replace("\"v1\"", "null")).get(0)));
    assertEquals(
        "line 1: activity is empty",
        detail(jsonl(GOOD.replace("\"activity\":\"cleanup\",", "")).get(0)));
  }

  @Test
  void unreadableLinesAreMalformedAndReadingGoesOn() {
    List<ReadRow> rows =
        jsonl(
            "{\"signin_id\":\"s1\",\n"
                + "[1,2]\n"
                + "\"text\"\n"
                + GOOD
                + " {}\n"
                + "{\"signin_id\":\"s9\",\"signin_id\":\"s9\"}\n"
                + GOOD.replace("s1", "s2")
                + "\n");
    assertEquals(6, rows.size());
    assertTrue(detail(rows.get(0)).startsWith("line 1: not valid JSON"), detail(rows.get(0)));
    assertEquals("line 2: the line is not a JSON object", detail(rows.get(1)));
    assertEquals("line 3: the line is not a JSON object", detail(rows.get(2)));
    assertTrue(detail(rows.get(3)).startsWith("line 4: "), detail(rows.get(3)));
    assertEquals("line 5: signin_id appears more than once", detail(rows.get(4)));
    assertEquals("s9", rows.get(4).signinId());
    assertEquals("s2", assertInstanceOf(SigninRow.class, rows.get(5)).signinId());
  }

  @Test
  void valuesAreTrimmedAndCheckedLikeCsv() {
    SigninRow r =
        assertInstanceOf(
            SigninRow.class, jsonl(GOOD.replace("\"v1\"", "\" v1\\t\"")).get(0));
    assertEquals("v1", r.memberId());
    assertEquals(
        "line 1: signin_id 'sys:x' starts with a prefix the ledger reserves (reversal:, expire:, sys:)",
        detail(jsonl(GOOD.replace("\"s1\"", "\"sys:x\"")).get(0)));
  }

  @Test
  void hugeLineIsMalformedWithoutBeingHeld() {
    String huge = GOOD.replace("\"org1\"}", "\"org1\",\"note\":\"" + "x".repeat(300_000) + "\"}");
    List<ReadRow> rows = jsonl(huge + "\n" + GOOD + "\n");
    assertEquals("line 1: the line is longer than 262144 characters", detail(rows.get(0)));
    assertInstanceOf(SigninRow.class, rows.get(1));
    String longNote = GOOD.replace("\"org1\"}", "\"org1\",\"note\":\"" + "x".repeat(5000) + "\"}");
    assertEquals(
        "line 1: note is longer than 4096 characters", detail(jsonl(longNote).get(0)));
  }

  @Test
  void invalidBytesRefuseTheFile() {
    Charset gb = Charset.forName("GB18030");
    Path file = write(dir, "gb.jsonl", (GOOD + "\n" + GOOD.replace("v1", "张三") + "\n").getBytes(gb));
    LedgerRefusal e = assertThrows(LedgerRefusal.class, () -> readAll(file));
    assertEquals(Reason.BAD_FILE, e.reason());
    assertTrue(e.getMessage().endsWith(": line 2: bytes invalid in UTF-8; pass --encoding (e.g. GB18030)"));
    List<ReadRow> rows = readAll(file, gb);
    assertEquals(
        "line 2: member_id '张三' does not match [A-Za-z0-9._-]{1,64}", detail(rows.get(1)));
  }
}

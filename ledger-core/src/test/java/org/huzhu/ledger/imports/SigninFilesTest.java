package org.huzhu.ledger.imports;

import static org.huzhu.ledger.imports.ImportFixtures.HEADER;
import static org.huzhu.ledger.imports.ImportFixtures.SHANGHAI;
import static org.huzhu.ledger.imports.ImportFixtures.readAll;
import static org.huzhu.ledger.imports.ImportFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigninFilesTest {
  @TempDir Path dir;

  private static final String ROW = "s1,v1,cleanup,2026-03-01T09:00,2026-03-01T11:00,org1";

  private List<ReadRow> csv(String content) {
    return readAll(write(dir, "s.csv", content));
  }

  private ReadRow single(String header, String row) {
    List<ReadRow> rows = csv(header + "\n" + row + "\n");
    assertEquals(1, rows.size(), rows::toString);
    return rows.get(0);
  }

  private SigninRow ok(String row) {
    return assertInstanceOf(SigninRow.class, single(HEADER + ",team,grid,note", padded(row)));
  }

  private MalformedRow bad(String row) {
    return assertInstanceOf(MalformedRow.class, single(HEADER + ",team,grid,note", padded(row)));
  }

  /** A row of the six required fields gets empty team, grid and note. */
  private static String padded(String row) {
    return row.split(",", -1).length == 6 ? row + ",,," : row;
  }

  private LedgerRefusal refused(Path file) {
    LedgerRefusal e = assertThrows(LedgerRefusal.class, () -> readAll(file));
    assertEquals(Reason.BAD_FILE, e.reason());
    return e;
  }

  @Test
  void readsAPlainRow() {
    SigninRow r = ok("s1,v1,cleanup,2026-03-01T09:00,2026-03-01T11:30,org1,Team A,网格1,hello");
    assertEquals(2, r.line());
    assertEquals(0, r.ordinal());
    assertEquals("s1", r.signinId());
    assertEquals("v1", r.memberId());
    assertEquals("cleanup", r.activity());
    assertEquals(ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, SHANGHAI), r.checkIn());
    assertEquals(ZonedDateTime.of(2026, 3, 1, 11, 30, 0, 0, SHANGHAI), r.checkOut());
    assertEquals("org1", r.verifiedBy());
    assertEquals("Team A", r.team());
    assertEquals("网格1", r.grid());
    assertEquals("hello", r.note());
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaksAndLinesCountInsideThem() {
    String content =
        HEADER
            + ",note\r\n"
            + "s1,v1,cleanup,2026-03-01T09:00,,org1,\"a, b\"\r\n"
            + "s2,v1,cleanup,2026-03-01T09:00,,org1,\"say \"\"hi\"\"\nsecond\r\nthird\rfourth\"\r\n"
            + "s3,v1,cleanup,2026-03-01T09:00,,org1,x\r"
            + "s4,v1,cleanup,2026-03-01T09:00,,org1,y\n";
    List<ReadRow> rows = csv(content);
    assertEquals(4, rows.size());
    SigninRow r1 = (SigninRow) rows.get(0);
    SigninRow r2 = (SigninRow) rows.get(1);
    SigninRow r3 = (SigninRow) rows.get(2);
    SigninRow r4 = (SigninRow) rows.get(3);
    assertEquals("a, b", r1.note());
    assertEquals("say \"hi\"\nsecond\r\nthird\rfourth", r2.note());
    assertEquals(List.of(2, 3, 7, 8), List.of(r1.line(), r2.line(), r3.line(), r4.line()));
    assertEquals(List.of(0, 1, 2, 3), List.of(r1.ordinal(), r2.ordinal(), r3.ordinal(), r4.ordinal()));
  }

  @Test
  void blankLinesAreNotRowsButCountAsLines() {
    List<ReadRow> rows = csv(HEADER + "\n\n   \n" + ROW + "\r\n\r\n" + ROW.replace("s1", "s2"));
    assertEquals(2, rows.size());
    assertEquals(4, rows.get(0).line());
    assertEquals(6, rows.get(1).line());
    assertEquals(1, rows.get(1).ordinal());
  }

  @Test
  void aLineWithATabIsARowNotABlankLine() {
    List<ReadRow> rows = csv(HEADER + "\n \t \n" + ROW + "\n");
    assertEquals(2, rows.size());
    assertEquals(2, assertInstanceOf(MalformedRow.class, rows.get(0)).line());
    assertEquals(3, assertInstanceOf(SigninRow.class, rows.get(1)).line());
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] body = (HEADER + "\n" + ROW + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    List<ReadRow> rows = readAll(write(dir, "bom.csv", withBom));
    assertInstanceOf(SigninRow.class, rows.get(0));
  }

  @Test
  void gb18030FileReadsWithItsCharsetAndIsRefusedWithoutIt() {
    Charset gb = Charset.forName("GB18030");
    String content = HEADER + ",team\n" + ROW + ",第一队\n" + ROW.replace("s1", "s2") + ",第二队\n";
    Path file = write(dir, "gb.csv", content.getBytes(gb));
    List<ReadRow> rows = readAll(file, gb);
    assertEquals("第一队", ((SigninRow) rows.get(0)).team());
    assertEquals("第二队", ((SigninRow) rows.get(1)).team());
    LedgerRefusal e = refused(file);
    assertEquals(
        file + ": line 2: bytes invalid in UTF-8; pass --encoding (e.g. GB18030)", e.getMessage());
  }

  @Test
  void invalidBytesFarIntoTheFileNameTheirLine() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 5000; i++) {
      b.append(ROW.replace("s1", "s" + i)).append('\n');
    }
    byte[] good = b.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[good.length + 2];
    System.arraycopy(good, 0, all, 0, good.length);
    all[good.length] = (byte) 0xC3; // a lead byte cut short at the end of the file
    all[good.length + 1] = 'x';
    LedgerRefusal e = refused(write(dir, "late.csv", all));
    assertTrue(e.getMessage().contains(": line 5002: bytes invalid in UTF-8"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"signin_id", "member_id", "activity", "check_in", "check_out", "verified_by"})
  void missingRequiredColumnRefusesTheFileNamingIt(String column) {
    String header = HEADER.replace(column, "other");
    LedgerRefusal e = refused(write(dir, "m.csv", header + "\n"));
    assertTrue(e.getMessage().endsWith("line 1: missing column " + column), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"signin_id", "check_out", "team", "grid", "note"})
  void repeatedKnownColumnRefusesTheFileNamingIt(String column) {
    LedgerRefusal e =
        refused(write(dir, "r.csv", HEADER + ",team,grid,note, " + column + " \n"));
    assertTrue(e.getMessage().contains("column " + column + " appears more than once"), e.getMessage());
  }

  @Test
  void emptyFileIsRefused() {
    refused(write(dir, "e.csv", ""));
    refused(write(dir, "e2.csv", "\n  \n"));
  }

  @Test
  void emptyAndUnknownHeaderNamesAreIgnoredAndMayRepeat() {
    String header = "x, activity ,\tsignin_id,,x,member_id,check_in,check_out,verified_by,,";
    String row = "1,cleanup,s1,,2,v1,2026-03-01T09:00,,org1,,";
    SigninRow r = assertInstanceOf(SigninRow.class, single(header, row));
    assertEquals("cleanup", r.activity());
    assertEquals("s1", r.signinId());
  }

  @Test
  void columnOrderIsFree() {
    SigninRow r =
        assertInstanceOf(
            SigninRow.class,
            single(
                "verified_by,check_out,check_in,activity,member_id,signin_id",
                "org1,,2026-03-01T09:00,cleanup,v1,s1"));
    assertEquals("v1", r.memberId());
    assertNull(r.checkOut());
  }

  @Test
  void fieldCountMismatchIsMalformed() {
    MalformedRow m = assertInstanceOf(MalformedRow.class, single(HEADER, ROW + ",extra"));
    assertEquals("line 2: 7 fields where the header has 6", m.detail());
    assertEquals("s1", m.signinId());
    MalformedRow fewer = assertInstanceOf(MalformedRow.class, single(HEADER, "s2,v1,cleanup"));
    assertEquals("line 2: 3 fields where the header has 6", fewer.detail());
  }

  @Test
  void badQuotingIsMalformedAndReadingGoesOn() {
    List<ReadRow> rows = csv(HEADER + "\n\"s1\"x,v1,cleanup,2026-03-01T09:00,,org1\n" + ROW + "\n");
    assertInstanceOf(MalformedRow.class, rows.get(0));
    assertInstanceOf(SigninRow.class, rows.get(1));
    assertEquals(3, rows.get(1).line());
    List<ReadRow> open = csv(HEADER + "\n" + ROW + "\ns2,v1,\"cleanup,2026\n\n");
    assertEquals(2, open.size());
    assertEquals(
        "line 3: a quoted field is not closed properly", ((MalformedRow) open.get(1)).detail());
  }

  @Test
  void valuesAndNamesAreTrimmedOfSpacesAndTabs() {
    SigninRow r =
        assertInstanceOf(
            SigninRow.class,
            single(
                " signin_id\t, member_id ,activity,check_in,check_out,verified_by,note",
                " s1 ,\tv1\t,cleanup , 2026-03-01 09:00 , ,  ,\"  spaced  \""));
    assertEquals("s1", r.signinId());
    assertEquals("v1", r.memberId());
    assertNull(r.checkOut());
    assertEquals("", r.verifiedBy()); // empty verified_by is the ledger's not-verified
    assertEquals("spaced", r.note());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "s1,,cleanup,2026-03-01T09:00,,org1| member_id is empty",
        "s1,v 1,cleanup,2026-03-01T09:00,,org1| member_id 'v 1' does not match [A-Za-z0-9._-]{1,64}",
        "s1,v:1,cleanup,2026-03-01T09:00,,org1| member_id 'v:1' does not match [A-Za-z0-9._-]{1,64}",
        "s1,v1,,2026-03-01T09:00,,org1| activity is empty",
        ",v1,cleanup,2026-03-01T09:00,,org1| signin_id is empty",
        "s/1,v1,cleanup,2026-03-01T09:00,,org1| signin_id 's/1' does not match [A-Za-z0-9._:-]{1,64}",
        "sys:1,v1,cleanup,2026-03-01T09:00,,org1| signin_id 'sys:1' starts with a prefix the ledger reserves (reversal:, expire:, sys:)",
        "reversal:x,v1,cleanup,2026-03-01T09:00,,org1| signin_id 'reversal:x' starts with a prefix the ledger reserves (reversal:, expire:, sys:)",
        "expire:x,v1,cleanup,2026-03-01T09:00,,org1| signin_id 'expire:x' starts with a prefix the ledger reserves (reversal:, expire:, sys:)",
        "s1,v1,cleanup,,,org1| check_in is empty",
        "s1,v1,cleanup,2026-02-30T09:00,,org1| check_in '2026-02-30T09:00' is not a valid date-time",
        "s1,v1,cleanup,2026-03-01T24:00,,org1| check_in '2026-03-01T24:00' is not a valid date-time",
        "s1,v1,cleanup,2026-03-01T25:61,,org1| check_in '2026-03-01T25:61' is not a valid date-time",
        "s1,v1,cleanup,2026-03-01T09:00,2026-13-01T10:00,org1| check_out '2026-13-01T10:00' is not a valid date-time",
        "s1,v1,cleanup,2026-03-01T09:00,,org 1| verified_by 'org 1' does not match [A-Za-z0-9._-]{1,64}",
      })
  void patternFailuresAreMalformedNamingTheField(String row, String problem) {
    MalformedRow m = bad(row);
    assertEquals("line 2: " + problem, m.detail());
  }

  @Test
  void idsUpTo64CharactersAndTheirAlphabet() {
    String id64 = "a".repeat(64);
    assertInstanceOf(
        SigninRow.class,
        single(HEADER, "A-z_0.9:x," + id64 + "," + id64 + ",2026-03-01T09:00,," + id64));
    bad("s1," + "a".repeat(65) + ",cleanup,2026-03-01T09:00,,org1");
    bad("s" + "1".repeat(64) + ",v1,cleanup,2026-03-01T09:00,,org1");
    bad("s1,v1,cleanup,2026-03-01T09:00,,é");
    assertEquals("Sys:1", ok("Sys:1,v1,cleanup,2026-03-01T09:00,,org1").signinId());
  }

  @Test
  void anActivityIsAnyTextUpTo200Characters() {
    // The contract gives activities no pattern: one no rule version defines is unknown-activity.
    assertEquals("清扫", ok("s1,v1,清扫,2026-03-01T09:00,,org1").activity());
    assertEquals("clean up: a:b", ok("s1,v1,clean up: a:b,2026-03-01T09:00,,org1").activity());
    String a200 = "动".repeat(200);
    assertEquals(a200, ok("s1,v1," + a200 + ",2026-03-01T09:00,,org1").activity());
    assertEquals(
        "line 2: activity is longer than 200 characters", bad("s1,v1," + a200 + "x,2026-03-01T09:00,,org1").detail());
  }

  @Test
  void teamGridAndNoteLimits() {
    String t200 = "队".repeat(200);
    SigninRow r = ok("s1,v1,cleanup,2026-03-01T09:00,,org1," + t200 + "," + t200 + "," + "n".repeat(4096));
    assertEquals(t200, r.team());
    assertEquals(4096, r.note().length());
    assertEquals(
        "line 2: team is longer than 200 characters",
        bad("s1,v1,cleanup,2026-03-01T09:00,,org1," + t200 + "x,,").detail());
    assertEquals(
        "line 2: grid is longer than 200 characters",
        bad("s1,v1,cleanup,2026-03-01T09:00,,org1,," + t200 + "x,").detail());
    assertEquals(
        "line 2: note is longer than 4096 characters",
        bad("s1,v1,cleanup,2026-03-01T09:00,,org1,,," + "n".repeat(4097)).detail());
    SigninRow empty = ok("s1,v1,cleanup,2026-03-01T09:00,,org1,,,");
    assertNull(empty.team());
    assertNull(empty.grid());
    assertNull(empty.note());
  }

  @Test
  void hugeFieldIsMalformedAndTheNextRowIsRead() {
    String huge = "x".repeat(1_000_000);
    List<ReadRow> rows =
        csv(HEADER + ",note\n" + ROW + ",\"" + huge + "\"\n" + ROW.replace("s1", "s2") + ",\n");
    assertEquals(
        "line 2: note is longer than 4096 characters", ((MalformedRow) rows.get(0)).detail());
    assertEquals("s2", rows.get(1).signinId());
    assertEquals(3, rows.get(1).line());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-03-01T09:00| 2026-03-01T09:00+08:00[Asia/Shanghai]",
        "2026-03-01 09:00| 2026-03-01T09:00+08:00[Asia/Shanghai]",
        "2026-03-01T09:00:07| 2026-03-01T09:00:07+08:00[Asia/Shanghai]",
        "2026-03-01T09:00:07.5| 2026-03-01T09:00:07.500+08:00[Asia/Shanghai]",
        "2026-03-01T09:00:07.123456789| 2026-03-01T09:00:07.123456789+08:00[Asia/Shanghai]",
        "2026-03-01T09:00:07.1234567891| 2026-03-01T09:00:07.123456789+08:00[Asia/Shanghai]",
        "2026-03-01T01:00Z| 2026-03-01T09:00+08:00[Asia/Shanghai]",
        "2026-03-01T09:00+08:00| 2026-03-01T09:00+08:00[Asia/Shanghai]",
        "2026-02-28T20:00-05:00| 2026-03-01T09:00+08:00[Asia/Shanghai]",
        "2026-03-01 04:30:00.25+03:30| 2026-03-01T09:00:00.250+08:00[Asia/Shanghai]",
        "2024-02-29T00:00| 2024-02-29T00:00+08:00[Asia/Shanghai]",
      })
  void dateTimeFormsResolveInTheLedgerZone(String text, String expected) {
    SigninRow r = ok("s1,v1,cleanup," + text + ",,org1");
    assertEquals(ZonedDateTime.parse(expected), r.checkIn());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T09:00", "2026-03-01T24:00", "2026-03-01T23:60", "2026-03-01T09:00:60",
        "2025-02-29T09:00", "2026-04-31T09:00", "2026-00-01T09:00", "2026-03-00T09:00",
        "2026-3-01T09:00", "26-03-01T09:00", "2026-03-01T9:00", "2026-03-01", "2026-03-01T09",
        "2026-03-01t09:00", "2026-03-01  09:00", "2026-03-01T09:00:00.",
        "2026-03-01T09:00.5", "2026-03-01T09:00z", "2026-03-01T09:00+8:00", "2026-03-01T09:00+0800",
        "2026-03-01T09:00+19:00", "2026-03-01T09:00+08:60", "2026-03-01T09:00 +08:00",
        "2026-03-01T09:00:00Z+08:00", "２０２６-03-01T09:00", "2026-03-01T09:00:0"
      })
  void impossibleOrMisshapenDateTimesAreMalformed(String text) {
    assertEquals(
        "line 2: check_in " + SigninFields.show(text) + " is not a valid date-time",
        bad("s1,v1,cleanup," + text + ",,org1").detail());
  }

  @Test
  void localTimesInAGapResolveAsJavaTimeDoes() {
    Path file =
        write(dir, "ny.csv", HEADER + "\ns1,v1,cleanup,2026-03-08T02:30,2026-11-01T01:30,org1\n");
    java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
    try (SigninReader r = SigninFiles.open(file, StandardCharsets.UTF_8, ny)) {
      SigninRow row = (SigninRow) r.next();
      assertEquals(ZonedDateTime.of(2026, 3, 8, 2, 30, 0, 0, ny), row.checkIn());
      assertEquals(ZonedDateTime.of(2026, 11, 1, 1, 30, 0, 0, ny), row.checkOut());
    }
  }

  @Test
  void sha256AndBytesReadCoverTheWholeFile() throws Exception {
    String content = HEADER + "\n" + ROW + "\n";
    Path file = write(dir, "h.csv", content);
    try (SigninReader r = SigninFiles.open(file, StandardCharsets.UTF_8, SHANGHAI)) {
      r.forEachRemaining(row -> {});
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      assertEquals(
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), r.sha256());
      assertEquals(bytes.length, r.bytesRead());
      assertEquals(1, r.rowsRead());
    }
  }

  @Test
  void missingFileIsRefused() {
    LedgerRefusal e =
        assertThrows(
            LedgerRefusal.class,
            () -> SigninFiles.open(dir.resolve("nope.csv"), StandardCharsets.UTF_8, SHANGHAI));
    assertEquals(Reason.BAD_FILE, e.reason());
  }
}

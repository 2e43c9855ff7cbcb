package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path tmp;
  Run.Books books;
  Path sheet;

  static final String SHEET =
      "signin_id,member_id,activity,check_in,check_out,verified_by,note\n"
          + "A1,v001,elderly-care,2026-11-02T09:00,2026-11-02T11:00,g1,帮王奶奶买菜\n"
          + "A2,v002,cleanup,2026-11-03T09:00,2026-11-03T09:20,g1,\n"
          + "=1+1,v003,cleanup,2026-11-03T09:00,2026-11-03T10:00,g1,\n";

  static final String SUMMARY =
      "{\"read\":3,\"credited\":1,\"duplicates\":0,\"rejected\":2,\"points\":20,\"minutes\":120,"
          + "\"by_reason\":{\"malformed\":1,\"too-short\":1},\"import\":\"sheet-11\"";
  /** The sheet's one note, shown and never stored. */
  static final String NOTES = ",\"notes\":[{\"line\":2,\"signin_id\":\"A1\",\"note\":\"帮王奶奶买菜\"}]";

  @BeforeEach
  void setUp() throws IOException {
    books = new Run.Books(tmp.resolve("books")).community(tmp);
    sheet = tmp.resolve("sheet.csv");
    Files.writeString(sheet, SHEET, StandardCharsets.UTF_8);
  }

  /** What a rejects file is written to before it is put in place is gone afterwards. */
  private void assertNoPartFiles() throws IOException {
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
    }
  }

  private String balanceOfV001() {
    Run r = books.run("balance", "--member", "v001", "--format", "json");
    assertEquals(0, r.exit, r::toString);
    return r.out.strip();
  }

  @Test
  void importCreditsRejectsAndWritesTheRejectsFile() throws IOException {
    Path rejects = tmp.resolve("rejects.csv");
    Run r = books.run("import", sheet.toString(), "--id", "sheet-11", "--rejects", rejects.toString(), "--format", "json");
    assertEquals(4, r.exit, r::toString);
    assertEquals(SUMMARY + NOTES + "}", r.out.strip());
    assertEquals("", r.err, "no progress bar when not on a terminal");

    byte[] bytes = Files.readAllBytes(rejects);
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    List<CsvReader.Row> rows = CsvReader.parse(text);
    assertEquals(List.of("line", "signin_id", "reason", "detail"), rows.get(0).fields());
    assertTrue(text.startsWith("line,signin_id,reason,detail\r\n"), text);
    assertEquals(List.of("3", "A2", "too-short"), rows.get(1).fields().subList(0, 3));
    assertEquals(List.of("4", "'=1+1", "malformed"), rows.get(2).fields().subList(0, 3), text);
    assertEquals(3, rows.size());
    assertNoPartFiles();

    Run bal = books.run("balance", "--member", "v001", "--format", "json");
    assertTrue(bal.out.contains("\"points\":20,\"minutes\":120"), bal::toString);
  }

  @Test
  void reimportingIsAllDuplicatesAndExits0() throws IOException {
    Path clean = tmp.resolve("clean.csv");
    Files.writeString(clean, SHEET.lines().limit(2).map(l -> l + "\n").reduce("", String::concat));
    Run first = books.run("import", clean.toString(), "--format", "json");
    assertEquals(0, first.exit, first::toString);
    assertTrue(first.out.startsWith("{\"read\":1,\"credited\":1,\"duplicates\":0,\"rejected\":0,\"points\":20,\"minutes\":120,\"by_reason\":{},\"import\":\"import:"), first::toString);
    Path rejects = tmp.resolve("none.csv");
    Run again = books.run("import", clean.toString(), "--format", "json", "--rejects", rejects.toString());
    assertEquals(0, again.exit, again::toString);
    assertTrue(again.out.startsWith("{\"read\":1,\"credited\":0,\"duplicates\":1,\"rejected\":0,\"points\":0,\"minutes\":0,"), again::toString);
    assertEquals("\uFEFFline,signin_id,reason,detail\r\n", Files.readString(rejects, StandardCharsets.UTF_8), "header only");
  }

  @Test
  void aSheetWithOnlyRejectedRowsExits4() throws IOException {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "signin_id,member_id,activity,check_in,check_out,verified_by\nB1,nobody,cleanup,2026-11-02T09:00,2026-11-02T10:00,g1\n");
    Run r = books.run("import", bad.toString(), "--format", "json");
    assertEquals(4, r.exit, r::toString);
    assertTrue(r.out.contains("\"credited\":0") && r.out.contains("\"by_reason\":{\"unknown-member\":1}"), r::toString);
  }

  @Test
  void dryRunExitsAsTheRealRunWouldWritesNothingButTheRejects() throws IOException {
    String before = balanceOfV001();
    Path rejects = tmp.resolve("dry.csv");
    Run r = books.run("import", sheet.toString(), "--id", "sheet-11", "--dry-run", "--rejects", rejects.toString(), "--format", "json");
    assertEquals(4, r.exit, r::toString);
    assertEquals(SUMMARY + ",\"dry_run\":true,\"committed\":false" + NOTES + "}", r.out.strip());
    assertEquals(before, balanceOfV001());
    assertEquals(3, CsvReader.parse(Files.readString(rejects, StandardCharsets.UTF_8)).size());

    Run aon = books.run("import", sheet.toString(), "--id", "sheet-11", "--dry-run", "--all-or-nothing");
    assertEquals(3, aon.exit, aon::toString);
    assertTrue(aon.out.contains("Dry run"), aon::toString);
  }

  @Test
  void allOrNothingWithARejectedRowCommitsNothingAndExits3() throws IOException {
    String before = balanceOfV001();
    Run r = books.run("import", sheet.toString(), "--id", "sheet-11", "--all-or-nothing", "--format", "json");
    assertEquals(3, r.exit, r::toString);
    assertEquals(SUMMARY + ",\"committed\":false" + NOTES + "}", r.out.strip());
    assertEquals(before, balanceOfV001());
    Run table = books.run("import", sheet.toString(), "--all-or-nothing");
    assertEquals(3, table.exit, table::toString);
    assertTrue(table.out.contains("Nothing was written: --all-or-nothing and 2 rows were rejected"), table::toString);
  }

  @Test
  void aFileRefusedWholeExits3WithOneLineNamingFileLineAndField() throws IOException {
    Path noColumn = tmp.resolve("no-column.csv");
    Files.writeString(noColumn, "signin_id,member_id,check_in,check_out,verified_by\nA1,v001,2026-11-02T09:00,2026-11-02T11:00,g1\n");
    Run r = books.run("import", noColumn.toString(), "--format", "json");
    assertEquals(3, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"refused\":\"bad-file\""), r::toString);
    assertEquals(1, r.err.strip().lines().count(), r::toString);
    assertTrue(r.err.contains("no-column.csv") && r.err.contains("activity"), r::toString);

    Path gb = tmp.resolve("gb.csv");
    Files.write(gb, SHEET.getBytes(Charset.forName("GB18030")));
    Files.writeString(tmp.resolve("r.csv"), "stale rows of an earlier run\n");
    Run bytes = books.run("import", gb.toString(), "--rejects", tmp.resolve("r.csv").toString());
    assertEquals(3, bytes.exit, bytes::toString);
    assertEquals(1, bytes.err.strip().lines().count(), bytes::toString);
    assertTrue(bytes.err.contains("gb.csv") && bytes.err.contains("line 2") && bytes.err.contains("--encoding"), bytes::toString);
    assertEquals(
        "\uFEFFline,signin_id,reason,detail\r\n",
        Files.readString(tmp.resolve("r.csv"), StandardCharsets.UTF_8),
        "a refused file replaces an earlier rejects file with the header only");
    assertNoPartFiles();

    Run decoded = books.run("import", gb.toString(), "--encoding", "GB18030", "--format", "json");
    assertEquals(4, decoded.exit, decoded::toString);
  }

  @Test
  void notesAreShownAndNeverStored() throws IOException {
    Run r = books.run("import", sheet.toString(), "--dry-run");
    assertTrue(r.out.contains("Notes from the sheet"), r::toString);
    assertTrue(r.out.lines().anyMatch(l -> l.matches("\\s*2\\s+A1\\s+帮王奶奶买菜\\s*")), r::toString);
    books.run("import", sheet.toString());
    Run export = books.run("export", "jsonl");
    assertEquals(0, export.exit, export::toString);
    assertFalse(export.out.contains("王奶奶"), "a note never reaches the journal");
  }

  @Test
  void aThousandNotesAreShownTheRestCountedAndNoneCanRewriteTheTerminal() throws IOException {
    StringBuilder sheet = new StringBuilder("signin_id,member_id,activity,check_in,check_out,verified_by,note\n");
    for (int i = 0; i < ImportCommand.Notes.SHOWN + 5; i++) {
      sheet.append("N").append(i).append(",v001,report-issue,2026-11-02T09:00,,g1,note ").append(i).append(" \u001b[2J\u202e\n");
    }
    Path f = Files.writeString(tmp.resolve("notes.csv"), sheet, StandardCharsets.UTF_8);
    Run json = books.run("import", f.toString(), "--dry-run", "--format", "json");
    assertTrue(json.out.contains("\"notes_not_shown\":5"), json::toString);
    assertTrue(json.out.contains("{\"line\":2,\"signin_id\":\"N0\",\"note\":\"note 0  [2J \"}"), json::toString);
    Run table = books.run("import", f.toString(), "--dry-run");
    assertFalse(table.out.contains("\u001b") || table.out.contains("\u202e"), "no escape or direction character reaches the terminal");
    assertTrue(table.out.contains("… and 5 more notes, not shown"), table::toString);
  }

  @Test
  void theRejectsFileCannotBeTheSheetItself() throws IOException {
    Run r = books.run("import", sheet.toString(), "--rejects", sheet.toString());
    assertEquals(2, r.exit, r::toString);
    assertEquals(SHEET, Files.readString(sheet, StandardCharsets.UTF_8));
  }

  @Test
  void aRejectsPathThatCannotBeWrittenFailsBeforeAnythingIsCommitted() throws IOException {
    String before = balanceOfV001();
    Path dir = Files.createDirectories(tmp.resolve("rejects-dir/inside"));
    Run r = books.run("import", sheet.toString(), "--rejects", dir.getParent().toString());
    assertEquals(2, r.exit, r::toString);
    assertTrue(r.err.contains("rejects-dir is a directory"), r::toString);
    assertEquals(before, balanceOfV001());
    assertTrue(Files.isDirectory(dir));

    // A place that cannot hold a new file, under /proc too, is found before the import runs.
    for (String nowhere : new String[] {tmp.resolve("no-such-dir/r.csv").toString(), "/proc/no-such-dir/r.csv"}) {
      Run lost = books.run("import", sheet.toString(), "--rejects", nowhere);
      assertEquals(3, lost.exit, lost::toString);
      assertTrue(lost.err.contains("cannot write " + nowhere), lost::toString);
      assertEquals(before, balanceOfV001());
    }

    Path mine = Files.writeString(tmp.resolve("out.csv.tmp"), "the user's own file");
    Run ok = books.run("import", sheet.toString(), "--rejects", tmp.resolve("out.csv").toString());
    assertEquals(4, ok.exit, ok::toString);
    assertEquals("the user's own file", Files.readString(mine));
  }

  @Test
  void missingFileExits3AndBadOptionsAreUsageErrors() {
    Run missing = books.run("import", tmp.resolve("nope.csv").toString());
    assertEquals(3, missing.exit, missing::toString);
    assertEquals(1, missing.err.strip().lines().count(), missing::toString);
    Run charset = books.run("import", sheet.toString(), "--encoding", "NOPE-42");
    assertEquals(2, charset.exit, charset::toString);
    Run id = books.run("import", sheet.toString(), "--id", "bad id!");
    assertEquals(2, id.exit, id::toString);
  }

  @Test
  void reverseImportReversesEveryCreditOfTheImport() throws IOException {
    assertEquals(4, books.run("import", sheet.toString(), "--id", "sheet-11").exit);
    Run r = books.run("reverse", "--import", "sheet-11", "--reason", "wrong sheet", "--format", "json");
    assertEquals(0, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"import\":\"sheet-11\",\"reversed\":1,\"entries\":[{\"id\":\"reversal:A1\""), r::toString);
    assertTrue(balanceOfV001().contains("\"points\":0,\"minutes\":0"));
    Run again = books.run("reverse", "--import", "sheet-11", "--reason", "wrong sheet");
    assertEquals(0, again.exit, again::toString);
    assertEquals("Nothing reversed: every credit of sheet-11 is reversed already", again.out.strip(), again::toString);

    Run unknown = books.run("reverse", "--import", "nope", "--reason", "x", "--format", "json");
    assertEquals(3, unknown.exit, unknown::toString);
    assertTrue(unknown.out.startsWith("{\"refused\":\"unknown-import\""), unknown::toString);

    Run both = books.run("reverse", "--import", "sheet-11", "--entry", "A1", "--reason", "x");
    assertEquals(2, both.exit, both::toString);
    Run neither = books.run("reverse", "--reason", "x");
    assertEquals(2, neither.exit, neither::toString);
    Run withId = books.run("reverse", "--import", "sheet-11", "--reason", "x", "--id", "R-9");
    assertEquals(2, withId.exit, withId::toString);
  }

  @Test
  void theExampleSheetCreditsMostRowsAndRejectsOneOfEachKind() throws IOException {
    Path signins = Run.example(tmp, "signins.csv");
    Run r = books.run("import", signins.toString(), "--format", "json");
    assertEquals(4, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"read\":1276,\"credited\":1267,\"duplicates\":0,\"rejected\":9,"), r::toString);
  }

  @Test
  void theProgressBarShowsRowsPerSecondAndTimeLeft() {
    StringWriter sw = new StringWriter();
    long[] now = {0};
    ProgressBar bar = new ProgressBar(new PrintWriter(sw), Messages.of(Huzhu.Lang.en), () -> now[0]);
    now[0] = 2_000_000_000L;
    bar.read(1000, 250, 1000);
    String first = sw.toString();
    assertTrue(first.startsWith("\rreading [######------------------]  25% 1000 rows 500/s ETA 0:06"), first);
    now[0] += 10_000_000L;
    bar.read(1001, 251, 1000);
    assertEquals(first, sw.toString(), "redrawn at most ten times a second");
    now[0] += 1_000_000_000L;
    bar.decided(1000, 1000, 990, 10);
    assertTrue(sw.toString().contains("crediting [########################] 100%"), sw::toString);
    bar.finish();
    assertTrue(sw.toString().endsWith("\r"), sw::toString);
  }
}

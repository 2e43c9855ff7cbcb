package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Reports and certificates over the example community (read-only, so built once). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {
  @TempDir static Path tmp;
  Run.Books books;

  @BeforeAll
  void setUp() throws IOException {
    books = new Run.Books(tmp.resolve("books")).community(tmp);
    assertEquals(4, books.run("import", Run.example(tmp, "signins.csv").toString()).exit);
    assertEquals(0, books.run("redeem", "--member", "v003", "--item", "haircut", "--id", "R-1").exit);
  }

  private Run ok(String... args) {
    Run r = books.run(args);
    assertEquals(0, r.exit, r::toString);
    return r;
  }

  @Test
  void teamsReportInEachFormatAlignsChineseNames() {
    Run json = ok("report", "teams", "--month", "2026-10", "--format", "json");
    assertTrue(
        json.out.startsWith(
            "{\"month\":\"2026-10\",\"teams\":[{\"name\":\"义剪服务队\",\"credits\":37,\"minutes\":2730,\"points\":511},"),
        json::toString);
    assertTrue(json.out.contains("\"grids\":[{\"name\":\"一网格\",\"credits\":36,\"minutes\":3300,\"points\":499}"), json::toString);

    Run table = ok("report", "teams", "--month", "2026-10");
    List<String> lines = table.out.lines().toList();
    assertEquals("Credits by team and grid, 2026-10", lines.get(0));
    assertEquals("义剪服务队       37  45:30     511", lines.get(3));
    int width = Width.of(lines.get(1));
    for (String l : lines.subList(1, 7)) {
      assertEquals(width, Width.of(l), () -> "aligned by display width:\n" + table.out);
    }
    Run csv = ok("report", "teams", "--month", "2026-10", "--format", "csv");
    assertTrue(csv.out.startsWith("month,group,name,credits,minutes,points\r\n2026-10,team,义剪服务队,37,2730,511\r\n"), csv::toString);
    Run zh = ok("report", "teams", "--month", "2026-10", "--lang", "zh");
    assertTrue(zh.out.contains("队伍") && zh.out.contains("入账次数"), zh::toString);
  }

  @Test
  void leaderboardSharesRanksAndHonoursTop() {
    Run json = ok("report", "leaderboard", "--month", "2026-10", "--top", "3", "--format", "json");
    assertEquals(
        "{\"month\":\"2026-10\",\"leaders\":[{\"rank\":1,\"member\":\"v015\",\"minutes\":735,\"points\":102,\"credits\":5},"
            + "{\"rank\":2,\"member\":\"v012\",\"minutes\":570,\"points\":119,\"credits\":7},"
            + "{\"rank\":2,\"member\":\"v029\",\"minutes\":570,\"points\":74,\"credits\":4}]}",
        json.out.strip());
    assertEquals(2, books.run("report", "leaderboard", "--top", "0").exit);
    assertEquals(2, books.run("report", "leaderboard", "--top", "x").exit);
  }

  @Test
  void monthDefaultsToThisMonthAndABadMonthIsAUsageError() {
    Run merchants = ok("report", "merchants", "--format", "json");
    assertEquals(
        "{\"month\":\"2026-11\",\"merchants\":[{\"merchant\":\"m-barber\",\"redeemed\":20,\"reversed\":0,\"net\":20,\"settled\":0,\"owed\":20}]}",
        merchants.out.strip());
    Run bad = books.run("report", "teams", "--month", "2026-13");
    assertEquals(2, bad.exit, bad::toString);
    assertEquals(2, books.run("report", "everything").exit);
    assertTrue(ok("report", "merchants").out.contains("m-barber"));
  }

  @Test
  void liabilityByExpiryMonthAndMerchantsOwed() {
    Run json = ok("report", "liability", "--format", "json");
    assertTrue(json.out.startsWith("{\"as_of\":\"2026-11-23\",\"points_outstanding\":19471,\"minutes_outstanding\":114615,\"by_expiry_month\":[{\"month\":\"2027-01\",\"points\":1419},"), json::toString);
    assertTrue(json.out.endsWith("\"owed_to_merchants\":[{\"account\":\"merchant:m-barber\",\"points\":20}],\"settled\":0}\n"), json::toString);
    Run csv = ok("report", "liability", "--format", "csv");
    List<String> rows = csv.out.lines().toList();
    assertEquals("as_of,what,key,amount", rows.get(0));
    assertEquals("2026-11-23,minutes_outstanding,,114615", rows.get(2));
    Run table = ok("report", "liability");
    assertTrue(table.out.startsWith("Liability as of 2026-11-23: 19471 points and 1910:15 hours outstanding"), table::toString);
  }

  @Test
  void certificateShowsRecordMinutesEntriesAndTheJournalHead() {
    Run json = ok("certificate", "--member", "v003", "--from", "2026-10-01", "--format", "json");
    Run audit = ok("audit", "--format", "json");
    String seq = audit.out.replaceAll("(?s).*\"seq\":([0-9]+).*", "$1");
    String head = audit.out.replaceAll("(?s).*\"head\":\"([0-9a-f]+)\".*", "$1");
    assertEquals(
        "{\"member\":\"v003\",\"joined_on\":\"2025-06-06\",\"from\":\"2026-10-01\",\"to\":null,\"activities\":["
            + "{\"activity\":\"cleanup\",\"minutes\":45,\"entries\":[\"S01250\"]},{\"activity\":\"elderly-care\",\"minutes\":180,\"entries\":[\"S01159\"]}],"
            + "\"verified_minutes\":225,\"backfilled_minutes\":0,\"head\":\"" + seq + ":" + head + "\"}",
        json.out.strip());
    Run table = ok("certificate", "--member", "v003", "--from", "2026-10-01");
    assertTrue(table.out.contains("Journal head: " + seq + ":" + head), table::toString);
    assertTrue(table.out.contains("elderly-care: S01159"), table::toString);
    Run csv = ok("certificate", "--member", "v003", "--from", "2026-10-01", "--format", "csv");
    assertEquals(
        List.of(
            "member,activity,minutes,credits,entries,verified_minutes,backfilled_minutes,head",
            "v003,cleanup,45,1,S01250,225,0," + seq + ":" + head,
            "v003,elderly-care,180,1,S01159,225,0," + seq + ":" + head),
        csv.out.lines().toList());
    Run none = ok("certificate", "--member", "v003", "--from", "2027-01-01", "--format", "csv");
    assertEquals("v003,,0,0,,0,0," + seq + ":" + head, none.out.lines().toList().get(1), none::toString);
    Run unknown = books.run("certificate", "--member", "nobody", "--format", "json");
    assertEquals(3, unknown.exit, unknown::toString);
    assertTrue(unknown.out.startsWith("{\"refused\":\"unknown-member\""), unknown::toString);
    assertEquals(2, books.run("certificate", "--member", "no body").exit);
  }

  @Test
  void statementLinesCarryTheExplanation() {
    Run r = ok("statement", "--member", "v003", "--from", "2026-10-01", "--format", "json");
    assertTrue(r.out.contains("\"explanation\":\"3:00 elderly-care × 10/h × 1.5 weekend = 45\""), r::toString);
  }

  @Test
  void exportJsonlCarriesTheFullEntry() {
    Run r = ok("export", "jsonl");
    String credit = r.out.lines().filter(l -> l.startsWith("{\"id\":\"S01159\"")).findFirst().orElseThrow();
    assertTrue(credit.matches("\\{\"id\":\"S01159\",\"seq\":[0-9]+,\"kind\":\"credit\",\"date\":\"2026-10-24\",\"postings\":\\[.*\\],\"data\":\\{.*\"breakdown\":\\{.*"), credit);
    assertFalse(r.out.isEmpty());
  }

  @Test
  void readsNeverWrite() throws IOException {
    long before;
    try (var s = Files.walk(books.dir)) {
      before = s.mapToLong(p -> p.toFile().length()).sum();
    }
    ok("report", "teams");
    ok("rules", "show");
    ok("catalog", "show");
    long after;
    try (var s = Files.walk(books.dir)) {
      after = s.mapToLong(p -> p.toFile().length()).sum();
    }
    assertEquals(before, after);
  }
}

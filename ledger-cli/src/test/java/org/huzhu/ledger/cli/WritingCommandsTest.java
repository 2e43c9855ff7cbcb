package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redeem, transfer, settle, expire, catalog show and rules: outputs, repeats, refusals. */
class WritingCommandsTest {
  @TempDir Path tmp;
  Run.Books books;

  @BeforeEach
  void setUp() throws IOException {
    books = new Run.Books(tmp.resolve("books")).community(tmp);
    Run imported = books.run("import", Run.example(tmp, "signins.csv").toString());
    assertEquals(4, imported.exit, imported::toString);
  }

  private static void refused(Run r, String reason) {
    assertEquals(3, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"refused\":\"" + reason + "\",\"detail\":"), r::toString);
    assertEquals(1, r.err.strip().lines().count(), r::toString);
  }

  @Test
  void redeemPrintsTheEntryAndARepeatIsANoOp() {
    String[] args = {"redeem", "--member", "v003", "--item", "haircut", "--id", "R-1", "--at", "2026-11-20", "--format", "json"};
    Run r = books.run(args);
    assertEquals(0, r.exit, r::toString);
    String entry =
        "{\"id\":\"R-1\",\"seq\":%d,\"kind\":\"redemption\",\"date\":\"2026-11-20\",\"postings\":[{\"account\":\"member:v003\",\"points\":-20,\"minutes\":0},"
            + "{\"account\":\"merchant:m-barber\",\"points\":20,\"minutes\":0}]}";
    assertTrue(r.out.matches("\\{\"entry\":\\{\"id\":\"R-1\",\"seq\":[0-9]+,.*\"repeated\":false}\\s*"), r::toString);
    long seq = Long.parseLong(r.out.replaceAll("(?s).*\"seq\":([0-9]+).*", "$1"));
    assertEquals("{\"entry\":" + String.format(entry, seq) + ",\"repeated\":false}", r.out.strip());

    Run again = books.run(args);
    assertEquals(0, again.exit, again::toString);
    assertEquals("{\"entry\":" + String.format(entry, seq) + ",\"repeated\":true}", again.out.strip());

    refused(books.run("redeem", "--member", "v003", "--item", "haircut", "--qty", "2", "--id", "R-1", "--format", "json"), "conflict");

    Run table = books.run("redeem", "--member", "v003", "--item", "haircut", "--id", "R-1", "--at", "2026-11-20");
    assertTrue(table.out.startsWith("Entry R-1 (seq " + seq + ", redemption, dated 2026-11-20) already exists: nothing written"), table::toString);

    Run shown = books.run("catalog", "show", "--format", "json");
    assertEquals(0, shown.exit, shown::toString);
    assertTrue(
        shown.out.startsWith(
            "{\"items\":[{\"id\":\"haircut\",\"name\":\"义剪券\",\"merchant\":\"m-barber\",\"price_points\":20,\"stock\":100,\"stock_left\":99,\"limit_per_member_per_month\":2}"),
        shown::toString);
    Run shownTable = books.run("catalog", "show");
    assertTrue(shownTable.out.contains("repair-visit"), shownTable::toString);
  }

  @Test
  void redeemRefusalsAndNumbers() {
    refused(books.run("redeem", "--member", "v003", "--item", "caviar", "--id", "R-2", "--format", "json"), "unknown-item");
    refused(books.run("redeem", "--member", "v003", "--item", "haircut", "--qty", "0", "--id", "R-2", "--format", "json"), "bad-quantity");
    refused(books.run("redeem", "--member", "v003", "--item", "haircut", "--qty", "1000000000001", "--id", "R-2", "--format", "json"), "bad-quantity");
    refused(
        books.run("redeem", "--member", "v003", "--item", "repair-visit", "--qty", "99999999999999999999999999", "--id", "R-2", "--format", "json"),
        "bad-quantity");
    refused(books.run("redeem", "--member", "v003", "--item", "haircut", "--qty", "3", "--id", "R-2", "--format", "json"), "over-limit");
    refused(books.run("redeem", "--member", "v003", "--item", "repair-visit", "--qty", "100", "--id", "R-2", "--format", "json"), "insufficient-points");
    refused(books.run("redeem", "--member", "nobody", "--item", "haircut", "--id", "R-2", "--format", "json"), "unknown-member");
    refused(books.run("redeem", "--member", "v003", "--item", "haircut", "--id", "R-2", "--at", "2026-12-01", "--format", "json"), "in-future");
    assertEquals(2, books.run("redeem", "--member", "v003", "--item", "haircut", "--qty", "1.5", "--id", "R-2").exit);
    assertEquals(2, books.run("redeem", "--member", "v003", "--item", "haircut", "--qty", "two", "--id", "R-2").exit);
    assertEquals(2, books.run("redeem", "--member", "v003", "--item", "hair cut", "--id", "R-2").exit);
    assertEquals(2, books.run("redeem", "--member", "v003", "--item", "haircut", "--id", "reversal:x").exit);
    assertEquals(2, books.run("redeem", "--member", "v003", "--item", "haircut").exit, "--id is required");
  }

  @Test
  void transferToThePoolAndItsRefusals() {
    Run r = books.run("transfer", "--from", "v003", "--to", "pool", "--minutes", "60", "--id", "T-1", "--memo", "donation", "--format", "json");
    assertEquals(0, r.exit, r::toString);
    assertTrue(r.out.contains("\"kind\":\"transfer\""), r::toString);
    assertTrue(
        r.out.contains("\"postings\":[{\"account\":\"member:v003\",\"points\":0,\"minutes\":-60},{\"account\":\"community:pool\",\"points\":0,\"minutes\":60}]"),
        r::toString);
    assertTrue(r.out.endsWith("\"repeated\":false}\n"), r::toString);

    refused(books.run("transfer", "--from", "v003", "--to", "v003", "--minutes", "0", "--id", "T-2", "--format", "json"), "same-account");
    refused(books.run("transfer", "--from", "v003", "--to", "v001", "--minutes", "0", "--id", "T-2", "--format", "json"), "bad-amount");
    refused(books.run("transfer", "--from", "v003", "--to", "v001", "--minutes", "10000000000000", "--id", "T-2", "--format", "json"), "bad-amount");
    refused(books.run("transfer", "--from", "pool", "--to", "v001", "--minutes", "61", "--id", "T-2", "--format", "json"), "pool-insufficient");
    refused(books.run("transfer", "--from", "v003", "--to", "v001", "--minutes", "100000", "--id", "T-2", "--format", "json"), "over-credit-limit");
    assertEquals(2, books.run("transfer", "--from", "v003", "--to", "v001", "--minutes", "1e3", "--id", "T-2").exit);
    assertEquals(2, books.run("transfer", "--from", "v003", "--to", "v001", "--minutes", "5", "--id", "T-2", "--memo", "x".repeat(201)).exit);
  }

  @Test
  void settleMovesPointsFromTheMerchantToSettled() {
    assertEquals(0, books.run("redeem", "--member", "v003", "--item", "haircut", "--id", "R-1").exit);
    refused(books.run("settle", "--merchant", "m-barber", "--points", "21", "--id", "S-1", "--format", "json"), "insufficient-points");
    refused(books.run("settle", "--merchant", "m-barber", "--points", "0", "--id", "S-1", "--format", "json"), "bad-amount");
    Run r = books.run("settle", "--merchant", "m-barber", "--points", "20", "--id", "S-1", "--format", "json");
    assertEquals(0, r.exit, r::toString);
    assertTrue(r.out.contains("{\"account\":\"merchant:m-barber\",\"points\":-20,\"minutes\":0},{\"account\":\"community:settled\",\"points\":20,\"minutes\":0}"), r::toString);
    Run again = books.run("settle", "--merchant", "m-barber", "--points", "20", "--id", "S-1", "--format", "json");
    assertEquals(0, again.exit, again::toString);
    assertTrue(again.out.endsWith("\"repeated\":true}\n"), again::toString);
    Run csv = books.run("settle", "--merchant", "m-barber", "--points", "20", "--id", "S-1", "--format", "csv");
    assertTrue(csv.out.startsWith("id,seq,kind,date,account,points,minutes,repeated\r\nS-1,"), csv::toString);
  }

  @Test
  void expireMovesDueLotsOnceAndRefusesAFutureDate() {
    refused(books.run("expire", "--as-of", "2026-11-24", "--format", "json"), "in-future");
    Run nothing = books.run("expire", "--format", "json");
    assertEquals(0, nothing.exit, nothing::toString);
    assertEquals("{\"expired\":0,\"points\":0,\"entries\":[]}", nothing.out.strip());

    books.now("2027-01-05T09:00");
    Run r = books.run("expire", "--format", "json");
    assertEquals(0, r.exit, r::toString);
    assertTrue(r.out.matches("\\{\"expired\":[1-9][0-9]*,\"points\":[1-9][0-9]*,\"entries\":\\[\\{\"id\":\"expire:S0[0-9]+\".*\\]}\\s*"), r::toString);
    Run again = books.run("expire");
    assertEquals(0, again.exit, again::toString);
    assertTrue(again.out.startsWith("Expired 0 lots, 0 points"), again::toString);
    assertEquals(2, books.run("expire", "--as-of", "2027-02-30").exit);
  }

  @Test
  void rulesPublishAndShow() throws IOException {
    Run repeat = books.run("rules", "publish", Run.example(tmp, "rules-v2.json").toString(), "--format", "json");
    assertEquals(0, repeat.exit, repeat::toString);
    assertEquals("{\"id\":\"sys:rules:2\",\"version\":2,\"published\":false}", repeat.out.strip());
    refused(books.run("rules", "publish", Run.example(tmp, "rules-v1.json").toString(), "--format", "json"), "bad-file");
    Path bad = tmp.resolve("bad-rules.json");
    java.nio.file.Files.writeString(bad, "{\"version\": 3, \"effective_from\": \"2026-12-01\", \"activities\": {}, \"colour\": \"red\"}");
    Run badRun = books.run("rules", "publish", bad.toString(), "--format", "json");
    refused(badRun, "bad-file");
    assertEquals(3, books.run("rules", "publish", tmp.resolve("missing.json").toString()).exit);

    Run json = books.run("rules", "show", "--format", "json");
    assertEquals(0, json.exit, json::toString);
    assertTrue(
        json.out.startsWith(
            "{\"versions\":[{\"version\":1,\"effective_from\":\"2026-01-01\",\"rounding_minutes\":15,\"min_minutes\":30,\"max_minutes\":720,"
                + "\"daily_points_cap\":100,\"points_expire_months\":12,\"hours_credit_limit_minutes\":600,\"activities\":[{\"key\":\"cleanup\",\"name\":\"环境整治\","
                + "\"points_per_hour\":\"5\",\"points_per_event\":null,\"credit_hours\":true},"),
        json::toString);
    assertTrue(
        json.out.contains(
            "{\"name\":\"flood-season\",\"factor\":\"2\",\"days_of_week\":null,\"dates\":null,\"activities\":[\"flood-patrol\"],\"from\":\"2026-06-01\",\"to\":\"2026-09-30\"}"),
        json::toString);
    assertTrue(json.out.contains("{\"key\":\"report-issue\",\"name\":\"随手拍\",\"points_per_hour\":null,\"points_per_event\":\"2\",\"credit_hours\":false}"), json::toString);

    Run table = books.run("rules", "show");
    assertTrue(table.out.contains("Version 2, effective from 2026-06-01"), table::toString);
    assertTrue(table.out.contains(", daily cap 100 points, points expire after 12 months,"), table::toString);
    assertTrue(table.out.contains("weekend"), table::toString);
    assertTrue(table.out.contains("flood-season      ×2  flood-patrol; 2026-06-01..2026-09-30"), table::toString);
    Run csv = books.run("rules", "show", "--format", "csv");
    assertTrue(csv.out.startsWith("version,effective_from,activity,name,points_per_hour,points_per_event,credit_hours\r\n1,2026-01-01,cleanup,环境整治,5,,true\r\n"), csv::toString);
    Run zh = books.run("rules", "show", "--lang", "zh");
    assertTrue(zh.out.contains("第 2 版，自 2026-06-01 起生效"), zh::toString);
    assertTrue(zh.out.contains("，每日上限 100 积分，积分 12 个月后过期，"), zh::toString);
  }

  @Test
  void catalogPublishRepeatIsANoOpAndABadCatalogIsRefused() throws IOException {
    Run repeat = books.run("catalog", "publish", Run.example(tmp, "catalog.json").toString(), "--format", "json");
    assertEquals(0, repeat.exit, repeat::toString);
    assertTrue(repeat.out.contains("\"published\":false"), repeat::toString);
    Path bad = tmp.resolve("bad-catalog.json");
    java.nio.file.Files.writeString(bad, "{\"items\":[{\"id\":\"x\",\"name\":\"X\",\"merchant\":\"m\",\"price_points\":0}]}");
    refused(books.run("catalog", "publish", bad.toString(), "--format", "json"), "bad-file");
  }
}

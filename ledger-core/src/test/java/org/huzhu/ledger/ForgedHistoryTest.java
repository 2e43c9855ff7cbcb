package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forged, re-chained journals that no command could write, and that the audit should find. */
class ForgedHistoryTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 11, 23, 18, 0));

  /** The audit's first finding is a {@code record} finding on {@code entry} saying {@code detail}. */
  static void assertFoundAsRecord(AuditReport r, String entry, String detail) {
    AuditReport.Finding first = r.findings().get(0);
    assertEquals(entry, first.entry(), r::toString);
    assertEquals("record", first.check(), r::toString);
    assertTrue(first.detail().contains(detail), r::toString);
  }

  /** {@link ForgedJournalTest#book(Path, MutableClock)}: lots a, b and adj of v1. */
  Path book() throws IOException {
    return ForgedJournalTest.book(dir, clock);
  }

  static List<String> checks(AuditReport r) {
    return ForgedJournalTest.checks(r);
  }

  @Test
  void aRedemptionSpendingLotsPastTheirExpiryIsFound() throws IOException {
    Path book = book();
    clock.set(LocalDateTime.of(2027, 3, 1, 12, 0)); // a and b spendable until 2027-03-04/05
    try (Ledger l = Ledger.open(book, clock)) {
      l.publishCatalog(ModelProperties.CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
      l.redeem(new RedeemRequest("cut", "v1", "haircut", 1, null)); // spends a 10, b 10
    }
    // The command itself, on 2027-03-10: a and b are due, 5 points spendable: refused.
    clock.set(LocalDateTime.of(2027, 3, 10, 12, 0));
    try (Ledger l = Ledger.inMemory(MutableClock.SHANGHAI, clock)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
      l.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      Path f = dir.resolve("s2.csv");
      Files.writeString(f, SigninImportTest.HEADER
          + "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
          + "b,v1,cleanup,2026-03-05T09:00,2026-03-05T11:00,g1,,,\n");
      l.importSignins(f, ImportOptions.defaults());
      l.adjust(new AdjustRequest("adj", "v1", 5, 0, "bonus", "admin", LocalDateTime.of(2026, 11, 23, 0, 0)));
      l.publishCatalog(ModelProperties.CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
      LedgerRefusal refused = assertThrows(LedgerRefusal.class, () -> l.redeem(new RedeemRequest("cut", "v1", "haircut", 1, null)));
      assertEquals(Reason.INSUFFICIENT_POINTS, refused.reason());
    }
    // Forged: the same redemption dated 2027-03-10, paying m-barber with 20 expired points.
    ForgedJournalTest.forgeEntry(book, "cut", body -> body.replace("\"date\":\"2027-03-01\"", "\"date\":\"2027-03-10\""));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok(), "a redemption that spends lots a and b after they expired passes: " + r);
    assertFoundAsRecord(r, "cut", "spends points on 2027-03-10 while lot a, due on 2027-03-04");
  }

  @Test
  void aNegativeAdjustmentSpendingLotsPastTheirExpiryIsFound() throws IOException {
    Path book = book();
    clock.set(LocalDateTime.of(2027, 3, 1, 12, 0));
    try (Ledger l = Ledger.open(book, clock)) {
      l.adjust(new AdjustRequest("neg", "v1", -20, 0, "correction", "admin", null)); // spends a 10, b 10
    }
    ForgedJournalTest.forgeEntry(book, "neg", body -> body.replace("\"date\":\"2027-03-01\"", "\"date\":\"2027-03-10\""));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok(), "a negative adjustment spending expired lots passes: " + r);
    assertFoundAsRecord(r, "neg", "spends points on 2027-03-10 while lot a, due on 2027-03-04");
  }

  @Test
  void aRedemptionJournaledWithoutAnExpiryItsCommandWritesIsFound() throws IOException {
    Path book = book();
    clock.set(LocalDateTime.of(2027, 11, 1, 12, 0)); // a and b are due; adj (5) is not
    try (Ledger l = Ledger.open(book, clock)) {
      l.adjust(new AdjustRequest("more", "v1", 30, 0, "bonus", "admin", null));
      l.publishCatalog(ModelProperties.CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
      l.redeem(new RedeemRequest("cut", "v1", "haircut", 1, null)); // expires a and b, spends adj 5 and more 15
    }
    assertTrue(Ledger.audit(book, null).ok());
    dropEntry(book, "expire:a");
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok(), "a redemption leaving a due lot unexpired passes: " + r);
    assertFoundAsRecord(r, "cut", "lot a, due on 2027-03-04, still holds 10 points");
  }

  /**
   * Rewrites the journal without the entry {@code id}: later records take the seqs one lower, their
   * batches end one lower, and the hash chain is made anew, as a forger would.
   */
  static void dropEntry(Path book, String id) throws IOException {
    long[] dropped = {Long.MAX_VALUE};
    java.util.regex.Pattern numbers = java.util.regex.Pattern.compile("^\\{\"seq\":(\\d+),(\"prev\":\"[0-9a-f]{64}\"),\"end\":(\\d+),");
    ForgedJournalTest.forge(
        book,
        body -> {
          java.util.regex.Matcher m = numbers.matcher(body);
          assertTrue(m.find(), body);
          long seq = Long.parseLong(m.group(1));
          long end = Long.parseLong(m.group(3));
          if (body.contains("\"entry\":{\"id\":\"" + id + "\"")) {
            dropped[0] = seq;
            return null;
          }
          long newSeq = seq > dropped[0] ? seq - 1 : seq;
          long newEnd = end >= dropped[0] ? end - 1 : end;
          return "{\"seq\":" + newSeq + "," + m.group(2) + ",\"end\":" + newEnd + "," + body.substring(m.end());
        });
    assertTrue(dropped[0] != Long.MAX_VALUE, "no entry " + id);
  }

  @Test
  void anAdjustmentAboveTheLargestAmountIsFound() throws IOException {
    Path book = book();
    // adjust --points 5000000000000 is refused (bad-amount: "any amount above 10^12")
    try (Ledger l = Ledger.open(book, clock)) {
      LedgerRefusal refused = assertThrows(LedgerRefusal.class,
          () -> l.adjust(new AdjustRequest("big", "v1", 5_000_000_000_000L, 0, "bonus", "admin", null)));
      assertEquals(Reason.BAD_AMOUNT, refused.reason());
    }
    ForgedJournalTest.forgeEntry(book, "adj", body -> body.replace("\"points\":-5,", "\"points\":-5000000000000,")
        .replace("\"points\":5,", "\"points\":5000000000000,"));
    assertTrue(Files.readString(Files.list(book.resolve("segments")).findFirst().orElseThrow()).contains("\"member\":\"v1\",\"points\":5000000000000"));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok(), "an adjustment of 5*10^12 points passes: " + r);
    assertFoundAsRecord(r, "adj", "above the largest a command takes");
  }

  @Test
  void aRulesVersionEffectiveBeforeTheLastOneIsFound() throws IOException {
    Path book = book();
    try (Ledger l = Ledger.open(book, clock)) {
      l.publishRules(SigninImportTest.RULES.replace("\"version\": 1, \"effective_from\": \"2026-01-01\"",
          "\"version\": 2, \"effective_from\": \"2026-06-01\"").getBytes(StandardCharsets.UTF_8), "rules2.json");
      // the command refuses a version effective before the latest's (bad-file)
      LedgerRefusal refused = assertThrows(LedgerRefusal.class, () -> l.publishRules(SigninImportTest.RULES.replace(
          "\"version\": 1, \"effective_from\": \"2026-01-01\"", "\"version\": 3, \"effective_from\": \"2025-06-01\"")
          .getBytes(StandardCharsets.UTF_8), "rules3.json"));
      assertEquals(Reason.BAD_FILE, refused.reason());
    }
    ForgedJournalTest.forgeEntry(book, "sys:rules:2", body -> body.replace("2026-06-01", "2025-06-01"));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok(), "rules version 2 effective 2025-06-01 after version 1 effective 2026-01-01 passes: " + r);
    assertFoundAsRecord(r, "sys:rules:2", "effective_from");
  }

  @Test
  void anAdjustmentWithFreeTextNoCommandAcceptsIsFound() throws IOException {
    Path book = book();
    String reason = "x".repeat(300);
    // approved_by must match the id pattern, reason is at most 200 characters: usage errors
    assertThrows(IllegalArgumentException.class, () -> new AdjustRequest("adj2", "v1", 5, 0, reason, "admin", null));
    assertThrows(IllegalArgumentException.class, () -> new AdjustRequest("adj2", "v1", 5, 0, "bonus", "Zhang San 13800000000", null));
    ForgedJournalTest.forgeEntry(book, "adj", body -> body.replace("\"reason\":\"bonus\"", "\"reason\":\"" + reason + "\"")
        .replace("\"approved_by\":\"admin\"", "\"approved_by\":\"Zhang San 13800000000\""));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok(), "an adjustment with a 300-character reason approved by a name passes: " + r);
    assertFoundAsRecord(r, "adj", "longer than 200 characters");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"America/New_York", "UTC", "Z", "+08:00", "GMT+8", "UTC+08:00", "Etc/GMT-8", "Europe/London"})
  void aValidHistoryInAnyZonePasses(String zoneName) throws IOException {
    java.time.ZoneId zone = java.time.ZoneId.of(zoneName);
    Path book = dir.resolve("z" + Math.abs(zoneName.hashCode()));
    MutableClock c = new MutableClock(LocalDateTime.of(2026, 12, 23, 18, 0));
    try (Ledger l = Ledger.create(book, zone, c)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
      l.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      Path f = dir.resolve("dst" + Math.abs(zoneName.hashCode()) + ".csv");
      Files.writeString(f, SigninImportTest.HEADER
          + "a,v1,cleanup,2026-11-01T00:30,2026-11-01T02:30,g1,,,\n"
          + "b,v1,cleanup,2026-11-01T01:30-05:00,2026-11-01T03:30,g1,,,\n"
          + "c,v1,cleanup,2026-03-08T01:30,2026-03-08T03:30,g1,,,\n"
          + "d,v1,cleanup,2026-03-29T00:30,2026-03-29T03:30,g1,,,\n"
          + "e,v1,report-issue,2026-10-25T01:30+01:00,,g1,,,\n");
      ImportSummary sum = l.importSignins(f, ImportOptions.defaults());
      l.reverse(new ReverseRequest("c", "wrong", null, null));
    }
    AuditReport r = Ledger.audit(book, null);
    assertTrue(r.ok(), zoneName + ": " + r);
  }

  Path csv(String name, String rows) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, SigninImportTest.HEADER + rows);
    return f;
  }

  @Test
  void aValidHistoryWithRuleAndCatalogVersionsPasses() throws IOException {
    Path book = dir.resolve("valid");
    MutableClock c = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));
    String v1 = "\"version\": 1, \"effective_from\": \"2026-01-01\"";
    String rules2 = SigninImportTest.RULES.replace(v1, "\"version\": 2, \"effective_from\": \"2026-04-01\"")
        .replace("\"points_expire_months\": 12", "\"points_expire_months\": 1")
        .replace("\"hours_credit_limit_minutes\": 600", "\"hours_credit_limit_minutes\": 0");
    String cat2 = ModelProperties.CATALOG.replace("义剪券", "义剪");
    String cat3 = "{\"items\": [{\"id\": \"rice\", \"name\": \"大米\", \"merchant\": \"m-grocer\", \"price_points\": 50}]}";
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, c)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), "t1", null),
          new MemberRecord("v2", LocalDate.of(2026, 1, 1), null, null)));
      l.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      l.importSignins(csv("1.csv", "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
          + "b,v1,cleanup,2026-03-05T09:00,2026-03-05T11:00,g1,,,\n"
          + "c,v2,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"), ImportOptions.defaults());
      l.publishCatalog(ModelProperties.CATALOG.getBytes(StandardCharsets.UTF_8), "c1.json");
      l.transfer(new TransferRequest("t1", "v1", "pool", 120, null, null));
      l.transfer(new TransferRequest("t2", "pool", "v2", 60, null, null));
      l.transfer(new TransferRequest("t3", "v2", "v1", 600, null, null));
      l.publishRules(rules2.getBytes(StandardCharsets.UTF_8), "rules2.json");
      c.set(LocalDateTime.of(2026, 4, 10, 18, 0));
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), "t2", null)));
      l.importSignins(csv("2.csv", "d,v1,cleanup,2026-04-02T09:00,2026-04-02T11:00,g1,,,\n"
          + "e,v1,cleanup,2026-03-20T09:00,2026-03-20T11:00,g1,,,\n"), ImportOptions.defaults());
      l.redeem(new RedeemRequest("r1", "v1", "haircut", 1, null));
      l.publishCatalog(cat2.getBytes(StandardCharsets.UTF_8), "c2.json");
      l.reverse(new ReverseRequest("r1", "oops", null, null));
      l.redeem(new RedeemRequest("r2", "v1", "haircut", 1, null));
      l.publishCatalog(cat3.getBytes(StandardCharsets.UTF_8), "c3.json");
      l.settle(new SettleRequest("s1", "m-barber", 20, null));
      l.reverse(new ReverseRequest("r2", "oops", null, null));
      c.set(LocalDateTime.of(2026, 5, 10, 18, 0));
      l.expire(LocalDate.of(2026, 5, 10));
      l.transfer(new TransferRequest("t4", "pool", "v2", 60, null, null));
      l.reverse(new ReverseRequest("t3", "oops", null, null));
      l.adjust(new AdjustRequest("n1", "v1", -5, 0, "fix", "admin", null));
      l.reverse(new ReverseRequest("e", "wrong", null, null));
      l.reverse(new ReverseRequest("n1", "wrong", null, null));
      l.adjust(new AdjustRequest("m1", "v2", 0, 30, "paper", "admin", null));
      l.adjust(new AdjustRequest("p1", "v2", 7, 0, "bonus", "admin", null));
      c.set(LocalDateTime.of(2026, 6, 20, 18, 0));
      l.adjust(new AdjustRequest("n2", "v2", -3, 0, "fix", "admin", null)); // p1 due 06-10: spends c
      l.reverse(new ReverseRequest("m1", "wrong", null, null));
      l.publishCatalog(ModelProperties.CATALOG.getBytes(StandardCharsets.UTF_8), "c4.json");
      l.redeem(new RedeemRequest("r3", "v1", "haircut", 1, null));
      l.expire(LocalDate.of(2026, 6, 20));
    }
    AuditReport r = Ledger.audit(book, null);
    assertTrue(r.ok(), r::toString);
  }
}

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigninImportTest {
  static final String RULES =
      """
      {"version": 1, "effective_from": "2026-01-01", "rounding_minutes": 15, "min_minutes": 30,
       "max_minutes": 720, "daily_points_cap": 100, "points_expire_months": 12,
       "hours_credit_limit_minutes": 600,
       "activities": {
         "elderly-care": {"name": "助老服务", "points_per_hour": "10"},
         "cleanup": {"name": "环境整治", "points_per_hour": "5"},
         "flood-patrol": {"name": "防汛巡查", "points_per_hour": "8"},
         "report-issue": {"name": "随手拍", "points_per_event": "2"},
         "escort": {"name": "陪诊", "points_per_hour": "10", "credit_hours": false}},
       "multipliers": [
         {"name": "weekend", "days_of_week": ["SATURDAY", "SUNDAY"], "factor": "1.5"},
         {"name": "national-day", "dates": ["2026-10-01"], "factor": "2"},
         {"name": "flood-season", "activities": ["flood-patrol"], "from": "2026-06-01", "to": "2026-09-30", "factor": "2"}]}
      """;
  static final String HEADER = "signin_id,member_id,activity,check_in,check_out,verified_by,team,grid,note\n";

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 11, 23, 18, 0));
  Ledger ledger;

  @BeforeEach
  void setUp() {
    ledger = Ledger.inMemory(MutableClock.SHANGHAI, clock);
    ledger.enrol(
        List.of(
            new MemberRecord("v1", LocalDate.of(2026, 1, 1), "care", "g1"),
            new MemberRecord("v2", LocalDate.of(2026, 3, 1), null, null)));
    ledger.publishRules(RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
  }

  ImportSummary importCsv(String rows) throws IOException {
    return importCsv(rows, ImportOptions.defaults());
  }

  ImportSummary importCsv(String rows, ImportOptions options) throws IOException {
    Path f = Files.createTempFile(dir, "signins", ".csv");
    Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
    return ledger.importSignins(f, options);
  }

  long points(String member) {
    return ledger.balance(Account.member(member)).points();
  }

  long minutes(String member) {
    return ledger.balance(Account.member(member)).minutes();
  }

  @Test
  void roundingMinimumAndMaximumFollowTheContract() throws IOException {
    ImportSummary s =
        importCsv(
            "a,v1,cleanup,2026-03-04T09:00,2026-03-04T09:44,g1,,,\n" // 44 → 30 credited
                + "b,v1,cleanup,2026-03-04T10:00:00,2026-03-04T10:29:59,g1,,,\n" // 29:59 → too-short
                + "c,v1,cleanup,2026-03-05T06:00,2026-03-05T18:00,g1,,,\n" // = max: accepted
                + "d,v1,cleanup,2026-03-06T06:00,2026-03-06T18:01,g1,,,\n"); // too-long
    assertEquals(2, s.credited());
    assertEquals(Map.of("too-short", 1L, "too-long", 1L), s.byReason());
    assertEquals(30 + 720, minutes("v1"));
    assertEquals(2 + 60, points("v1"));
  }

  @Test
  void multipliersMultiplyAndTheDailyCapHoldsAcrossSignins() throws IOException {
    // 2026-10-01 is a Thursday: national day ×2; 2026-08-01 a Saturday in flood season: ×1.5 ×2.
    ImportSummary s =
        importCsv(
            "n1,v1,elderly-care,2026-10-01T09:00,2026-10-01T11:00,g1,,,\n" // 2h × 10 × 2 = 40
                + "f1,v1,flood-patrol,2026-08-01T08:00,2026-08-01T13:00,g1,,,\n" // 5h × 8 × 3 = 120 → cap 100
                + "f2,v1,flood-patrol,2026-08-01T14:00,2026-08-01T15:00,g1,,,\n" // cap reached: 0 points, 60 min
                + "e1,v1,report-issue,2026-08-02T10:00,,g1,,,\n"); // Sunday: 2 × 1.5 = 3
    assertEquals(4, s.credited());
    assertEquals(40 + 100 + 0 + 3, points("v1"));
    assertEquals(120 + 300 + 60, minutes("v1"));
    Statement st = ledger.statement("v1", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 1));
    assertTrue(st.lines().get(0).explanation().contains("weekend"), st.lines().get(0).explanation());
    assertEquals(0, st.lines().get(1).points());
    assertEquals(60, st.lines().get(1).minutes());
  }

  @Test
  void activitiesThatDoNotCreditHoursEarnOnlyPoints() throws IOException {
    importCsv("x,v1,escort,2026-03-04T09:00,2026-03-04T10:00,g1,,,\n");
    assertEquals(10, points("v1"));
    assertEquals(0, minutes("v1"));
  }

  @Test
  void ruleVersionsSwitchOnTheirEffectiveDate() throws IOException {
    ledger.publishRules(
        RULES.replace("\"version\": 1", "\"version\": 2")
            .replace("\"effective_from\": \"2026-01-01\"", "\"effective_from\": \"2026-06-01\"")
            .replace("\"points_per_hour\": \"5\"", "\"points_per_hour\": \"6\"")
            .getBytes(StandardCharsets.UTF_8),
        "rules-v2.json");
    importCsv(
        "before,v1,cleanup,2026-05-29T09:00,2026-05-29T11:00,g1,,,\n"
            + "on,v2,cleanup,2026-06-01T09:00,2026-06-01T11:00,g1,,,\n");
    assertEquals(10, points("v1"));
    assertEquals(12, points("v2"));
  }

  @Test
  void offsetsAreConvertedToTheLedgersZone() throws IOException {
    // 2026-10-01T01:00+08:00 is 2026-09-30T17:00Z: national day only when read in Shanghai.
    importCsv("z,v1,elderly-care,2026-09-30T17:00Z,2026-09-30T18:00Z,g1,,,\n");
    assertEquals(20, points("v1"));
  }

  @Test
  void rowsAreRejectedWithTheFirstReasonInTheContractsOrder() throws IOException {
    ImportSummary s =
        importCsv(
            "f,v1,cleanup,2026-11-24T09:00,2026-11-24T10:00,g1,,,\n"
                + "u,nobody,clean up,2026-03-04T09:00,2026-03-04T10:00,g1,,,\n"
                + "j,v2,cleanup,2026-02-04T09:00,2026-02-04T10:00,g1,,,\n"
                + "a,v1,跳舞,2026-03-04T09:00,2026-03-04T10:00,g1,,,\n"
                + "n,v1,cleanup,2026-03-04T09:00,2026-03-04T10:00,,,,\n"
                + "s,v1,cleanup,2026-03-04T09:00,2026-03-04T10:00,v1,,,\n"
                + "o,v1,cleanup,2026-03-04T09:00,,g1,,,\n"
                + "i,v1,cleanup,2026-03-04T10:00,2026-03-04T09:00,g1,,,\n"
                + "m,v1,cleanup,2026-02-30T09:00,2026-02-30T10:00,g1,,,\n");
    assertEquals(0, s.credited());
    List<Reason> reasons = s.rejects().stream().map(ImportSummary.Rejection::reason).toList();
    assertEquals(
        List.of(
            Reason.IN_FUTURE,
            Reason.UNKNOWN_MEMBER,
            Reason.BEFORE_JOINED,
            Reason.UNKNOWN_ACTIVITY,
            Reason.NOT_VERIFIED,
            Reason.SELF_VERIFIED,
            Reason.NO_CHECKOUT,
            Reason.BAD_INTERVAL,
            Reason.MALFORMED),
        reasons);
    assertEquals(2, s.rejects().get(0).line());
    assertEquals(10, s.rejects().get(8).line());
  }

  @Test
  void overlapsConflictsAndDuplicatesAreToldApart() throws IOException {
    ImportSummary first =
        importCsv(
            "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
                + "b,v1,cleanup,2026-03-04T10:00,2026-03-04T12:00,g1,,,\n" // overlaps a
                + "c,v1,cleanup,2026-03-04T11:00,2026-03-04T12:00,g1,,,\n" // back to back: fine
                + "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"); // duplicate in the same file
    assertEquals(2, first.credited());
    assertEquals(1, first.duplicates());
    assertEquals(Map.of("overlap", 1L), first.byReason());
    ImportSummary second =
        importCsv(
            "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
                + "c,v1,cleanup,2026-03-05T11:00,2026-03-05T12:00,g1,,,\n"); // same id, other values
    assertEquals(0, second.credited());
    assertEquals(1, second.duplicates());
    assertEquals(Map.of("conflict", 1L), second.byReason());
  }

  @Test
  void dryRunAndAllOrNothingWriteNothing() throws IOException {
    String rows =
        "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
            + "b,v1,cleanup,2026-03-04T11:00,2026-03-04T11:10,g1,,,\n";
    String head = ledger.head();
    ImportSummary dry = importCsv(rows, new ImportOptions(StandardCharsets.UTF_8, null, true, false, null));
    assertEquals(1, dry.credited());
    assertFalse(dry.committed());
    ImportSummary strict = importCsv(rows, new ImportOptions(StandardCharsets.UTF_8, null, false, true, null));
    assertFalse(strict.committed());
    assertEquals(head, ledger.head());
    assertEquals(0, points("v1"));
    ImportSummary real = importCsv(rows);
    assertTrue(real.committed());
    assertEquals(10, points("v1"));
  }

  @Test
  void aProgressListenerThatThrowsIsDroppedAndTheImportGoesOn() throws IOException {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    ImportProgress broken =
        new ImportProgress() {
          @Override
          public void read(long rows, long bytesRead, long totalBytes) {
            calls.incrementAndGet();
            throw new IllegalStateException("the progress bar broke");
          }

          @Override
          public void decided(long decided, long total, long credited, long rejected) {
            calls.incrementAndGet();
            throw new IllegalStateException("the progress bar broke");
          }
        };
    ImportSummary s =
        importCsv(
            "s1,v1,cleanup,2026-03-02T09:00,2026-03-02T10:00,g1,,,\n"
                + "s2,v1,cleanup,2026-03-03T09:00,2026-03-03T10:00,g1,,,\n",
            new ImportOptions(StandardCharsets.UTF_8, null, false, false, broken));
    assertEquals(2, s.credited());
    assertEquals(1, calls.get(), "called until it failed, then no more");
    assertEquals(2, ledger.entries(1).filter(e -> e.kind().equals("credit")).count());
  }

  @Test
  void aCreditCanBeReversedUntilItsPointsAreSpent() throws IOException {
    importCsv(
        "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
            + "b,v1,cleanup,2026-03-05T09:00,2026-03-05T11:00,g1,,,\n");
    ledger.adjust(new AdjustRequest("spend", "v1", -5, 0, "correction", "admin", null));
    assertEquals(
        Reason.LOT_SPENT,
        assertThrows(LedgerRefusal.class, () -> ledger.reverse(new ReverseRequest("a", "wrong", null, null))).reason());
    ledger.reverse(new ReverseRequest("b", "wrong sheet", null, null));
    assertEquals(5, points("v1"));
    assertEquals(120, minutes("v1"));
    assertEquals(120, ledger.member("v1").orElseThrow().serviceMinutes());
    // A reversed credit keeps its id (a duplicate) but no longer blocks an overlapping sign-in.
    ImportSummary again =
        importCsv(
            "b,v1,cleanup,2026-03-05T09:00,2026-03-05T11:00,g1,,,\n"
                + "b2,v1,cleanup,2026-03-05T09:30,2026-03-05T10:30,g1,,,\n");
    assertEquals(1, again.duplicates());
    assertEquals(1, again.credited());
    assertTrue(ledger.verify(null).ok());
  }

  @Test
  void aBadFileIsRefusedWholeAndWritesNothing() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "signin_id,member_id,activity,check_in,check_out\nx,v1,cleanup,2026-03-04T09:00,\n");
    String head = ledger.head();
    LedgerRefusal r = assertThrows(LedgerRefusal.class, () -> ledger.importSignins(f, ImportOptions.defaults()));
    assertEquals(Reason.BAD_FILE, r.reason());
    assertTrue(r.detail().contains("verified_by"), r.detail());
    assertEquals(head, ledger.head());
  }

  @Test
  void anEventWithoutCheckOutIsTheSameRowAsOneCheckingOutAtItsCheckIn() throws IOException {
    assertEquals(1, importCsv("e,v1,report-issue,2026-03-04T09:00,,g1,,,\n").credited());
    ImportSummary again = importCsv("e,v1,report-issue,2026-03-04T09:00,2026-03-04T09:00,g1,,,\n");
    assertEquals(1, again.duplicates());
    assertEquals(0, again.rejected());
  }
}

package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ExchangeTest {
  static final String CATALOG =
      """
      {"items": [
        {"id": "haircut", "name": "义剪券", "merchant": "m-barber", "price_points": 20, "stock": 3, "limit_per_member_per_month": 2},
        {"id": "rice", "name": "大米", "merchant": "m-grocer", "price_points": 50}]}
      """;

  @TempDir Path dir;
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));
  Ledger ledger;

  @BeforeEach
  void setUp() {
    ledger = Ledger.inMemory(MutableClock.SHANGHAI, clock);
    ledger.enrol(
        List.of(
            new MemberRecord("v1", LocalDate.of(2025, 1, 1), "care", "g1"),
            new MemberRecord("v2", LocalDate.of(2025, 1, 1), "clean", "g2")));
    ledger.publishRules(
        SigninImportTest.RULES.replace("2026-01-01", "2025-01-01").getBytes(StandardCharsets.UTF_8), "rules.json");
    ledger.publishCatalog(CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
  }

  static void refused(Reason reason, Executable command) {
    assertEquals(reason, assertThrows(LedgerRefusal.class, command).reason());
  }

  Receipt give(String id, String member, long points, LocalDateTime at) {
    return ledger.adjust(new AdjustRequest(id, member, points, 0, "bonus", "admin", at));
  }

  long points(String member) {
    return ledger.balance(Account.member(member)).points();
  }

  long minutes(String member) {
    return ledger.balance(Account.member(member)).minutes();
  }

  @Test
  void redemptionSpendsLotsOldestFirstAndPaysTheMerchant() {
    give("old", "v1", 30, LocalDateTime.of(2026, 1, 5, 9, 0));
    give("new", "v1", 30, LocalDateTime.of(2026, 2, 5, 9, 0));
    Receipt r = ledger.redeem(new RedeemRequest("R-1", "v1", "haircut", 2, null));
    EntryDetail.Redemption d = (EntryDetail.Redemption) r.entry().detail();
    assertEquals(List.of(new EntryDetail.LotSpend("old", 30), new EntryDetail.LotSpend("new", 10)), d.spent());
    assertEquals(20, points("v1"));
    assertEquals(40, ledger.balance(Account.merchant("m-barber")).points());
    assertEquals(1, ledger.stockLeft("haircut").orElseThrow());
    assertTrue(ledger.redeem(new RedeemRequest("R-1", "v1", "haircut", 2, null)).repeated());
    refused(Reason.CONFLICT, () -> ledger.redeem(new RedeemRequest("R-1", "v1", "haircut", 1, null)));
  }

  @Test
  void redemptionRefusalsComeInTheContractsOrder() {
    give("g", "v1", 200, null);
    give("g2", "v2", 20, null);
    refused(Reason.UNKNOWN_ITEM, () -> ledger.redeem(new RedeemRequest("R", "v1", "boat", 1, null)));
    refused(Reason.BAD_QUANTITY, () -> ledger.redeem(new RedeemRequest("R", "v1", "haircut", 0, null)));
    refused(Reason.BAD_QUANTITY, () -> ledger.redeem(new RedeemRequest("R", "v1", "haircut", 1_000_000_000_001L, null)));
    refused(Reason.OUT_OF_STOCK, () -> ledger.redeem(new RedeemRequest("R", "v1", "haircut", 4, null)));
    refused(Reason.OVER_LIMIT, () -> ledger.redeem(new RedeemRequest("R", "v1", "haircut", 3, null)));
    refused(Reason.INSUFFICIENT_POINTS, () -> ledger.redeem(new RedeemRequest("R", "v1", "rice", 5, null)));
    ledger.redeem(new RedeemRequest("R1", "v1", "haircut", 2, null)); // limit reached exactly: accepted
    refused(Reason.OVER_LIMIT, () -> ledger.redeem(new RedeemRequest("R2", "v1", "haircut", 1, null)));
    ledger.redeem(new RedeemRequest("R3", "v2", "haircut", 1, null));
  }

  @Test
  void dueLotsExpireBeforeARedemptionIsDecided() {
    give("old", "v1", 30, LocalDateTime.of(2025, 3, 1, 9, 0)); // expires 2026-03-01 (12 months)
    give("new", "v1", 10, LocalDateTime.of(2026, 3, 1, 9, 0));
    refused(Reason.INSUFFICIENT_POINTS, () -> ledger.redeem(new RedeemRequest("R", "v1", "haircut", 1, null)));
    assertEquals(40, points("v1"), "a refused redemption writes no expiry either");
    give("more", "v1", 15, null);
    Receipt r = ledger.redeem(new RedeemRequest("R", "v1", "haircut", 1, null));
    assertEquals(1, r.alsoWritten().size());
    assertEquals("expire:old", r.alsoWritten().get(0).id());
    assertEquals(LocalDate.of(2026, 3, 1), r.alsoWritten().get(0).date());
    assertEquals(5, points("v1"));
    assertEquals(30, ledger.balance(Account.EXPIRED).points());
  }

  @Test
  void reversingARedemptionRefillsItsLotsAndStockAndFreesTheLimit() {
    give("g", "v1", 100, null);
    ledger.redeem(new RedeemRequest("R1", "v1", "haircut", 2, null));
    ledger.reverse(new ReverseRequest("R1", "changed their mind", null, null));
    assertEquals(100, points("v1"));
    assertEquals(3, ledger.stockLeft("haircut").orElseThrow());
    ledger.redeem(new RedeemRequest("R2", "v1", "haircut", 2, null));
    assertEquals(0, ledger.merchantsReport(YearMonth.of(2026, 3)).merchants().get(0).reversed() - 40);
  }

  @Test
  void transfersHonourTheCreditLimitAndThePool() {
    ledger.adjust(new AdjustRequest("m", "v1", 0, 120, "paper sheet", "admin", null));
    ledger.transfer(new TransferRequest("T1", "v1", "pool", 100, "donation", null));
    assertEquals(100, ledger.balance(Account.POOL).minutes());
    ledger.transfer(new TransferRequest("T2", "v1", "v2", 620, null, null)); // down to -600 exactly
    assertEquals(-600, minutes("v1"));
    refused(Reason.OVER_CREDIT_LIMIT, () -> ledger.transfer(new TransferRequest("T3", "v1", "v2", 1, null, null)));
    ledger.transfer(new TransferRequest("T4", "pool", "v1", 100, "grant", null)); // pool to 0 exactly
    refused(Reason.POOL_INSUFFICIENT, () -> ledger.transfer(new TransferRequest("T5", "pool", "v1", 1, null, null)));
    refused(Reason.SAME_ACCOUNT, () -> ledger.transfer(new TransferRequest("T6", "v1", "v1", 0, null, null)));
    refused(Reason.BAD_AMOUNT, () -> ledger.transfer(new TransferRequest("T6", "v1", "v2", 0, null, null)));
    refused(Reason.UNKNOWN_MEMBER, () -> ledger.transfer(new TransferRequest("T6", "v1", "v9", 5, null, null)));
    refused(Reason.POOL_INSUFFICIENT, () -> ledger.reverse(new ReverseRequest("T1", "undo", null, null)));
    assertEquals(720, ledger.member("v1").orElseThrow().backfilledMinutes() + 600);
    assertTrue(ledger.verify(null).ok());
  }

  @Test
  void aNullStockOrLimitIsUnlimitedLikeAnAbsentOne() {
    String same = CATALOG.replace("\"price_points\": 50}", "\"price_points\": 50, \"stock\": null, \"limit_per_member_per_month\": null}");
    Publication p = ledger.publishCatalog(same.getBytes(StandardCharsets.UTF_8), "catalog.json");
    assertTrue(!p.published(), "the same catalog as before: " + p);
    assertTrue(ledger.stockLeft("rice").isEmpty());
  }

  @Test
  void aPriceTooLargeForALongIsRefusedWithTheExactCost() {
    ledger.publishCatalog(
        "{\"items\": [{\"id\": \"yacht\", \"name\": \"y\", \"merchant\": \"m\", \"price_points\": 1000000000000}]}"
            .getBytes(StandardCharsets.UTF_8),
        "catalog-2.json");
    LedgerRefusal r =
        assertThrows(LedgerRefusal.class, () -> ledger.redeem(new RedeemRequest("R", "v1", "yacht", 1_000_000_000_000L, null)));
    assertEquals(Reason.INSUFFICIENT_POINTS, r.reason());
    assertTrue(r.detail().endsWith("fewer than 1000000000000000000000000"), r.detail());
  }

  @Test
  void aRedemptionUnderALoweredHoursFloorIsAcceptedAndPassesTheAudit() {
    ledger.transfer(new TransferRequest("T1", "v1", "pool", 600, null, LocalDateTime.of(2026, 3, 1, 9, 0)));
    ledger.publishRules(
        SigninImportTest.RULES
            .replace("\"version\": 1", "\"version\": 2")
            .replace("2026-01-01", "2026-03-05")
            .replace("\"hours_credit_limit_minutes\": 600", "\"hours_credit_limit_minutes\": 0")
            .getBytes(StandardCharsets.UTF_8),
        "rules-v2.json");
    give("g", "v1", 30, null);
    // v1 is 600 minutes under the new floor of 0, but a redemption moves points only
    ledger.redeem(new RedeemRequest("R1", "v1", "haircut", 1, null));
    refused(Reason.OVER_CREDIT_LIMIT, () -> ledger.transfer(new TransferRequest("T2", "v1", "v2", 1, null, null)));
    AuditReport audit = ledger.verify(null);
    assertTrue(audit.ok(), audit::toString);
  }

  @Test
  void settlementMovesWhatIsOwedToSettled() {
    give("g", "v1", 100, null);
    ledger.redeem(new RedeemRequest("R1", "v1", "rice", 1, null));
    refused(Reason.INSUFFICIENT_POINTS, () -> ledger.settle(new SettleRequest("S1", "m-grocer", 51, null)));
    ledger.settle(new SettleRequest("S1", "m-grocer", 50, null));
    assertEquals(0, ledger.balance(Account.merchant("m-grocer")).points());
    assertEquals(50, ledger.balance(Account.SETTLED).points());
    Reports.MerchantLine line = ledger.merchantsReport(YearMonth.of(2026, 3)).merchants().get(0);
    assertEquals(new Reports.MerchantLine("m-grocer", 50, 0, 50, 50, 0), line);
    // Nothing is undone before it happened, though no member's dates stand in the way.
    refused(
        Reason.BACK_DATED,
        () -> ledger.reverse(new ReverseRequest("S1", "too early", null, LocalDateTime.of(2026, 3, 9, 12, 0))));
    // A settlement recorded by mistake is reversed, and the month's report nets it out.
    ledger.reverse(new ReverseRequest("S1", "paid twice by mistake", null, null));
    line = ledger.merchantsReport(YearMonth.of(2026, 3)).merchants().get(0);
    assertEquals(new Reports.MerchantLine("m-grocer", 50, 0, 50, 0, 50), line);
    assertEquals(0, ledger.liabilityReport().settled());
  }

  @Test
  void expireTakesDueLotsOnceAndRefusesTheFuture() {
    give("a", "v1", 30, LocalDateTime.of(2025, 2, 1, 9, 0));
    give("b", "v2", 20, LocalDateTime.of(2025, 3, 10, 9, 0));
    give("c", "v2", 20, LocalDateTime.of(2025, 3, 11, 9, 0));
    ExpiryResult r = ledger.expire(LocalDate.of(2026, 3, 10));
    assertEquals(2, r.expired());
    assertEquals(50, r.points());
    assertEquals(List.of("expire:a", "expire:b"), r.entries().stream().map(Entry::id).toList());
    assertEquals(0, ledger.expire(LocalDate.of(2026, 3, 10)).expired());
    refused(Reason.IN_FUTURE, () -> ledger.expire(LocalDate.of(2026, 3, 11)));
    refused(Reason.LOT_EXPIRED, () -> ledger.reverse(new ReverseRequest("a", "x", null, null)));
    refused(Reason.NOT_REVERSIBLE, () -> ledger.reverse(new ReverseRequest("expire:a", "x", null, null)));
    Reports.Liability l = ledger.liabilityReport();
    assertEquals(20, l.pointsOutstanding());
    assertEquals(List.of(new Reports.ExpiryBucket(YearMonth.of(2026, 3), 20)), l.byExpiryMonth());
  }

  Path sheet(String rows) throws IOException {
    Path f = Files.createTempFile(dir, "s", ".csv");
    Files.writeString(f, SigninImportTest.HEADER + rows);
    return f;
  }

  @Test
  void aWrongSheetIsReversedWholeOrNotAtAll() throws IOException {
    ImportSummary s =
        ledger.importSignins(
            sheet("a,v1,cleanup,2026-03-02T09:00,2026-03-02T11:00,g1,,,\n" + "b,v2,cleanup,2026-03-03T09:00,2026-03-03T11:00,g1,,,\n"),
            ImportOptions.defaults());
    give("g", "v2", 10, null);
    ledger.redeem(new RedeemRequest("R", "v2", "haircut", 1, null)); // spends b's lot, then g's
    refused(Reason.LOT_SPENT, () -> ledger.reverseImport(s.importId(), "wrong sheet", null));
    assertEquals(10, points("v1"), "a refused import reversal reverses nothing");
    ledger.reverse(new ReverseRequest("R", "undo", null, null));
    refused(Reason.UNKNOWN_IMPORT, () -> ledger.reverseImport("import:nope", "x", null));
    List<Receipt> reversed = ledger.reverseImport(s.importId(), "wrong sheet", null);
    assertEquals(2, reversed.size());
    assertEquals(0, points("v1"));
    assertEquals(0, ledger.member("v2").orElseThrow().serviceMinutes());
    assertEquals(0, ledger.reverseImport(s.importId(), "wrong sheet", null).size());
    assertTrue(ledger.verify(null).ok());
  }

  @Test
  void monthlyReportsCountCreditsAndReversalsInTheirOwnMonths() throws IOException {
    clock.set(LocalDateTime.of(2026, 4, 10, 18, 0));
    ledger.importSignins(
        sheet(
            "e,v1,report-issue,2026-02-03T09:00,,g1,,,\n"
                + "a,v1,elderly-care,2026-03-02T09:00,2026-03-02T11:00,g1,,,\n"
                + "b,v2,cleanup,2026-03-03T09:00,2026-03-03T12:00,g1,special,,\n"
                + "c,v2,cleanup,2026-04-01T09:00,2026-04-01T10:00,g1,,,\n"),
        ImportOptions.defaults());
    ledger.reverse(new ReverseRequest("a", "not verified after all", null, null));
    Reports.Teams march = ledger.teamsReport(YearMonth.of(2026, 3));
    assertEquals(
        List.of(new Reports.GroupLine("care", 1, 120, 20), new Reports.GroupLine("special", 1, 180, 15)), march.teams());
    Reports.Teams april = ledger.teamsReport(YearMonth.of(2026, 4));
    assertEquals(
        List.of(new Reports.GroupLine("care", -1, -120, -20), new Reports.GroupLine("clean", 1, 60, 5)), april.teams());
    Reports.Leaderboard board = ledger.leaderboard(YearMonth.of(2026, 3), 10);
    assertEquals(List.of(new Reports.Leader(1, "v2", 180, 15, 1), new Reports.Leader(2, "v1", 120, 20, 1)), board.leaders());
    // An event earns points without minutes: a leader all the same.
    assertEquals(List.of(new Reports.Leader(1, "v1", 0, 2, 1)), ledger.leaderboard(YearMonth.of(2026, 2), 10).leaders());
    // In April v1 has only the reversal of March's credit: no leader.
    assertEquals(List.of(new Reports.Leader(1, "v2", 60, 5, 1)), ledger.leaderboard(YearMonth.of(2026, 4), 10).leaders());
    Reports.Certificate cert = ledger.certificate("v2", null, null);
    assertEquals(List.of(new Reports.ActivityLine("cleanup", 240, List.of("b", "c"))), cert.activities());
    assertEquals(240, cert.verifiedMinutes());
    assertEquals(ledger.head(), cert.head());
    assertEquals(0, ledger.certificate("v1", null, null).verifiedMinutes());
    // Backfilled minutes are those added; a correction that takes minutes away shows in neither.
    ledger.adjust(new AdjustRequest("B1", "v2", 0, 90, "paper sheet", "admin", null));
    ledger.adjust(new AdjustRequest("B2", "v2", 0, -200, "overstated", "admin", null));
    assertEquals(90, ledger.certificate("v2", null, null).backfilledMinutes());
    assertEquals(90, ledger.member("v2").orElseThrow().backfilledMinutes());
    ledger.reverse(new ReverseRequest("B1", "typed twice", null, null));
    assertEquals(0, ledger.certificate("v2", null, null).backfilledMinutes());
    assertEquals(0, ledger.member("v2").orElseThrow().backfilledMinutes());
    assertEquals(240, ledger.certificate("v2", null, null).verifiedMinutes());
  }

  @Test
  void aPartlySpentLotIsLotSpentWhetherOrNotExpireHasRun() {
    give("a", "v1", 40, LocalDateTime.of(2025, 2, 1, 9, 0));
    ledger.redeem(new RedeemRequest("R", "v1", "haircut", 1, LocalDateTime.of(2025, 3, 1, 9, 0)));
    refused(Reason.LOT_SPENT, () -> ledger.reverse(new ReverseRequest("a", "x", null, null)));
    ledger.expire(LocalDate.of(2026, 3, 10));
    refused(Reason.LOT_SPENT, () -> ledger.reverse(new ReverseRequest("a", "x", null, null)));
    give("b", "v2", 40, LocalDateTime.of(2025, 2, 1, 9, 0));
    refused(Reason.LOT_EXPIRED, () -> ledger.reverse(new ReverseRequest("b", "x", null, null)));
  }

  @Test
  void reversingAnImportChecksTheDateBeforeTheImportId() {
    refused(Reason.IN_FUTURE, () -> ledger.reverseImport("import:nope", "x", LocalDateTime.of(2099, 1, 1, 0, 0)));
    refused(Reason.UNKNOWN_IMPORT, () -> ledger.reverseImport("import:nope", "x", null));
  }

  @Test
  void anAdjustmentOfNothingNamesBothAmounts() {
    LedgerRefusal r =
        assertThrows(LedgerRefusal.class, () -> ledger.adjust(new AdjustRequest("z", "v1", 0, 0, "x", "admin", null)));
    assertEquals(Reason.BAD_AMOUNT, r.reason());
    assertTrue(r.detail().contains("points or minutes"), r.detail());
  }

  @Test
  void membersFilesWithoutTeamsKeepTheTeamsAndPublicationsAreDatedToday() {
    ledger.enrol(List.of(new MemberRecord("v1", LocalDate.of(2025, 1, 1), null, null)));
    assertEquals("care", ledger.member("v1").orElseThrow().team());
    ledger.publishRules(
        SigninImportTest.RULES.replace("2026-01-01", "2027-06-01").replace("\"version\": 1", "\"version\": 2")
            .getBytes(StandardCharsets.UTF_8),
        "rules-2027.json");
    ledger.enrol(List.of(new MemberRecord("later", LocalDate.of(2027, 9, 1), null, null)));
    assertEquals(LocalDate.of(2026, 3, 10), ledger.balances(null).asOf());
  }
}

package org.huzhu.ledger.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.huzhu.ledger.ImportSummary;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  @Test
  void theDemoBuildsAnAuditedLedgerFromTheExampleCommunity(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Demo.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("audit: ok"), out);
    assertTrue(out.contains("the same sheet again: credited 0"), out);
    assertTrue(out.contains("v003 asks for 9 bags of rice: not enough points"), out);
    assertTrue(out.contains("m-barber now owed 0 points; run again: 0 new"), out);
  }

  @Test
  void theCounterChargesOnceSaysWhyItRefusesAndMonthEndSettlesWhatIsOwed(@TempDir Path dir) throws Exception {
    Path data = Demo.copyExampleFiles(dir.resolve("data"));
    Clock clock = Clock.fixed(Demo.NOW.atZone(Demo.ZONE).toInstant(), Demo.ZONE);
    try (CommunityService c = CommunityService.open(dir.resolve("ledger"), Demo.ZONE, clock)) {
      c.enrol(data.resolve("members.csv"));
      c.publishRules(data.resolve("rules-v1.json"));
      c.importSheet(data.resolve("signins.csv"));
      c.publishCatalog(data.resolve("catalog.json"));
      long before = c.balanceOf("v003").points();

      CommunityService.CounterReply first = c.redeem("R-1", "v003", "haircut", 2);
      CommunityService.CounterReply retried = c.redeem("R-1", "v003", "haircut", 2);
      assertTrue(first.done() && !first.receipt().repeated());
      assertTrue(retried.done() && retried.receipt().repeated());
      assertEquals(before - 40, c.balanceOf("v003").points());
      assertEquals(40, c.owedTo("m-barber"));

      CommunityService.CounterReply overLimit = c.redeem("R-2", "v003", "haircut", 1);
      assertFalse(overLimit.done());
      assertTrue(overLimit.refusal().startsWith("monthly limit reached"), overLimit.refusal());
      CommunityService.CounterReply tooDear = c.redeem("R-3", "v003", "rice-5kg", 50);
      assertTrue(tooDear.refusal().startsWith("not enough points"), tooDear.refusal());
      assertEquals(before - 40, c.balanceOf("v003").points());

      YearMonth month = YearMonth.from(Demo.NOW);
      assertEquals(1, c.settleMerchants(month).size());
      assertEquals(0, c.owedTo("m-barber"));
      assertTrue(c.settleMerchants(month).isEmpty());
      // the same amount redeemed again after the settlement is settled again, not taken for a repeat
      c.redeem("R-4", "v004", "haircut", 2);
      List<org.huzhu.ledger.Receipt> again = c.settleMerchants(month);
      assertEquals(1, again.size());
      assertFalse(again.get(0).repeated());
      assertEquals(0, c.owedTo("m-barber"));

      c.donateHours("T-1", "v003", 60);
      c.grantHours("T-2", "v010", 60);
      assertEquals(0, c.poolMinutes());
      LedgerRefusal empty = assertThrows(LedgerRefusal.class, () -> c.grantHours("T-3", "v010", 1));
      assertEquals(Reason.POOL_INSUFFICIENT, empty.reason());
      assertTrue(c.audit().ok());
    }
  }

  @Test
  void theGb18030SheetCreditsTheSameAsTheUtf8One(@TempDir Path dir) throws Exception {
    Path data = Demo.copyExampleFiles(dir.resolve("data"));
    Clock clock = Clock.fixed(Demo.NOW.atZone(Demo.ZONE).toInstant(), Demo.ZONE);
    ImportSummary utf8;
    ImportSummary gb;
    try (CommunityService a = CommunityService.open(dir.resolve("a"), Demo.ZONE, clock)) {
      a.enrol(data.resolve("members.csv"));
      a.publishRules(data.resolve("rules-v1.json"));
      utf8 = a.importSheet(data.resolve("signins.csv"));
    }
    try (org.huzhu.ledger.Ledger b = org.huzhu.ledger.Ledger.create(dir.resolve("b"), Demo.ZONE, clock)) {
      b.enrolFile(data.resolve("members.csv"), StandardCharsets.UTF_8);
      b.publishRules(java.nio.file.Files.readAllBytes(data.resolve("rules-v1.json")), "rules-v1.json");
      gb =
          b.importSignins(
              data.resolve("signins-gb18030.csv"),
              new org.huzhu.ledger.ImportOptions(java.nio.charset.Charset.forName("GB18030"), null, false, false, null));
    }
    assertEquals(utf8.credited(), gb.credited());
    assertEquals(utf8.points(), gb.points());
    assertEquals(utf8.byReason(), gb.byReason());
  }
}

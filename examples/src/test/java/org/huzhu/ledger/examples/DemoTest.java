package org.huzhu.ledger.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.huzhu.ledger.ImportSummary;
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

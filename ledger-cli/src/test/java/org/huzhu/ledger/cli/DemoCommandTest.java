package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void theDemoIsTheSameEveryDayAndEndsWithTheAudit() {
    Map<String, String> env = Map.of("HUZHU_JOURNAL", tmp.resolve("not-this").toString());
    Run r = Run.run(env, "demo");
    assertEquals(0, r.exit, r::toString);
    assertEquals("", r.err, r::toString);
    assertTrue(r.out.startsWith("Huzhu Ledger demo: the example community, now 2026-11-23T18:00 (Asia/Shanghai)\n"), r::toString);
    assertTrue(r.out.contains("\nImport import:27bb9884c19066b7: read 1276, credited 1267, duplicates 0, rejected 9; 19491 points, 1910:15 hours\n"), r::toString);
    assertTrue(r.out.contains("\nmember:v003           451     42:00\n"), r::toString);
    assertTrue(r.out.contains("3:00 elderly-care × 10/h × 1.5 weekend = 45"), r::toString);
    assertTrue(r.out.contains("\n义剪服务队       37  45:30     511\n"), r::toString);
    assertTrue(r.out.contains("\nAudit passed: 1316 entries, head 1316:"), r::toString);
    assertTrue(r.out.endsWith("\naudit: ok\n"), r::toString);
    assertFalse(Files.exists(tmp.resolve("not-this")), "the demo never uses $HUZHU_JOURNAL");
    assertEquals(r.out, Run.run(env, "demo").out, "the same output every run");
  }

  @Test
  void theDemoInChineseAndInJson() {
    Run zh = Run.run(Map.of(), "demo", "--lang", "zh");
    assertEquals(0, zh.exit, zh::toString);
    assertTrue(zh.out.contains("审计通过：1316 条分录"), zh::toString);
    assertTrue(zh.out.endsWith("\n审计：通过\n"), zh::toString);

    Run json = Run.run(Map.of(), "demo", "--format", "json");
    assertEquals(0, json.exit, json::toString);
    assertTrue(json.out.startsWith("{\"members\":{\"read\":43,\"enrolled\":43,\"changed\":0,\"unchanged\":0},\"rules\":[{\"id\":\"sys:rules:1\",\"version\":1,\"published\":true},"), json::toString);
    assertTrue(json.out.contains(",\"audit\":{\"ok\":true,\"entries\":1316,\"seq\":1316,"), json::toString);
  }

  @Test
  void anExplicitEmptyJournalKeepsTheLedgerAndANonEmptyOneIsRefused() throws IOException {
    Path dir = tmp.resolve("demo-books");
    Files.createDirectories(dir);
    Run r = Run.run(Map.of(), "demo", "--journal", dir.toString());
    assertEquals(0, r.exit, r::toString);
    Run audit = Run.run(Map.of(), "audit", "--journal", dir.toString(), "--format", "json");
    assertEquals(0, audit.exit, audit::toString);
    assertTrue(audit.out.startsWith("{\"ok\":true,\"entries\":1316,"), audit::toString);

    Run again = Run.run(Map.of(), "demo", "--journal", dir.toString());
    assertEquals(2, again.exit, again::toString);
    assertEquals(1, again.err.strip().lines().count(), again::toString);
    assertTrue(again.err.contains("not an empty directory"), again::toString);
  }

  @Test
  void huzhuNowMovesTheDemosNow() {
    Run r = Run.run(Map.of("HUZHU_NOW", "2026-12-01T09:00"), "demo");
    assertEquals(0, r.exit, r::toString);
    assertTrue(r.out.startsWith("Huzhu Ledger demo: the example community, now 2026-12-01T09:00 (Asia/Shanghai)\n"), r::toString);
    assertTrue(r.out.endsWith("\naudit: ok\n"), r::toString);
  }
}

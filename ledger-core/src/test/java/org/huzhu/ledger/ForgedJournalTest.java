package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals forged by someone who knows the format and recomputes every hash: the chain is intact,
 * so only the audit's replay can tell that the books are wrong.
 */
class ForgedJournalTest {
  @TempDir Path dir;
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 11, 23, 18, 0));

  Path book() throws IOException {
    return book(dir, clock);
  }

  /**
   * A book in {@code dir}: v1 joined 2026-01-01, credits a and b (10 points each, 2026-03-04 and
   * 2026-03-05) and the adjustment adj (5 points, the clock's day), points expiring after 12 months.
   */
  static Path book(Path dir, MutableClock clock) throws IOException {
    Path book = dir.resolve("book");
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
      l.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      Path f = dir.resolve("s.csv");
      Files.writeString(
          f,
          SigninImportTest.HEADER
              + "a,v1,cleanup,2026-03-04T09:00,2026-03-04T11:00,g1,,,\n"
              + "b,v1,cleanup,2026-03-05T09:00,2026-03-05T11:00,g1,,,\n");
      l.importSignins(f, ImportOptions.defaults());
      l.adjust(new AdjustRequest("adj", "v1", 5, 0, "bonus", "admin", null));
    }
    return book;
  }

  /**
   * Rewrites every record with {@code edit} applied (a record it maps to null is dropped) and
   * recomputes the whole hash chain.
   */
  static void forge(Path book, UnaryOperator<String> edit) throws IOException {
    Path segment;
    try (Stream<Path> s = Files.list(book.resolve("segments"))) {
      segment = s.sorted().findFirst().orElseThrow();
    }
    try (Stream<Path> s = Files.list(book.resolve("checkpoints"))) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    List<String> out = new ArrayList<>();
    String prev = "0".repeat(64);
    for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
      String body = edit.apply(line.substring(0, line.indexOf('\t')));
      if (body == null) {
        continue; // the record is dropped
      }
      body = body.replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
      prev = sha256(body);
      out.add(body + "\t" + prev);
    }
    Files.writeString(segment, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
  }

  /** As {@link #forge}, editing only the record of the entry {@code id}. */
  static void forgeEntry(Path book, String id, UnaryOperator<String> edit) throws IOException {
    forge(book, body -> body.contains("\"id\":\"" + id + "\"") ? edit.apply(body) : body);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> checks(AuditReport r) {
    return r.findings().stream().map(AuditReport.Finding::check).distinct().toList();
  }

  /** The book, then a correction that spends every lot: a, b and adj. */
  private Path bookSpendingEveryLot() throws IOException {
    Path book = book();
    try (Ledger l = Ledger.open(book, clock)) {
      l.adjust(new AdjustRequest("neg", "v1", -25, 0, "correction", "admin", null));
    }
    return book;
  }

  @Test
  void anEntryLeftHalfAppliedDoesNotStopTheAuditOfTheEntriesAfterIt() throws IOException {
    Path book = bookSpendingEveryLot();
    // adj adds its lot, then fails on a lot nobody made: its lot stays, under an entry never indexed
    forgeEntry(book, "adj", body -> body.replace("\"spent\":[]", "\"spent\":[{\"lot\":\"nope\",\"points\":0}]"));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok());
    assertTrue(checks(r).contains("state"), r::toString);
  }

  @Test
  void anAdjustmentNamingItsOwnLotIsFoldedAsWritten() throws IOException {
    Path book = bookSpendingEveryLot();
    forgeEntry(book, "adj", body -> body.replace("\"spent\":[]", "\"spent\":[{\"lot\":\"adj\",\"points\":0}]"));
    AuditReport r = Ledger.audit(book, null);
    assertEquals(List.of("record"), checks(r), r::toString);
  }

  @Test
  void anUntouchedJournalPassesAndTheForgerRechainsCorrectly() throws IOException {
    Path book = book();
    forge(book, UnaryOperator.identity());
    assertTrue(Ledger.audit(book, null).ok());
  }

  @Test
  void aCreditWithInflatedPointsDoesNotRederive() throws IOException {
    Path book = book();
    forgeEntry(
        book,
        "a",
        body -> body.replace("\"account\":\"community:issued\",\"points\":-10,", "\"account\":\"community:issued\",\"points\":-90,")
            .replace("\"account\":\"member:v1\",\"points\":10,", "\"account\":\"member:v1\",\"points\":90,"));
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok());
    assertEquals(List.of("rederive"), checks(r));
    assertEquals("a", r.findings().get(0).entry());
    // the detail quotes what the entry says, not what it should say
    assertTrue(r.findings().get(0).detail().contains("member:v1 90 points"), r::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"account\":\"community:issued\",\"points\":-10,\"minutes\":-121},{\"account\":\"member:v1\",\"points\":10,\"minutes\":121}",
        "{\"account\":\"member:v1\",\"points\":10,\"minutes\":120},{\"account\":\"community:issued\",\"points\":-10,\"minutes\":-120}",
        ""
      })
  void aCreditWhosePostingsBalanceButAreNotWhatItsBreakdownPostsDoesNotRederive(String postings) throws IOException {
    Path book = book();
    String written =
        "{\"account\":\"community:issued\",\"points\":-10,\"minutes\":-120},{\"account\":\"member:v1\",\"points\":10,\"minutes\":120}";
    forgeEntry(book, "a", body -> {
      assertTrue(body.contains(written), body);
      return body.replace(written, postings);
    });
    AuditReport r = Ledger.audit(book, null);
    assertFalse(r.ok());
    assertEquals("a", r.findings().get(0).entry(), r::toString);
    assertEquals("rederive", r.findings().get(0).check(), r::toString);
    assertTrue(r.findings().get(0).detail().contains("its postings say"), r::toString);
  }

  @Test
  void aCreditSignedInAnotherZoneIsFoundThoughItNamesTheSameInstant() throws IOException {
    Path book = book();
    forgeEntry(
        book,
        "a",
        body -> body.replace(
            "\"check_in\":\"2026-03-04T09:00+08:00[Asia/Shanghai]\"",
            "\"check_in\":\"2026-03-04T10:00+09:00[Asia/Tokyo]\""));
    AuditReport r = Ledger.audit(book, null);
    assertEquals(List.of("rederive"), checks(r), r::toString);
    assertTrue(r.findings().get(0).detail().contains("Asia/Tokyo"), r::toString);
  }

  @Test
  void aRecordHoldingItsEntryOtherwiseThanTheLedgerWritesItIsFound() throws IOException {
    // each reads as the same entry to the ledger; a repeated key may read otherwise to other tools
    for (UnaryOperator<String> edit :
        List.<UnaryOperator<String>>of(
            body -> body.replace("\"reason\":\"bonus\"", "\"reason\" : \"bonus\""),
            body -> body.replace("\"reason\":\"bonus\"", "\"reason\":\"bon\\u0075s\""),
            body -> body.replace(
                "\"kind\":\"adjustment\"", "\"kind\":\"settlement\",\"kind\":\"adjustment\""))) {
      Path book = book();
      forgeEntry(book, "adj", edit);
      AuditReport r = Ledger.audit(book, null);
      assertEquals(List.of("record"), checks(r), r::toString);
      assertEquals("adj", r.findings().get(0).entry());
      ForgedJournalTest.deleteTree(book);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void anEntryACommandWouldHaveRefusedIsFoundThoughItPostsAsItsDataSays() throws IOException {
    record Forgery(String entry, UnaryOperator<String> edit, String finding) {}
    for (Forgery f :
        List.of(
            new Forgery("adj", body -> body.replace("\"date\":\"2026-11-23\"", "\"date\":\"2026-03-01\""),
                "before 2026-03-05 when v1 was last posted to"),
            new Forgery("adj", body -> body.replace("\"date\":\"2026-11-23\"", "\"date\":\"2025-12-01\""),
                "before v1 joined on 2026-01-01"),
            new Forgery("a", body -> body.replace("\"verified_by\":\"g1\"", "\"verified_by\":\"v1\""),
                "was verified by v1, which the import rejects"),
            new Forgery("sys:member:v1", body -> body.replace("\"id\":\"sys:member:v1\"", "\"id\":\"sys:member:v1:7\""),
                "not sys:member:v1"),
            new Forgery("cut", body -> body.replace("\"price_points\":20", "\"price_points\":2")
                    .replace("\"points\":-20", "\"points\":-2").replace("\"points\":20", "\"points\":2")
                    .replace("\"points\":10}", "\"points\":2}"),
                "the catalog says m-barber at 20"),
            new Forgery("cut", body -> body.replace("{\"lot\":\"a\",\"points\":10},{\"lot\":\"b\",\"points\":10}",
                    "{\"lot\":\"b\",\"points\":10},{\"lot\":\"a\",\"points\":10}"),
                "oldest first they are a 10, b 10"),
            new Forgery("reversal:cut", body -> body.replace("{\"lot\":\"a\",\"points\":10},{\"lot\":\"b\",\"points\":10}",
                    "{\"lot\":\"adj\",\"points\":10},{\"lot\":\"b\",\"points\":10}"),
                "puts back lots adj 10, b 10, the entry it reverses spent a 10, b 10"))) {
      Path book = book();
      try (Ledger l = Ledger.open(book, clock)) {
        l.publishCatalog(ModelProperties.CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
        l.redeem(new RedeemRequest("cut", "v1", "haircut", 1, null));
        l.reverse(new ReverseRequest("cut", "wrong item", null, null));
      }
      assertTrue(Ledger.audit(book, null).ok());
      forgeEntry(book, f.entry(), f.edit());
      AuditReport r = Ledger.audit(book, null);
      assertEquals(List.of("record"), checks(r), r::toString);
      assertTrue(r.findings().get(0).detail().contains(f.finding()), r::toString);
      deleteTree(book);
    }
  }

  @Test
  void anEntryWhosePostingsAreNotWhatItsDataPostsIsFoundThoughItBalances() throws IOException {
    Path book = book();
    // the adjustment's data says 5 points, its postings pay 500 out of the pool's points
    forgeEntry(
        book,
        "adj",
        body -> body.replace("\"account\":\"community:issued\",\"points\":-5,", "\"account\":\"community:pool\",\"points\":-500,")
            .replace("\"account\":\"member:v1\",\"points\":5,", "\"account\":\"member:v1\",\"points\":500,"));
    AuditReport r = Ledger.audit(book, null);
    assertEquals(List.of("record"), checks(r), r::toString);
    assertEquals("adj", r.findings().get(0).entry());
    assertTrue(
        r.findings().get(0).detail().contains("posts community:pool -500 points 0 minutes, member:v1 500 points 0 minutes"
            + " where its data posts community:issued -5 points 0 minutes, member:v1 5 points 0 minutes"),
        r::toString);
  }

  @Test
  void anAnchorOnEntryZeroOrPastTheEndIsMissing() throws IOException {
    Path book = book();
    String hash = "ab".repeat(32);
    AuditReport zero = Ledger.audit(book, "0:" + hash);
    assertEquals(List.of("anchor"), checks(zero));
    AuditReport huge = Ledger.audit(book, "9999999999999999999:" + hash);
    assertEquals(List.of("anchor"), checks(huge));
    assertTrue(huge.findings().get(0).detail().startsWith("entry 9999999999999999999 is missing"), huge::toString);
  }

  @Test
  void overlappingCreditsAreFound() throws IOException {
    Path book = book();
    forgeEntry(book, "b", body -> body.replace("2026-03-05T", "2026-03-04T").replace("\"date\":\"2026-03-05\"", "\"date\":\"2026-03-04\""));
    AuditReport r = Ledger.audit(book, null);
    assertTrue(checks(r).contains("overlap"), r::toString);
  }

  @Test
  void anUnbalancedEntryIsFound() throws IOException {
    Path book = book();
    forgeEntry(book, "adj", body -> body.replace("\"points\":5,", "\"points\":6,"));
    AuditReport r = Ledger.audit(book, null);
    assertEquals(List.of("balance"), checks(r));
    assertEquals("adj", r.findings().get(0).entry(), "the entry names itself although it cannot be applied");
  }

  @Test
  void aReversalOfNothingIsFound() throws IOException {
    Path book = book();
    forgeEntry(
        book,
        "adj",
        body -> body.replace("\"kind\":\"adjustment\"", "\"kind\":\"reversal\"")
            .replaceFirst("\"data\":\\{.*\\}\\}$", "\"data\":{\"target\":\"ghost\",\"reason\":\"x\",\"restored\":[]}}}"));
    AuditReport r = Ledger.audit(book, null);
    assertEquals(List.of("reversal"), checks(r), r::toString);
  }

  @Test
  void aCutAndRewrittenHistoryFailsTheAnchor() throws IOException {
    Path book = book();
    String anchor;
    try (Ledger l = Ledger.openReadOnly(book, clock)) {
      anchor = l.head();
    }
    forge(book, body -> body.replace("\"reason\":\"bonus\"", "\"reason\":\"bonus!\""));
    assertTrue(Ledger.audit(book, null).ok(), "rechained history passes without an anchor");
    AuditReport r = Ledger.audit(book, anchor);
    assertEquals(List.of("anchor"), checks(r));
  }
}

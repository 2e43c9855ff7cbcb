package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 1, 10, 0));

  Ledger newLedger() {
    Ledger l = Ledger.inMemory(MutableClock.SHANGHAI, clock);
    l.enrol(
        List.of(
            new MemberRecord("v1", LocalDate.of(2026, 1, 1), "care", "g1"),
            new MemberRecord("v2", LocalDate.of(2026, 1, 1), null, null)));
    return l;
  }

  static AdjustRequest points(String id, String member, long points) {
    return new AdjustRequest(id, member, points, 0, "opening balance", "admin1", null);
  }

  @Test
  void adjustmentMovesPointsFromIssuedToTheMember() {
    try (Ledger l = newLedger()) {
      Receipt r = l.adjust(points("A-1", "v1", 50));
      assertFalse(r.repeated());
      assertEquals("adjustment", r.entry().kind());
      assertEquals(new Balance(Account.member("v1"), 50, 0), l.balance(Account.member("v1")));
      assertEquals(new Balance(Account.ISSUED, -50, 0), l.balance(Account.ISSUED));
    }
  }

  @Test
  void repeatingACommandIsANoOpAndOtherArgumentsAreAConflict() {
    try (Ledger l = newLedger()) {
      Receipt first = l.adjust(points("A-1", "v1", 50));
      Receipt again = l.adjust(points("A-1", "v1", 50));
      assertTrue(again.repeated());
      assertEquals(first.entry(), again.entry());
      LedgerRefusal r = assertThrows(LedgerRefusal.class, () -> l.adjust(points("A-1", "v1", 51)));
      assertEquals(Reason.CONFLICT, r.reason());
      assertEquals(50, l.balance(Account.member("v1")).points());
    }
  }

  @Test
  void onlyTheDateOfAtCountsAgainstNow() {
    try (Ledger l = newLedger()) {
      // now is 2026-03-01 10:00
      Receipt later = l.adjust(new AdjustRequest("A-1", "v1", 5, 0, "x", "a", LocalDateTime.of(2026, 3, 1, 23, 59)));
      assertEquals(LocalDate.of(2026, 3, 1), later.entry().date());
      assertEquals(
          Reason.IN_FUTURE,
          assertThrows(
                  LedgerRefusal.class,
                  () -> l.adjust(new AdjustRequest("A-2", "v1", 5, 0, "x", "a", LocalDateTime.of(2026, 3, 2, 0, 0))))
              .reason());
    }
  }

  @Test
  void refusalsComeInTheContractsOrder() {
    try (Ledger l = newLedger()) {
      LocalDateTime future = LocalDateTime.of(2026, 3, 2, 0, 0);
      assertEquals(
          Reason.IN_FUTURE,
          assertThrows(LedgerRefusal.class, () -> l.adjust(new AdjustRequest("A-1", "nobody", 0, 0, "x", "a", future))).reason());
      assertEquals(
          Reason.UNKNOWN_MEMBER,
          assertThrows(LedgerRefusal.class, () -> l.adjust(new AdjustRequest("A-1", "nobody", 0, 0, "x", "a", null))).reason());
      assertEquals(
          Reason.BEFORE_JOINED,
          assertThrows(
                  LedgerRefusal.class,
                  () -> l.adjust(new AdjustRequest("A-1", "v1", 0, 0, "x", "a", LocalDateTime.of(2025, 12, 31, 9, 0))))
              .reason());
      assertEquals(
          Reason.BAD_AMOUNT,
          assertThrows(LedgerRefusal.class, () -> l.adjust(new AdjustRequest("A-1", "v1", 0, 0, "x", "a", null))).reason());
      assertEquals(
          Reason.BAD_AMOUNT,
          assertThrows(LedgerRefusal.class, () -> l.adjust(points("A-1", "v1", 1_000_000_000_001L))).reason());
      assertEquals(
          Reason.INSUFFICIENT_POINTS,
          assertThrows(LedgerRefusal.class, () -> l.adjust(points("A-1", "v1", -1))).reason());
      assertEquals(
          Reason.OVER_CREDIT_LIMIT,
          assertThrows(LedgerRefusal.class, () -> l.adjust(new AdjustRequest("A-1", "v1", 0, -1, "x", "a", null)))
              .reason());
      l.adjust(points("A-2", "v1", 5));
      assertEquals(
          Reason.BACK_DATED,
          assertThrows(
                  LedgerRefusal.class,
                  () -> l.adjust(new AdjustRequest("A-3", "v1", 1, 0, "x", "a", LocalDateTime.of(2026, 2, 1, 9, 0))))
              .reason());
      assertTrue(l.verify(null).ok());
    }
  }

  @Test
  void reversalPostsTheExactOppositeOnce() {
    try (Ledger l = newLedger()) {
      l.adjust(points("A-1", "v1", 50));
      Receipt rev = l.reverse(new ReverseRequest("A-1", "wrong member", null, null));
      assertEquals("reversal:A-1", rev.entry().id());
      assertEquals(0, l.balance(Account.member("v1")).points());
      assertEquals(
          Reason.ALREADY_REVERSED,
          assertThrows(LedgerRefusal.class, () -> l.reverse(new ReverseRequest("A-1", "again", "R-2", null))).reason());
      assertEquals(
          Reason.NOT_REVERSIBLE,
          assertThrows(LedgerRefusal.class, () -> l.reverse(new ReverseRequest("reversal:A-1", "x", null, null))).reason());
      assertEquals(
          Reason.UNKNOWN_ENTRY,
          assertThrows(LedgerRefusal.class, () -> l.reverse(new ReverseRequest("nope", "x", null, null))).reason());
      assertTrue(l.reverse(new ReverseRequest("A-1", "wrong member", null, null)).repeated());
    }
  }

  @Test
  void reversingAPositiveAdjustmentWhosePointsWereSpentIsRefused() {
    try (Ledger l = newLedger()) {
      l.adjust(points("A-1", "v1", 50));
      l.adjust(points("A-2", "v1", -10));
      assertEquals(
          Reason.LOT_SPENT,
          assertThrows(LedgerRefusal.class, () -> l.reverse(new ReverseRequest("A-1", "x", null, null))).reason());
      l.reverse(new ReverseRequest("A-2", "undo the spend", null, null));
      l.reverse(new ReverseRequest("A-1", "now it is whole", null, null));
      assertEquals(0, l.balance(Account.member("v1")).points());
      assertTrue(l.verify(null).ok());
    }
  }

  @Test
  void enrollingAgainWithAnotherJoiningDateIsAConflictAndChangesNothing() {
    try (Ledger l = newLedger()) {
      LedgerRefusal r =
          assertThrows(
              LedgerRefusal.class,
              () ->
                  l.enrol(
                      List.of(
                          new MemberRecord("v3", LocalDate.of(2026, 1, 1), null, null),
                          new MemberRecord("v1", LocalDate.of(2026, 2, 1), null, null))));
      assertEquals(Reason.CONFLICT, r.reason());
      assertTrue(l.member("v3").isEmpty());
      EnrolmentSummary s =
          l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), "repair", "g1")));
      assertEquals(new EnrolmentSummary(0, 1, 0), s);
      assertEquals("repair", l.member("v1").orElseThrow().team());
    }
  }

  @Test
  void aMemberListedAgainInOneBatchIsEnrolledOnceWithTheLatestTeamAndAgainChangesNothing() {
    try (Ledger l = newLedger()) {
      LocalDate joined = LocalDate.of(2026, 1, 1);
      EnrolmentSummary s =
          l.enrol(
              List.of(
                  new MemberRecord("v7", joined, "repair", "g1"),
                  new MemberRecord("v7", joined, "repair", "g1"),
                  new MemberRecord("v7", joined, "care", null)));
      assertEquals(new EnrolmentSummary(1, 0, 2), s);
      assertEquals("care", l.member("v7").orElseThrow().team());
      assertEquals("g1", l.member("v7").orElseThrow().grid());
      String head = l.head();
      assertEquals(
          new EnrolmentSummary(0, 0, 3),
          l.enrol(
              List.of(
                  new MemberRecord("v7", joined, "repair", "g1"),
                  new MemberRecord("v7", joined, "repair", "g1"),
                  new MemberRecord("v7", joined, "care", null))),
          "the same records again change nothing");
      assertEquals(head, l.head());
      LedgerRefusal r =
          assertThrows(
              LedgerRefusal.class,
              () ->
                  l.enrol(
                      List.of(
                          new MemberRecord("v8", joined, null, null),
                          new MemberRecord("v8", joined.plusDays(1), null, null))));
      assertEquals(Reason.CONFLICT, r.reason());
      assertEquals("member v8 is listed twice, joining on 2026-01-01 and on 2026-01-02", r.detail());
      assertTrue(l.member("v8").isEmpty());
      assertTrue(l.verify(null).ok());
    }
  }

  @Test
  void aMembersFileConflictNamesTheLineThatConflicts(@TempDir Path dir) throws Exception {
    try (Ledger l = newLedger()) {
      // v1 joined on 2026-01-01: line 2 conflicts with the ledger, line 3 agrees with it
      Path f = dir.resolve("members.csv");
      java.nio.file.Files.writeString(f, "member_id,joined_on\nv1,2026-02-01\nv1,2026-01-01\n");
      LedgerRefusal r = assertThrows(LedgerRefusal.class, () -> l.enrolFile(f, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(Reason.CONFLICT, r.reason());
      assertEquals(f + ": line 2: member v1 joined on 2026-01-01, not 2026-02-01", r.detail());
      // two rows of one file that disagree, the ledger knowing neither
      java.nio.file.Files.writeString(f, "member_id,joined_on\nv7,2026-01-01\nv8,2026-01-01\nv7,2026-01-02\n");
      r = assertThrows(LedgerRefusal.class, () -> l.enrolFile(f, java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(Reason.CONFLICT, r.reason());
      assertEquals(f + ": line 4: member_id v7 is listed again with joined_on 2026-01-02 (line 2 has 2026-01-01)", r.detail());
      assertTrue(l.member("v7").isEmpty());
    }
  }

  @Test
  void aClosedLedgerRefusesEveryUseAlike() {
    Ledger l = newLedger();
    l.close();
    l.close();
    for (Runnable use :
        List.<Runnable>of(
            () -> l.balance(Account.member("v1")),
            () -> l.member("v1"),
            () -> l.head(),
            () -> l.liabilityReport(),
            () -> l.statement("v1", null, null),
            () -> l.verify(null),
            () -> l.adjust(points("A-1", "v1", 5)))) {
      IllegalStateException e = assertThrows(IllegalStateException.class, use::run);
      assertEquals("the ledger is closed", e.getMessage());
    }
  }

  @Test
  void malformedArgumentsAreRefusedBeforeAnythingIsDecided() {
    assertThrows(IllegalArgumentException.class, () -> new AdjustRequest("A", "v1", 5, 5, "r", "p", null));
    assertEquals(
        "team is longer than 200 characters",
        assertThrows(IllegalArgumentException.class, () -> new MemberRecord("v9", LocalDate.of(2026, 1, 1), "t".repeat(201), null))
            .getMessage());
    assertEquals(
        "reason holds half of a character (a lone surrogate)",
        assertThrows(IllegalArgumentException.class, () -> new AdjustRequest("A", "v1", 5, 0, "r\ud800", "p", null))
            .getMessage());
    assertEquals("r\ud83d\ude00", new AdjustRequest("A", "v1", 5, 0, "r\ud83d\ude00", "p", null).reason());
    MemberRecord blank = new MemberRecord("v9", LocalDate.of(2026, 1, 1), "  ", " g1\t");
    assertEquals(null, blank.team());
    assertEquals("g1", blank.grid());
    try (Ledger l = newLedger()) {
      assertThrows(
          IllegalArgumentException.class, () -> l.statement("v1", LocalDate.of(2026, 5, 1), LocalDate.of(2026, 1, 1)));
      assertThrows(IllegalArgumentException.class, () -> l.leaderboard(java.time.YearMonth.of(2026, 1), 0));
      NullPointerException npe = assertThrows(NullPointerException.class, () -> l.expire(null));
      assertEquals("asOf", npe.getMessage());
    }
  }

  @Test
  void anInterruptedCallerIsToldWhatHappenedToItsCommand() {
    try (Ledger l = newLedger()) {
      Thread.currentThread().interrupt();
      Receipt r;
      try {
        r = l.adjust(points("A-1", "v1", 5));
      } finally {
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
      }
      assertFalse(r.repeated());
      assertEquals(5, l.balance(Account.member("v1")).points());
    }
  }

  @Test
  void writersRacingCloseAreAnsweredOneWayOrTheOther() throws Exception {
    for (int round = 0; round < 30; round++) {
      Ledger l = newLedger();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
      int r = round;
      for (int t = 0; t < 8; t++) {
        int thread = t;
        pool.execute(
            () -> {
              for (int i = 0; ; i++) {
                try {
                  l.adjust(points("A-" + r + "-" + thread + "-" + i, "v1", 1));
                } catch (IllegalStateException closed) {
                  answered.incrementAndGet();
                  return;
                }
              }
            });
      }
      Thread.sleep(5);
      l.close();
      pool.shutdown();
      assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS), "a writer was left waiting in round " + round);
      assertEquals(8, answered.get());
    }
  }

  @Test
  void aListenerThatThrowsAnErrorDoesNotSilenceTheOthers() throws Exception {
    try (Ledger l = newLedger()) {
      Heard heard = heardBeside(l, new AssertionError("a listener's own bug"), 3);
      l.adjust(points("A-1", "v1", 5));
      l.adjust(points("A-2", "v1", 5));
      l.adjust(points("A-3", "v1", 5));
      assertTrue(heard.all().await(10, TimeUnit.SECONDS), heard.ids()::toString);
      assertEquals(List.of("A-1", "A-2", "A-3"), heard.ids());
    }
  }

  /** The ids a listener heard, and a latch for the number expected. */
  record Heard(List<String> ids, CountDownLatch all) {}

  /** Subscribes a listener that throws {@code thrown} on every entry, then one that records them. */
  private static Heard heardBeside(Ledger l, Throwable thrown, int expected) {
    Heard heard = new Heard(new CopyOnWriteArrayList<>(), new CountDownLatch(expected));
    l.subscribe(
        e -> {
          if (thrown instanceof Error err) {
            throw err;
          }
          throw (RuntimeException) thrown;
        });
    l.subscribe(
        e -> {
          heard.ids().add(e.id());
          heard.all().countDown();
        });
    return heard;
  }

  @Test
  void listenersHearCommittedEntriesOnlyInJournalOrder() throws Exception {
    try (Ledger l = newLedger()) {
      Heard heard = heardBeside(l, new IllegalStateException("a broken listener must not break the writer"), 2);
      l.adjust(points("A-1", "v1", 5));
      l.adjust(points("A-1", "v1", 5));
      assertThrows(LedgerRefusal.class, () -> l.adjust(points("A-9", "v1", -500)));
      l.adjust(points("A-2", "v2", 7));
      assertTrue(heard.all().await(10, TimeUnit.SECONDS));
      assertEquals(List.of("A-1", "A-2"), heard.ids());
    }
  }

  @Test
  void statementExplainsEveryEntryBetweenOpeningAndClosing() {
    try (Ledger l = newLedger()) {
      clock.set(LocalDateTime.of(2026, 2, 1, 9, 0));
      l.adjust(points("A-1", "v1", 50));
      clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
      l.adjust(points("A-2", "v1", -20));
      Statement s = l.statement("v1", LocalDate.of(2026, 2, 15), null);
      assertEquals(50, s.opening().points());
      assertEquals(List.of("enrolment", "adjustment"), s.lines().stream().map(line -> line.entry().kind()).toList());
      assertEquals(30, s.closing().points());
      assertTrue(s.lines().get(1).explanation().contains("-20 points"));
    }
  }

  @Test
  void balancesAsOfADayCountOnlyEntriesEffectiveByThen() {
    try (Ledger l = newLedger()) {
      clock.set(LocalDateTime.of(2026, 2, 1, 9, 0));
      l.adjust(points("A-1", "v1", 50));
      clock.set(LocalDateTime.of(2026, 3, 1, 9, 0));
      l.adjust(points("A-2", "v2", 20));
      BalanceSheet feb = l.balances(LocalDate.of(2026, 2, 28));
      assertEquals(
          List.of(new Balance(Account.ISSUED, -50, 0), new Balance(Account.member("v1"), 50, 0)), feb.accounts());
      BalanceSheet now = l.balances(null);
      assertEquals(LocalDate.of(2026, 3, 1), now.asOf());
      assertEquals(3, now.accounts().size());
    }
  }

  @Test
  void reopeningAFileLedgerRestoresTheSameState(@TempDir Path dir) {
    String head;
    try (Ledger l = Ledger.create(dir.resolve("book"), MutableClock.SHANGHAI, clock)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
      l.adjust(points("A-1", "v1", 50));
      head = l.head();
    }
    try (Ledger l = Ledger.open(dir.resolve("book"), clock)) {
      assertEquals(head, l.head());
      assertEquals(50, l.balance(Account.member("v1")).points());
      assertTrue(l.verify(head).ok());
      assertTrue(l.adjust(points("A-1", "v1", 50)).repeated());
    }
    try (Ledger r = Ledger.openReadOnly(dir.resolve("book"), clock)) {
      assertEquals(50, r.balance(Account.member("v1")).points());
      assertThrows(IllegalStateException.class, () -> r.adjust(points("A-2", "v1", 1)));
    }
  }

  @Test
  void aSnapshotInAnOlderFormatIsNotUsedNotReportedAndReplacedOnClose(@TempDir Path dir) {
    Path book = dir.resolve("book");
    byte[] live = bookWithOneAdjustment(book);
    try (org.huzhu.ledger.journal.Journal j = org.huzhu.ledger.journal.Journals.openWriter(book)) {
      byte[] old = live.clone();
      old[3] = 1; // format 1: a snapshot an earlier version wrote
      j.writeCheckpoint(j.lastSeq(), j.lastHash(), old);
    }
    assertTrue(Ledger.audit(book, null).ok(), "an unreadable older snapshot is not a wrong state");
    try (Ledger l = Ledger.open(book, clock)) {
      assertEquals(50, l.balance(Account.member("v1")).points());
    }
    try (org.huzhu.ledger.journal.Journal j = org.huzhu.ledger.journal.Journals.openReader(book)) {
      assertTrue(StateCodec.readable(j.latestCheckpoint().orElseThrow().state()), "closing wrote a current snapshot");
    }
  }

  @Test
  void aSnapshotWhoseEntriesCannotBeReadIsReplayedPastByAWriterAndFailsAReadersReport(@TempDir Path dir) {
    Path book = dir.resolve("book");
    byte[] live = bookWithOneAdjustment(book);
    try (org.huzhu.ledger.journal.Journal j = org.huzhu.ledger.journal.Journals.openWriter(book)) {
      // Sound hashes over a state with a byte after its entries: only a forger writes that.
      byte[] forged = java.util.Arrays.copyOf(live, live.length + 1);
      j.writeCheckpoint(j.lastSeq(), j.lastHash(), forged);
    }
    AuditReport report = Ledger.audit(book, null);
    assertFalse(report.ok());
    assertEquals("state", report.findings().get(0).check());
    try (Ledger r = Ledger.openReadOnly(book, clock)) {
      assertEquals(50, r.balance(Account.member("v1")).points(), "balances do not need the entries");
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> r.leaderboard(java.time.YearMonth.of(2026, 1), 3));
      assertTrue(e.getMessage().contains("checkpoint"), e.getMessage());
    }
    try (Ledger l = Ledger.open(book, clock)) {
      // a writer waits for the whole checkpoint, and replays the journal when it cannot be read
      assertTrue(l.adjust(points("A-1", "v1", 50)).repeated());
      l.enrol(List.of(new MemberRecord("v2", LocalDate.of(2026, 1, 1), null, null)));
      l.adjust(points("A-2", "v2", 7));
    }
    // The forged file stays, now the older of the two kept, and the audit still names it.
    AuditReport kept = Ledger.audit(book, null);
    assertEquals(List.of("state"), kept.findings().stream().map(AuditReport.Finding::check).toList());
    try (Ledger l = Ledger.open(book, clock)) {
      l.adjust(points("A-3", "v2", 1));
    }
    assertTrue(Ledger.audit(book, null).ok(), "a later checkpoint pushed the forged one out");
    try (Ledger r = Ledger.openReadOnly(book, clock)) {
      assertEquals(8, r.balance(Account.member("v2")).points());
      assertEquals(List.of(), r.leaderboard(java.time.YearMonth.of(2026, 3), 3).leaders(), "the entries are read");
    }
  }

  /** Writes a ledger where v1 holds 50 points from A-1, and returns its state's snapshot. */
  private byte[] bookWithOneAdjustment(Path book) {
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
      l.adjust(points("A-1", "v1", 50));
      return l.stateSnapshot();
    }
  }
}

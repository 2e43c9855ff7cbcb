package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.huzhu.ledger.journal.Checkpoint;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.JournalRecord;
import org.huzhu.ledger.journal.Journals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the audit makes of a ledger directory that lost a part, or holds more than one checkpoint. */
class AuditLayoutTest {
  @TempDir Path tmp;
  final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));

  /** A ledger closed twice, so that it holds two checkpoints. */
  private Path book() {
    Path dir = tmp.resolve("book");
    try (Ledger l = Ledger.create(dir, MutableClock.SHANGHAI, clock)) {
      l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
    }
    try (Ledger l = Ledger.open(dir, clock)) {
      l.adjust(new AdjustRequest("A-1", "v1", 5, 0, "bonus", "admin", null));
    }
    return dir;
  }

  private static List<String> checks(AuditReport r) {
    return r.findings().stream().map(AuditReport.Finding::check).toList();
  }

  private static Path lastSegment(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("segments"))) {
      return s.sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  void aBatchALiveWriterIsStillWritingIsNoFindingButATornOneIs() throws IOException {
    Path dir = book();
    Path segment = lastSegment(dir);
    String half = "{\"seq\":99,\"prev\":\"";
    try (Ledger writer = Ledger.open(dir, clock)) {
      // What an audit in another process may see while the writer is halfway through a batch.
      Files.writeString(segment, half, java.nio.file.StandardOpenOption.APPEND);
      AuditReport during = Ledger.audit(dir, null);
      assertTrue(during.ok(), during::toString);
      assertEquals(writer.head(), during.seq() + ":" + during.head());
      Files.writeString(segment, Files.readString(segment).replace(half, ""));
    }
    Files.writeString(segment, half, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("tail"), checks(Ledger.audit(dir, null)), "no writer: the same bytes are a torn tail");
    // the number in the lock file outlives its writer and may name any live process (1 always is)
    Files.writeString(dir.resolve("lock"), "1\n");
    assertEquals(List.of("tail"), checks(Ledger.audit(dir, null)), "a live process that holds no lock is no writer");
  }

  @Test
  void aCompleteLastRecordChangedWhileAWriterIsAliveIsAFinding() throws IOException {
    Path dir = book();
    Path segment = lastSegment(dir);
    try (Ledger writer = Ledger.open(dir, clock)) {
      String text = Files.readString(segment);
      assertTrue(text.contains("\"bonus\""));
      // a whole line that fails is a moment's view of a write in progress, or a change that stays
      Files.writeString(segment, text.replace("\"bonus\"", "\"bogus\""));
      AuditReport r = Ledger.audit(dir, null);
      assertFalse(r.ok());
      assertEquals("tail", checks(r).get(0), r::toString);
      assertTrue(r.findings().get(0).detail().contains("stays while a writer is appending"), r::toString);
      assertTrue(writer.head().startsWith((r.seq() + 1) + ":"), "audited up to the changed record, the writer's last");
    }
  }

  @Test
  void aSegmentNamedBeforeTheFirstRecordIsAFinding() throws IOException {
    Path dir = book();
    Files.writeString(dir.resolve("segments").resolve("00000000000000000000.jsonl"), "anything\n");
    AuditReport r = Ledger.audit(dir, null);
    assertFalse(r.ok());
    // the audit reads no further than the damage, so the checkpoints beyond it are findings too
    assertEquals("chain", checks(r).get(0), r::toString);
    assertTrue(r.findings().get(0).detail().contains("00000000000000000000.jsonl"), r::toString);
  }

  @Test
  void aCheckpointWhoseStateNoVersionWroteIsAFindingAndAnOlderVersionsIsNot() throws IOException {
    Path dir = book();
    long seq;
    String hash;
    try (Journal j = Journals.openWriter(dir)) {
      seq = j.lastSeq();
      hash = j.lastHash();
      // a checkpoint an older version wrote: not compared, and replaced by the next one
      j.writeCheckpoint(seq, hash, java.nio.ByteBuffer.allocate(12).putInt(0, 8));
    }
    assertTrue(Ledger.audit(dir, null).ok());
    byte[] garbage = "garbage, not a snapshot".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (byte[] state : List.of(new byte[0], new byte[] {1, 2}, garbage)) {
      try (Journal j = Journals.openWriter(dir)) {
        j.writeCheckpoint(seq, hash, state);
      }
      AuditReport r = Ledger.audit(dir, null);
      assertEquals(List.of("checkpoint"), checks(r), r::toString);
    }
  }

  @Test
  void withoutItsCheckpointsALedgerIsAuditedFromItsJournalAndAWriterMakesThemAgain() throws IOException {
    Path dir = book();
    deleteTree(dir.resolve("checkpoints"));
    assertTrue(Ledger.audit(dir, null).ok());
    try (Ledger l = Ledger.open(dir, clock)) {
      l.adjust(new AdjustRequest("A-2", "v1", 5, 0, "bonus", "admin", null));
    }
    assertTrue(Files.isDirectory(dir.resolve("checkpoints")));
    assertTrue(Ledger.audit(dir, null).ok());
  }

  @Test
  void withoutItsSegmentsALedgerFailsTheAuditAndNoWriterOpensIt() throws IOException {
    Path dir = book();
    deleteTree(dir.resolve("segments"));
    AuditReport r = Ledger.audit(dir, null);
    assertFalse(r.ok());
    assertEquals(0, r.entries());
    assertEquals("chain", checks(r).get(0));
    assertTrue(checks(r).contains("checkpoint"), r.toString());
    assertThrows(LedgerStorageException.class, () -> Ledger.open(dir, clock));
    assertFalse(Files.exists(dir.resolve("segments")), "nothing is made where the records were");
  }

  @Test
  void withoutItsSegmentsAndWithADamagedCheckpointTheMissingJournalIsStillNamed() throws IOException {
    Path dir = book();
    deleteTree(dir.resolve("segments"));
    try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
      Files.writeString(s.sorted().findFirst().orElseThrow(), "garbage\n");
    }
    AuditReport r = Ledger.audit(dir, null);
    assertEquals(List.of("checkpoint", "chain", "checkpoint"), checks(r), r.toString());
  }

  @Test
  void aFolderThatACrashLeftHalfMadeIsNoLedgerAndCreateFinishesIt() throws IOException {
    Path onlySegments = tmp.resolve("only-segments");
    Files.createDirectories(onlySegments.resolve("segments"));
    Path foreign = tmp.resolve("foreign-checkpoints");
    Files.createDirectories(foreign.resolve("checkpoints"));
    Files.writeString(foreign.resolve("checkpoints").resolve("model.ckpt"), "someone else's");
    for (Path dir : List.of(onlySegments, foreign)) {
      assertFalse(Ledger.exists(dir), dir.toString());
      try (Ledger l = Ledger.create(dir, MutableClock.SHANGHAI, clock)) {
        l.enrol(List.of(new MemberRecord("v1", LocalDate.of(2026, 1, 1), null, null)));
      }
      assertTrue(Ledger.exists(dir));
      assertTrue(Ledger.audit(dir, null).ok());
    }
  }

  @Test
  void aFirstWriteThatACrashCutShortIsFinishedByCreate() throws IOException {
    Path whole = book();
    Path torn = tmp.resolve("torn");
    Files.createDirectories(torn.resolve("segments"));
    Path first = whole.resolve("segments").resolve("00000000000000000001.jsonl");
    byte[] start = java.util.Arrays.copyOf(Files.readAllBytes(first), 100);
    Files.write(torn.resolve("segments").resolve("00000000000000000001.jsonl"), start);
    assertFalse(Ledger.exists(torn));
    try (Ledger l = Ledger.create(torn, MutableClock.SHANGHAI, clock)) {
      assertEquals(1, l.entries(1).count());
    }
    assertTrue(Ledger.audit(torn, null).ok());
  }

  @Test
  void anEmptyJournalIsAFinding() throws IOException {
    Path dir = book();
    try (Stream<Path> s = Files.list(dir.resolve("segments"))) {
      for (Path p : s.toList()) {
        Files.write(p, new byte[0]);
      }
    }
    deleteTree(dir.resolve("checkpoints"));
    AuditReport r = Ledger.audit(dir, null);
    assertFalse(r.ok());
    assertEquals(List.of("chain"), checks(r));
  }

  @Test
  void everyStoredCheckpointIsChecked() throws IOException {
    Path dir = book();
    Path garbage = dir.resolve("checkpoints").resolve("00000000000000000001.ckpt");
    List<Path> stored;
    try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
      stored = s.sorted().toList();
    }
    assertEquals(2, stored.size(), stored::toString);
    assertTrue(garbage.compareTo(stored.get(0)) < 0, "older than both");
    Files.writeString(garbage, "garbage\n");
    AuditReport r = Ledger.audit(dir, null);
    assertEquals(List.of("checkpoint"), checks(r));
    assertEquals("00000000000000000001.ckpt", r.findings().get(0).entry());
    Files.delete(garbage);

    // An older checkpoint whose hashes all hold but whose state is another entry's: only the state
    // comparison finds it.
    try (Journal j = Journals.openWriter(dir)) {
      List<Checkpoint> all = j.checkpoints();
      Checkpoint older = all.get(0);
      Checkpoint newer = all.get(all.size() - 1);
      JournalRecord at = j.read(older.seq()).orElseThrow();
      j.writeCheckpoint(at.seq(), at.hash(), newer.state());
    }
    r = Ledger.audit(dir, null);
    assertEquals(List.of("state"), checks(r), r.toString());
  }
}

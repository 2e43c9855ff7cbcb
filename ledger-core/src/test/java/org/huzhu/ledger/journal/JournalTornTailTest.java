package org.huzhu.ledger.journal;

import static org.huzhu.ledger.journal.JournalFixtures.entries;
import static org.huzhu.ledger.journal.JournalFixtures.entryFor;
import static org.huzhu.ledger.journal.JournalFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.huzhu.ledger.journal.JournalFixtures.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash mid-write leaves a torn tail; opening for writing cuts it and keeps every whole batch. */
class JournalTornTailTest {
  @TempDir Path tmp;

  private record Written(Path dir, byte[] segment, long lastBatchStart, long lastGoodSeq) {}

  /** Two batches (1..3 and 4..6) in one segment; the second is the one torn. */
  private Written twoBatches(String name) throws IOException {
    Path dir = tmp.resolve(name);
    List<JournalRecord> second;
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 3));
      second = j.append(entries(4, 3));
    }
    return new Written(
        dir, Files.readAllBytes(JournalFixtures.lastSegment(dir)), second.get(0).offset(), 3);
  }

  private static void assertHoldsExactly(Path dir, long lastSeq, long segmentSize)
      throws IOException {
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(lastSeq, j.lastSeq());
      assertEquals(segmentSize, contentOf(JournalFixtures.lastSegment(dir)));
      Seen seen = scan(j, 1);
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
      assertEquals(lastSeq, seen.records.size());
      for (JournalRecord r : seen.records) {
        assertArrayEquals(entryFor(r.seq()), r.entryJson());
      }
      // The journal goes on from there.
      j.append(entries(lastSeq + 1, 2));
      assertEquals(lastSeq + 2, j.lastSeq());
    }
    // Closed, the segment holds its records alone: the room reserved for appends is gone.
    Path last = JournalFixtures.lastSegment(dir);
    assertEquals(Files.size(last), contentOf(last));
    try (Journal j = Journals.openReader(dir)) {
      assertTrue(scan(j, 1).damage.isEmpty());
    }
  }

  private static long contentOf(Path segment) throws IOException {
    try (FileChannel ch = FileChannel.open(segment)) {
      return FileStore.contentSize(ch);
    }
  }

  @Test
  void cutAtEveryByteOfTheLastBatchLeavesThePreviousBatches() throws IOException {
    Written w = twoBatches("source");
    Path dir = tmp.resolve("cut");
    for (long cut = w.lastBatchStart(); cut < w.segment().length; cut++) {
      copy(w, dir, cut);
      try (Journal reader = Journals.openReader(dir)) {
        Seen seen = scan(reader, 1);
        assertEquals(3, seen.records.size(), "cut at " + cut);
        if (cut > w.lastBatchStart()) {
          assertEquals(1, seen.damage.size(), "cut at " + cut);
          assertEquals("tail", seen.damage.get(0).check());
          assertEquals(w.lastBatchStart(), seen.damage.get(0).offset());
          assertEquals(4, seen.damage.get(0).seq());
        }
      }
      assertHoldsExactly(dir, w.lastGoodSeq(), w.lastBatchStart());
    }
  }

  @Test
  void garbageOrZerosAfterACompleteRecordAreCut() throws IOException {
    Written w = twoBatches("g");
    List<byte[]> tails =
        List.of(
            new byte[] {'{'},
            "{\"seq\":7,\"prev\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            new byte[4096],
            "garbage line\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            new byte[] {'\n'});
    int i = 0;
    for (byte[] tail : tails) {
      Path dir = tmp.resolve("garbage" + i++);
      copy(w, dir, w.segment().length);
      Path seg = JournalFixtures.lastSegment(dir);
      Files.write(seg, tail, StandardOpenOption.APPEND);
      assertHoldsExactly(dir, 6, w.segment().length);
    }
  }

  @Test
  void aTailACheckpointCoversIsDamageAndNeverCut() throws IOException {
    Path dir = tmp.resolve("covered");
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 3));
      j.append(entries(4, 3));
      j.writeCheckpoint(6, j.lastHash(), new byte[] {1});
    }
    Path seg = JournalFixtures.lastSegment(dir);
    byte[] before = Files.readAllBytes(seg);
    JournalFixtures.flip(seg, before.length - 2, 0x01); // the last record's hash
    byte[] damaged = Files.readAllBytes(seg);
    org.huzhu.ledger.LedgerStorageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.huzhu.ledger.LedgerStorageException.class, () -> Journals.openWriter(dir).close());
    assertTrue(e.getMessage().contains("entry 4") && e.getMessage().contains("no writer cuts it"), e.getMessage());
    assertArrayEquals(damaged, Files.readAllBytes(seg), "nothing was cut");
    // Without the checkpoint nothing shows the batch was acknowledged: it is a torn write, and cut.
    try (java.util.stream.Stream<Path> c = Files.list(dir.resolve("checkpoints"))) {
      for (Path p : c.toList()) {
        Files.delete(p);
      }
    }
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(3, j.lastSeq());
    }
  }

  @Test
  void aPageLostInsideABatchThatNeverEndedIsATornWrite() throws IOException {
    Written w = twoBatches("lost-page");
    long sixth;
    try (Journal r = Journals.openReader(w.dir())) {
      sixth = r.read(6).orElseThrow().offset();
    }
    long fourth = w.lastBatchStart();
    // Record 4 wiped, 5 whole, 6 (the batch's end) never written: the batch was never acknowledged.
    Path dir = tmp.resolve("lost-page-torn");
    copy(w, dir, sixth);
    wipe(JournalFixtures.lastSegment(dir), fourth + 10, 20);
    try (Journal r = Journals.openReader(dir)) {
      Seen seen = scan(r, 1);
      assertEquals(1, seen.damage.size());
      assertEquals("tail", seen.damage.get(0).check());
    }
    assertHoldsExactly(dir, 3, w.lastBatchStart());

    // The same record wiped in a batch that was written whole is damage: no writer cuts it.
    Path whole = tmp.resolve("lost-page-whole");
    copy(w, whole, w.segment().length);
    wipe(JournalFixtures.lastSegment(whole), fourth + 10, 20);
    org.junit.jupiter.api.Assertions.assertThrows(
        org.huzhu.ledger.LedgerStorageException.class, () -> Journals.openWriter(whole).close());
    try (Journal r = Journals.openReader(whole)) {
      assertEquals("record", scan(r, 1).damage.get(0).check());
    }
  }

  private static void wipe(Path file, long at, int length) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.allocate(length), at);
    }
  }

  @Test
  void wipedRecordsAtTheEndAreDamageNotRoom() throws IOException {
    Written w = twoBatches("wiped");
    Path dir = tmp.resolve("wiped-copy");
    copy(w, dir, w.segment().length);
    Path seg = JournalFixtures.lastSegment(dir);
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.allocate((int) (w.segment().length - w.lastBatchStart())), w.lastBatchStart());
    }
    try (Journal r = Journals.openReader(dir)) {
      Seen seen = scan(r, 1);
      assertEquals(3, seen.records.size());
      assertEquals(1, seen.damage.size(), "records wiped to zeros are found");
      assertEquals("tail", seen.damage.get(0).check());
    }
  }

  @Test
  void roomReservedAheadOfAppendsIsNotContent() throws IOException {
    Path dir = tmp.resolve("reserved");
    Path crashed = tmp.resolve("reserved-crashed");
    try (Journal j = Journals.create(dir, 2_000)) {
      for (int b = 0; b < 12; b++) {
        j.append(entries(j.lastSeq() + 1, 3));
      }
      List<Path> files = JournalFixtures.segmentFiles(dir);
      assertTrue(files.size() > 2, files.toString());
      Path last = files.get(files.size() - 1);
      assertTrue(Files.size(last) > contentOf(last), "an open writer keeps room ahead");
      for (Path sealed : files.subList(0, files.size() - 1)) {
        assertEquals(Files.size(sealed), contentOf(sealed), "a segment rolled over is trimmed");
      }
      // What a kill leaves behind: the room stays, and nothing about it is damage.
      try (Journal r = Journals.openReader(dir)) {
        Seen seen = scan(r, 1);
        assertTrue(seen.damage.isEmpty(), seen.damage.toString());
        assertEquals(36, seen.records.size());
      }
      copyTree(dir, crashed);
    }
    try (Journal j = Journals.openWriter(crashed, 2_000)) {
      assertEquals(36, j.lastSeq());
      j.append(entries(37, 2));
    }
    Path last = JournalFixtures.lastSegment(crashed);
    assertEquals(Files.size(last), contentOf(last));
    try (Journal r = Journals.openReader(crashed)) {
      Seen seen = scan(r, 1);
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
      assertEquals(38, seen.records.size());
      for (JournalRecord rec : seen.records) {
        assertArrayEquals(entryFor(rec.seq()), rec.entryJson());
      }
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.getFileName().toString().equals("lock")) {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void anIncompleteBatchOfWholeRecordsIsCutWhole() throws IOException {
    Written w = twoBatches("batch");
    Path dir = tmp.resolve("partial");
    // Keep record 4 and 5 whole but drop 6: the batch 4..6 never finished.
    long cut;
    try (Journal r = Journals.openReader(w.dir())) {
      cut = r.read(6).orElseThrow().offset();
    }
    copy(w, dir, cut);
    try (Journal r = Journals.openReader(dir)) {
      assertEquals(3, r.lastSeq());
      assertTrue(r.read(4).isEmpty());
    }
    assertHoldsExactly(dir, 3, w.lastBatchStart());
  }

  @Test
  void tornFirstRecordOfANewSegmentLeavesAnEmptySegment() throws IOException {
    Path dir = tmp.resolve("roll");
    List<JournalRecord> last;
    try (Journal j = Journals.create(dir, 100)) {
      j.append(entries(1, 2));
      last = j.append(entries(3, 2));
    }
    assertEquals("00000000000000000003.jsonl", last.get(0).segment());
    Path seg = JournalFixtures.lastSegment(dir);
    try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
      ch.truncate(10);
    }
    try (Journal j = Journals.openWriter(dir, 100)) {
      assertEquals(2, j.lastSeq());
      assertEquals(0, Files.size(seg));
      List<JournalRecord> again = j.append(entries(3, 2));
      assertEquals(last.get(0).hash(), again.get(0).hash());
      assertEquals("00000000000000000003.jsonl", again.get(0).segment());
    }
    try (Journal r = Journals.openReader(dir)) {
      Seen seen = scan(r, 1);
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
      assertEquals(4, seen.records.size());
    }
  }

  private static void copy(Written w, Path dir, long length) throws IOException {
    if (!Files.exists(dir)) {
      Files.createDirectories(dir.resolve("segments"));
      Files.createDirectories(dir.resolve("checkpoints"));
    }
    Path seg = dir.resolve("segments").resolve("00000000000000000001.jsonl");
    Files.write(seg, java.util.Arrays.copyOf(w.segment(), (int) length));
  }
}

package org.huzhu.ledger.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.huzhu.ledger.LedgerStorageException;
import org.huzhu.ledger.journal.JournalFixtures.Seen;

/**
 * A replay hashes only what the journal did not check as it opened, refreshed or wrote: for any
 * journal, damaged anywhere before it was opened or not, it sees what a full scan sees.
 */
class ReplayProperties {

  @Provide
  Arbitrary<List<Integer>> batchSizes() {
    return Arbitraries.integers().between(1, 30).list().ofMinSize(1).ofMaxSize(10);
  }

  private static List<byte[]> batch(long firstSeq, int count) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seq = firstSeq + i;
      out.add(("{\"n\":" + seq + ",\"pad\":\"" + "y".repeat((int) (seq * 31 % 900)) + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  @Property(tries = 60)
  void aReplaySeesWhatAScanSees(
      @ForAll("batchSizes") List<Integer> sizes,
      @ForAll boolean smallSegments,
      @ForAll @IntRange(min = 0, max = 10) int checkpointAt,
      @ForAll boolean damaged,
      @ForAll @IntRange(min = 0, max = 1 << 20) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask,
      @ForAll @IntRange(min = 0, max = 400) int from)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-replay");
    try {
      Journals.create(dir).close();
      try (Journal j = Journals.openWriter(dir, smallSegments ? 16 << 10 : 1L << 30)) {
        for (int b = 0; b < sizes.size(); b++) {
          j.append(batch(j.lastSeq() + 1, sizes.get(b)));
          if (b == checkpointAt) {
            j.writeCheckpoint(j.lastSeq(), j.lastHash(), new byte[] {1});
          }
        }
      }
      if (damaged) {
        List<Path> files = JournalFixtures.segmentFiles(dir);
        Path file = files.get(where % files.size());
        JournalFixtures.flip(file, where % Files.size(file), mask);
      }
      try (Journal reader = Journals.openReader(dir)) {
        assertSameAsAScan(reader, 1 + from % (reader.lastSeq() + 1));
      } catch (LedgerStorageException e) {
        return; // too damaged to open: there is nothing to replay
      }
      Journal writer;
      try {
        writer = Journals.openWriter(dir, smallSegments ? 16 << 10 : 1L << 30);
      } catch (LedgerStorageException e) {
        return; // the writer refuses damage a reader leaves to the scan
      }
      try (writer) {
        writer.append(batch(writer.lastSeq() + 1, 3));
        assertSameAsAScan(writer, 1);
        assertSameAsAScan(writer, writer.lastSeq() - 1);
      }
    } finally {
      JournalProperties.delete(dir);
    }
  }

  /**
   * A reader that refreshes after a writer appended, rolling to new segments or not, and perhaps
   * damaged a record the refresh reads, replays what a scan sees.
   */
  @Property(tries = 40)
  void aRefreshedReaderReplaysWhatAScanSees(
      @ForAll("batchSizes") List<Integer> before,
      @ForAll("batchSizes") List<Integer> after,
      @ForAll boolean checkpoint,
      @ForAll boolean damaged,
      @ForAll @IntRange(min = 0, max = 1 << 20) int where,
      @ForAll @IntRange(min = 0, max = 400) int from)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-replay-refresh");
    try {
      Journals.create(dir).close();
      long roll = 16 << 10;
      try (Journal j = Journals.openWriter(dir, roll)) {
        for (int size : before) {
          j.append(batch(j.lastSeq() + 1, size));
        }
        if (checkpoint) {
          j.writeCheckpoint(j.lastSeq(), j.lastHash(), new byte[] {1});
        }
      }
      try (Journal reader = Journals.openReader(dir)) {
        long seen = reader.lastSeq();
        try (Journal writer = Journals.openWriter(dir, roll)) {
          for (int size : after) {
            writer.append(batch(writer.lastSeq() + 1, size));
          }
        }
        if (damaged) {
          // a byte of a record appended since the reader opened, which its refresh checks
          try (Journal look = Journals.openReader(dir)) {
            long last = look.lastSeq();
            JournalRecord r = look.read(seen + 1 + where % (last - seen)).orElseThrow();
            JournalFixtures.flip(dir.resolve("segments").resolve(r.segment()), r.offset() + 3, 1);
          }
        }
        reader.refresh();
        assertSameAsAScan(reader, 1 + from % (reader.lastSeq() + 1));
      }
    } finally {
      JournalProperties.delete(dir);
    }
  }

  private static void assertSameAsAScan(Journal journal, long fromSeq) {
    Seen scanned = JournalFixtures.scan(journal, fromSeq);
    Seen replayed = new Seen();
    journal.replay(fromSeq, replayed);
    assertEquals(scanned.damage, replayed.damage);
    assertEquals(scanned.records.size(), replayed.records.size());
    for (int i = 0; i < scanned.records.size(); i++) {
      JournalRecord s = scanned.records.get(i);
      JournalRecord r = replayed.records.get(i);
      assertEquals(s.seq(), r.seq());
      assertEquals(s.prevHash(), r.prevHash());
      assertEquals(s.hash(), r.hash());
      assertEquals(s.segment(), r.segment());
      assertEquals(s.offset(), r.offset());
      assertTrue(java.util.Arrays.equals(s.entryJson(), r.entryJson()));
    }
  }

  /**
   * What the open checked is not hashed again: a byte changed under an open reader is the scan's
   * (the audit's) to find, not the replay's.
   */
  @Example
  void aReplayTakesWhatTheOpenCheckedAsChecked() throws IOException {
    Path dir = Files.createTempDirectory("journal-replay-trust");
    try {
      Journals.create(dir).close();
      try (Journal j = Journals.openWriter(dir)) {
        j.append(batch(2, 5));
      }
      try (Journal reader = Journals.openReader(dir)) {
        JournalRecord third = reader.read(3).orElseThrow();
        Path segment = JournalFixtures.lastSegment(dir);
        int pad = new String(Files.readAllBytes(segment), StandardCharsets.ISO_8859_1).indexOf("\"pad\":\"y", (int) third.offset());
        JournalFixtures.flip(segment, pad + 7, 1); // a y becomes an x
        Seen replayed = new Seen();
        reader.replay(1, replayed);
        assertTrue(replayed.damage.isEmpty());
        assertEquals(5, replayed.records.size());
        Seen scanned = JournalFixtures.scan(reader, 1);
        assertFalse(scanned.damage.isEmpty());
        assertEquals("record", scanned.damage.get(0).check());
        assertEquals(3, scanned.damage.get(0).seq());
      }
    } finally {
      JournalProperties.delete(dir);
    }
  }
}

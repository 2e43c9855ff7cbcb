package org.huzhu.ledger.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
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
 * Opening starts verifying the last segment at the newest checkpoint's record, found by bisecting
 * on seq: it finds every record where a full scan does, opens to the same end as a full check, and
 * falls back to the full check when the checkpoint names a record that is not there.
 */
class CheckpointedOpenProperties {

  /** Batches of records of about 0.5–3 KB, so that a segment is large enough to bisect. */
  @Provide
  Arbitrary<List<Integer>> batchSizes() {
    return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(12);
  }

  private static List<byte[]> batch(long firstSeq, int count) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seq = firstSeq + i;
      String pad = "x".repeat((int) (seq * 7919 % 2500) + 400);
      out.add(("{\"n\":" + seq + ",\"pad\":\"" + pad + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** A segment's content, without the room an open writer keeps ahead of it. */
  private static long contentOf(Path segment) throws IOException {
    try (FileChannel ch = FileChannel.open(segment)) {
      return FileStore.contentSize(ch);
    }
  }

    /** Appends the batches; returns the seq ending each batch. */
  private static List<Long> fill(Journal j, List<Integer> sizes) {
    List<Long> ends = new ArrayList<>();
    for (int size : sizes) {
      List<JournalRecord> rs = j.append(batch(j.lastSeq() + 1, size));
      ends.add(rs.get(rs.size() - 1).seq());
    }
    return ends;
  }

  @Property(tries = 40)
  void bisectingFindsEveryRecordAFullScanFinds(
      @ForAll("batchSizes") List<Integer> sizes, @ForAll boolean smallSegments) throws IOException {
    Path dir = Files.createTempDirectory("journal-locate");
    try {
      long roll = smallSegments ? 48 << 10 : 1L << 30;
      Journals.create(dir).close();
      SegmentedJournal j = (SegmentedJournal) Journals.openWriter(dir, roll);
      fill(j, sizes);
      Seen seen = JournalFixtures.scan(j, 1);
      assertTrue(seen.damage.isEmpty());
      for (JournalRecord r : seen.records) {
        SegmentedJournal.Segment seg =
            new SegmentedJournal.Segment(r.segment(), Long.parseLong(r.segment().substring(0, 20)));
        long size = contentOf(dir.resolve("segments").resolve(r.segment()));
        assertEquals(r.offset(), j.locate(seg, r.seq(), size), "record " + r.seq());
      }
      SegmentedJournal.Segment last =
          new SegmentedJournal.Segment(
              seen.records.get(seen.records.size() - 1).segment(),
              Long.parseLong(seen.records.get(seen.records.size() - 1).segment().substring(0, 20)));
      long size = contentOf(dir.resolve("segments").resolve(last.name()));
      assertEquals(-1, j.locate(last, j.lastSeq() + 1, size), "a record beyond the end");
      j.close();
    } finally {
      JournalProperties.delete(dir);
    }
  }

  @Property(tries = 40)
  void openingFromACheckpointEndsWhereAFullCheckEnds(
      @ForAll("batchSizes") List<Integer> sizes,
      @ForAll @IntRange(min = 0, max = 1000) int pick,
      @ForAll boolean forgedHash)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-ckpt-open");
    try {
      Journals.create(dir).close();
      Journal j = Journals.openWriter(dir, 1L << 30);
      List<Long> ends = fill(j, sizes);
      long seq = ends.get(pick % ends.size());
      String hash = j.read(seq).orElseThrow().hash();
      if (forgedHash) {
        // A checkpoint whose header is sound but names a hash the record does not have.
        j.close();
        String other = hash.charAt(0) == '0' ? "1" + hash.substring(1) : "0" + hash.substring(1);
        Files.write(
            dir.resolve("checkpoints").resolve(SegmentedJournal.checkpointName(seq)),
            CheckpointCodec.encode(seq, other, new byte[] {1}));
      } else {
        j.writeCheckpoint(seq, hash, new byte[] {1});
        j.close();
      }
      long lastSeq;
      String lastHash;
      try (Journal full = Journals.openReader(dir)) {
        lastSeq = full.lastSeq();
        lastHash = full.lastHash();
      }
      try (Journal reader = Journals.openReader(dir)) {
        assertEquals(lastSeq, reader.lastSeq());
        assertEquals(lastHash, reader.lastHash());
        assertTrue(JournalFixtures.scan(reader, 1).damage.isEmpty());
      }
      Journal writer = Journals.openWriter(dir, 1L << 30);
      assertEquals(lastSeq, writer.lastSeq());
      assertEquals(lastHash, writer.lastHash());
      writer.append(batch(lastSeq + 1, 2));
      writer.close();
      try (Journal again = Journals.openReader(dir)) {
        assertEquals(lastSeq + 2, again.lastSeq());
        assertTrue(JournalFixtures.scan(again, 1).damage.isEmpty());
      }
    } finally {
      JournalProperties.delete(dir);
    }
  }

  /**
   * A changed byte that became a line end splits the first record in two (its prev is all zeros,
   * and '0' XOR 58 is LF): finding the checkpoint's record walks past both halves.
   */
  @Example
  void aLineEndWrittenIntoTheFirstRecordIsLeftToTheScanToo() throws IOException {
    damageBeforeTheCheckpointIsLeftToTheScan(List.of(1), '0' ^ '\n');
  }

  /**
   * Damage before the checkpoint's record is the audit's to find, as damage inside a sealed segment
   * is; without the checkpoint (or with one that names another hash) the writer refuses to open.
   */
  @Property(tries = 25)
  void damageBeforeTheCheckpointIsLeftToTheScan(
      @ForAll("batchSizes") List<Integer> sizes, @ForAll @IntRange(min = 1, max = 255) int mask)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-ckpt-damage");
    try {
      Journals.create(dir).close();
      Journal j = Journals.openWriter(dir, 1L << 30);
      fill(j, sizes);
      j.append(batch(j.lastSeq() + 1, 3));
      long seq = j.lastSeq();
      j.writeCheckpoint(seq, j.lastHash(), new byte[] {1});
      JournalRecord first = j.read(1).orElseThrow();
      j.close();
      // A byte inside the first record's entry.
      JournalFixtures.flip(
          dir.resolve("segments").resolve(first.segment()), first.offset() + 40, mask);
      try (Journal writer = Journals.openWriter(dir, 1L << 30)) {
        assertEquals(seq, writer.lastSeq());
        Seen seen = JournalFixtures.scan(writer, 1);
        assertFalse(seen.damage.isEmpty());
        assertEquals(0, seen.damage.get(0).offset());
      }
      Files.delete(dir.resolve("checkpoints").resolve(SegmentedJournal.checkpointName(seq)));
      assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir, 1L << 30));
    } finally {
      JournalProperties.delete(dir);
    }
  }
}

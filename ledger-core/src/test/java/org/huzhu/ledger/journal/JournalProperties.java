package org.huzhu.ledger.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.huzhu.ledger.LedgerStorageException;
import org.huzhu.ledger.journal.JournalFixtures.Seen;

/**
 * What the journal guarantees for any content.
 *
 * <p>Damage guarantee, as tested here: after any single byte of any segment is changed, a full
 * scan reports damage ({@code record}, {@code chain} or {@code tail}) in that segment at an offset
 * no later than the start of the record holding the changed byte, and hands out no record at or
 * after that record. A writer then refuses to open, naming the same segment, when the change is in
 * the last segment or in the first or last record of any segment; it cuts the batch instead when
 * the change is in the last batch of the last segment (indistinguishable from a torn write); any
 * other change in a sealed segment is left to the scan, which reports it as the reader's does.
 * These journals have no checkpoint; with one, a writer starts checking at its record ({@link
 * CheckpointedOpenProperties}).
 */
class JournalProperties {

  @Provide
  Arbitrary<List<List<byte[]>>> batches() {
    Arbitrary<byte[]> entry =
        Arbitraries.strings()
            .ofMaxLength(60)
            .map(s -> ("{\"text\":\"" + escape(s) + "\",\"n\":" + s.length() + "}")
                .getBytes(StandardCharsets.UTF_8));
    return entry.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(12);
  }

  /** JSON string escaping; control characters become \\u escapes, so no TAB, CR or LF remains. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Property(tries = 150)
  void reopeningYieldsTheSameRecords(
      @ForAll("batches") List<List<byte[]>> batches,
      @ForAll @IntRange(min = 150, max = 4000) int roll,
      @ForAll Random order)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-prop");
    try {
      List<JournalRecord> written = new ArrayList<>();
      Journal memory = Journals.inMemory(roll);
      try (Journal j = Journals.create(dir, roll)) {
        for (List<byte[]> batch : batches) {
          written.addAll(j.append(batch));
          memory.append(batch);
        }
      }
      assertEquals(memory.lastHash(), written.get(written.size() - 1).hash());
      try (Journal j = Journals.openWriter(dir, roll)) {
        assertEquals(written.size(), j.lastSeq());
        Seen seen = JournalFixtures.scan(j, 1);
        assertTrue(seen.damage.isEmpty(), seen.damage.toString());
        assertEquals(written.size(), seen.records.size());
        for (int i = 0; i < written.size(); i++) {
          assertSame(written.get(i), seen.records.get(i));
          assertSame(written.get(i), j.read(i + 1).orElseThrow());
        }
      }
      // A reader finds each segment's lines only as far as each lookup needs, so lookups in any
      // order must agree with the records written.
      List<Integer> seqs = new ArrayList<>();
      for (int i = 1; i <= written.size(); i++) {
        seqs.add(i);
      }
      Collections.shuffle(seqs, order);
      try (Journal j = Journals.openReader(dir)) {
        for (int seq : seqs) {
          assertSame(written.get(seq - 1), j.read(seq).orElseThrow());
        }
        assertTrue(j.read(written.size() + 1).isEmpty());
      }
    } finally {
      delete(dir);
    }
  }

  private static void assertSame(JournalRecord expected, JournalRecord actual) {
    assertEquals(expected.seq(), actual.seq());
    assertEquals(expected.hash(), actual.hash());
    assertEquals(expected.prevHash(), actual.prevHash());
    assertEquals(expected.segment(), actual.segment());
    assertEquals(expected.offset(), actual.offset());
    assertArrayEquals(expected.entryJson(), actual.entryJson());
  }

  @Property(tries = 300)
  void changingAnyByteOfASegmentIsReported(
      @ForAll("batches") List<List<byte[]>> batches,
      @ForAll @IntRange(min = 150, max = 3000) int roll,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-flip");
    try {
      List<JournalRecord> written = new ArrayList<>();
      try (Journal j = Journals.create(dir, roll)) {
        for (List<byte[]> batch : batches) {
          written.addAll(j.append(batch));
        }
      }
      List<Path> segments = JournalFixtures.segmentFiles(dir);
      long total = 0;
      for (Path p : segments) {
        total += Files.size(p);
      }
      long position = Math.floorMod(where, total);
      Path file = null;
      for (Path p : segments) {
        if (position < Files.size(p)) {
          file = p;
          break;
        }
        position -= Files.size(p);
      }
      assertNotNull(file);
      String name = file.getFileName().toString();
      long at = position;
      JournalRecord hit =
          written.stream()
              .filter(r -> r.segment().equals(name) && r.offset() <= at)
              .max(Comparator.comparingLong(JournalRecord::offset))
              .orElseThrow();
      JournalFixtures.flip(file, position, mask);

      try (Journal r = Journals.openReader(dir)) {
        Seen seen = JournalFixtures.scan(r, 1);
        assertEquals(1, seen.damage.size(), "flip at " + name + ":" + position);
        JournalDamage d = seen.damage.get(0);
        assertEquals(name, d.segment(), d.toString());
        assertTrue(d.offset() <= hit.offset(), d + " after record at " + hit.offset());
        assertTrue(
            seen.records.isEmpty() || seen.records.get(seen.records.size() - 1).seq() < hit.seq());
      }
      JournalDamage found;
      try (Journal r = Journals.openReader(dir)) {
        found = JournalFixtures.scan(r, 1).damage.get(0);
      }
      String lastSegment = segments.get(segments.size() - 1).getFileName().toString();
      try (Journal w = Journals.openWriter(dir, roll)) {
        if (name.equals(lastSegment)) {
          // Opened: only a torn-looking last batch was changed, and it is gone.
          assertTrue(w.lastSeq() < hit.seq());
          assertEquals("tail", found.check());
        } else {
          // Opening verifies the last segment and how segments join; the rest is the audit's.
          assertEquals(List.of(found), JournalFixtures.scan(w, 1).damage);
          assertTrue(found.offset() > 0, "a first record's damage must stop the writer: " + found);
        }
      } catch (LedgerStorageException e) {
        // Refused: the fault was found when opening (the last segment or its link).
        assertEquals(name, e.segment(), e.getMessage());
        assertTrue(e.offset() <= hit.offset(), e.getMessage());
      }
    } finally {
      delete(dir);
    }
  }

  /**
   * As a kill leaves a journal: the writer still open, the room it keeps ahead of its records
   * still there. A byte changed anywhere, in the room too, is found.
   */
  @Property(tries = 100)
  void changingAnyByteOfAJournalLeftOpenIsReported(
      @ForAll("batches") List<List<byte[]>> batches,
      @ForAll @IntRange(min = 150, max = 3000) int roll,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask,
      @ForAll boolean amongRecords)
      throws IOException {
    Path dir = Files.createTempDirectory("journal-open-flip");
    try (Journal j = Journals.create(dir, roll)) {
      for (List<byte[]> batch : batches) {
        j.append(batch);
      }
      // The room outweighs the records a thousandfold: half the changes are made among the records.
      List<Path> segments = JournalFixtures.segmentFiles(dir);
      long[] sizes = new long[segments.size()];
      long total = 0;
      for (int i = 0; i < sizes.length; i++) {
        try (FileChannel ch = FileChannel.open(segments.get(i))) {
          sizes[i] = amongRecords ? FileStore.contentSize(ch) : ch.size();
        }
        total += sizes[i];
      }
      long position = Math.floorMod(where, total);
      Path file = null;
      for (int i = 0; i < sizes.length; i++) {
        if (position < sizes[i]) {
          file = segments.get(i);
          break;
        }
        position -= sizes[i];
      }
      assertNotNull(file);
      JournalFixtures.flip(file, position, mask);
      try (Journal r = Journals.openReader(dir)) {
        Seen seen = JournalFixtures.scan(r, 1);
        assertEquals(1, seen.damage.size(), "flip at " + file.getFileName() + ":" + position);
        assertEquals(file.getFileName().toString(), seen.damage.get(0).segment());
      }
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 300)
  void changingAnyByteOfACheckpointIsReported(
      @ForAll byte[] state,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where,
      @ForAll @IntRange(min = 1, max = 255) int mask) {
    SegmentedJournal j = (SegmentedJournal) Journals.inMemory();
    JournalRecord r = j.append(List.of("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).get(0);
    j.writeCheckpoint(1, r.hash(), state);
    Checkpoint intact = j.latestCheckpoint().orElseThrow();
    assertEquals(null, intact.damage());
    assertArrayEquals(state, JournalTest.array(intact.state()));
    MemoryStore store = (MemoryStore) j.store();
    String name = store.checkpoints().get(0);
    byte[] bytes = JournalTest.array(store.readCheckpoint(name));
    bytes[Math.floorMod(where, bytes.length)] ^= (byte) mask;
    store.writeCheckpoint(name, java.nio.ByteBuffer.wrap(bytes), java.nio.ByteBuffer.allocate(0));
    Checkpoint damaged = j.latestCheckpoint().orElseThrow();
    assertNotNull(damaged.damage());
    assertEquals(1, damaged.seq());
    assertFalse(damaged.damage().isEmpty());
  }

  static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.huzhu.ledger.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A batch filled one entry at a time ({@link Journal#startBatch}) writes exactly what one {@link
 * Journal#append} of the same entries writes, whether it stayed on the heap or was set aside in the
 * scratch area, and a batch closed without a commit leaves no trace.
 */
class BatchProperties {

  @Property(tries = 120)
  void aBatchFilledOneByOneWritesWhatAppendWrites(
      @ForAll("batches") List<List<byte[]>> batches,
      @ForAll @IntRange(min = 0, max = 600) int held,
      @ForAll @IntRange(min = 150, max = 4000) int roll,
      @ForAll @IntRange(min = 0, max = 11) int abandoned)
      throws IOException {
    Path appended = Files.createTempDirectory("batch-append");
    Path streamed = Files.createTempDirectory("batch-stream");
    try {
      try (Journal j = Journals.create(appended, roll)) {
        for (List<byte[]> batch : batches) {
          j.append(batch);
        }
      }
      SegmentedJournal memory = (SegmentedJournal) Journals.inMemory(roll);
      memory.holdAtMost(held);
      try (SegmentedJournal j = (SegmentedJournal) Journals.create(streamed, roll)) {
        j.holdAtMost(held);
        for (int b = 0; b < batches.size(); b++) {
          if (b == abandoned % batches.size()) {
            // Filled, set aside perhaps, then dropped: nothing of it may reach the journal.
            try (Journal.Batch dropped = j.startBatch()) {
              batches.get(b).forEach(dropped::add);
            }
          }
          for (SegmentedJournal target : List.of(j, memory)) {
            try (Journal.Batch batch = target.startBatch()) {
              batches.get(b).forEach(batch::add);
              assertEquals(batches.get(b).size(), batch.size());
              assertEquals(target.lastSeq() + batches.get(b).size(), batch.commit());
            }
          }
        }
        assertEquals(j.lastHash(), memory.lastHash());
      }
      assertFalse(Files.exists(streamed.resolve(FileStore.SCRATCH)), "the scratch file is removed");
      List<Path> expected = JournalFixtures.segmentFiles(appended);
      List<Path> actual = JournalFixtures.segmentFiles(streamed);
      assertEquals(
          expected.stream().map(p -> p.getFileName().toString()).toList(),
          actual.stream().map(p -> p.getFileName().toString()).toList());
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(Files.readAllBytes(expected.get(i)), Files.readAllBytes(actual.get(i)));
      }
      try (Journal j = Journals.openWriter(streamed, roll)) {
        JournalFixtures.Seen seen = JournalFixtures.scan(j, 1);
        assertTrue(seen.damage.isEmpty(), seen.damage.toString());
        assertEquals(batches.stream().mapToInt(List::size).sum(), seen.records.size());
      }
    } finally {
      JournalProperties.delete(appended);
      JournalProperties.delete(streamed);
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<List<byte[]>>> batches() {
    return new JournalProperties().batches();
  }

  @Test
  void anEntryThatCannotBeARecordIsRefusedWhenAddedAndTheBatchStaysUsable() throws IOException {
    Path dir = Files.createTempDirectory("batch-refuse");
    try (SegmentedJournal j = (SegmentedJournal) Journals.create(dir, 1 << 20)) {
      j.holdAtMost(0);
      try (Journal.Batch batch = j.startBatch()) {
        batch.add(json("{\"n\":1}"));
        assertThrows(IllegalArgumentException.class, () -> batch.add(json("{\"n\":\"a\tb\"}")));
        batch.add(json("{\"n\":2}"));
        assertEquals(2, batch.commit());
        assertThrows(IllegalStateException.class, batch::commit);
        assertThrows(IllegalStateException.class, () -> batch.add(json("{\"n\":3}")));
      }
      List<String> entries = new ArrayList<>();
      j.scan(1, new RecordVisitor() {
        @Override
        public boolean record(JournalRecord r) {
          entries.add(new String(r.entryJson(), StandardCharsets.UTF_8));
          return true;
        }

        @Override
        public void damage(JournalDamage d) {
          throw new AssertionError(d.toString());
        }
      });
      assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), entries);
    } finally {
      JournalProperties.delete(dir);
    }
  }

  @Test
  void aScratchFileLeftByACrashIsRemovedWhenAWriterOpens() throws IOException {
    Path dir = Files.createTempDirectory("batch-stale");
    try {
      Journals.create(dir).close();
      Files.write(dir.resolve(FileStore.SCRATCH), new byte[] {1, 2, 3});
      try (Journal j = Journals.openReader(dir)) {
        assertTrue(Files.exists(dir.resolve(FileStore.SCRATCH)), "a reader never writes");
        assertEquals(0, j.lastSeq());
      }
      try (Journal j = Journals.openWriter(dir)) {
        assertFalse(Files.exists(dir.resolve(FileStore.SCRATCH)));
        assertEquals(0, j.lastSeq());
      }
    } finally {
      JournalProperties.delete(dir);
    }
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

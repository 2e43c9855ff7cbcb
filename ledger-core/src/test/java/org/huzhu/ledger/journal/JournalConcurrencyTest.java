package org.huzhu.ledger.journal;

import static org.huzhu.ledger.journal.JournalFixtures.entries;
import static org.huzhu.ledger.journal.JournalFixtures.entryFor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.huzhu.ledger.journal.JournalFixtures.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers scanning while a writer appends see whole, verified batches only. */
class JournalConcurrencyTest {
  @TempDir Path tmp;

  @Test
  void readersSeeOnlyCompleteRecordsWhileAWriterAppends() throws Exception {
    Path dir = tmp.resolve("live");
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Journal writer = Journals.create(dir, 30_000)) {
      Future<Long> appends =
          pool.submit(() -> {
            try {
              for (int i = 0; i < 400; i++) {
                writer.append(entries(writer.lastSeq() + 1, i % 13 + 1));
              }
              return writer.lastSeq();
            } finally {
              done.set(true);
            }
          });
      int scans = 0;
      try (Journal reader = Journals.openReader(dir)) {
        while (!done.get() || scans < 3) {
          long before = reader.lastSeq();
          long after = reader.refresh();
          assertTrue(after >= before);
          checkScan(reader, after, true);
          // The writer's own instance, scanned from this thread, is always consistent.
          checkScan(writer, 0, false);
          scans++;
        }
        long last = appends.get(30, TimeUnit.SECONDS);
        assertEquals(last, reader.refresh());
        checkScan(reader, last, false);
      }
      assertTrue(scans >= 3);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Records 1..n in order and whole; a torn-looking end only when a write may be under way. */
  private static void checkScan(Journal journal, long lastSeq, boolean writerMayBeMidWrite) {
    Seen seen = JournalFixtures.scan(journal, 1);
    long expect = 1;
    for (JournalRecord r : seen.records) {
      assertEquals(expect++, r.seq());
      assertArrayEquals(entryFor(r.seq()), r.entryJson());
    }
    if (lastSeq > 0) {
      assertEquals(lastSeq, seen.records.size());
    }
    if (writerMayBeMidWrite) {
      assertTrue(
          seen.damage.isEmpty()
              || (seen.damage.size() == 1 && seen.damage.get(0).check().equals("tail")),
          seen.damage.toString());
    } else {
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
    }
  }
}

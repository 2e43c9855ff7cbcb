package org.huzhu.ledger.journal;

import static org.huzhu.ledger.journal.JournalFixtures.entries;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.huzhu.ledger.LedgerStorageException;
import org.junit.jupiter.api.Test;

/** An I/O fault while appending: the batch is not acknowledged and the journal refuses more. */
class JournalFaultTest {

  /** A memory store whose writes fail once {@code failing} is set. */
  private static final class FlakyStore implements Store {
    final MemoryStore inner = new MemoryStore();
    boolean failing;

    @Override
    public List<String> segments() {
      return inner.segments();
    }

    @Override
    public long size(String segment) {
      return inner.size(segment);
    }

    @Override
    public int read(String segment, long position, ByteBuffer dst) {
      return inner.read(segment, position, dst);
    }

    @Override
    public void create(String segment) {
      inner.create(segment);
    }

    @Override
    public void write(String segment, long position, ByteBuffer src) throws IOException {
      if (failing) {
        throw new IOException("disk full");
      }
      inner.write(segment, position, src);
    }

    @Override
    public void writeAndForce(String segment, long position, ByteBuffer src) throws IOException {
      if (failing) {
        throw new IOException("disk full");
      }
      inner.writeAndForce(segment, position, src);
    }

    @Override
    public void truncate(String segment, long size) {
      inner.truncate(segment, size);
    }

    @Override
    public List<String> checkpoints() {
      return inner.checkpoints();
    }

    @Override
    public ByteBuffer readCheckpoint(String name) {
      return inner.readCheckpoint(name);
    }

    @Override
    public void writeCheckpoint(String name, ByteBuffer header, ByteBuffer state) {
      inner.writeCheckpoint(name, header, state);
    }

    @Override
    public void deleteCheckpoint(String name) {
      inner.deleteCheckpoint(name);
    }

    @Override
    public Scratch scratch() throws IOException {
      if (failing) {
        throw new IOException("disk full");
      }
      return inner.scratch();
    }

    @Override
    public String describe() {
      return "flaky";
    }

    @Override
    public void close() {}
  }

  @Test
  void afterAFaultAppendsAreRefusedUntilReopened() {
    FlakyStore store = new FlakyStore();
    Journal j = SegmentedJournal.writer(store, 1 << 20);
    j.append(entries(1, 2));
    store.failing = true;
    LedgerStorageException e = assertThrows(LedgerStorageException.class, () -> j.append(entries(3, 1)));
    assertEquals("00000000000000000001.jsonl", e.segment());
    assertTrue(e.getCause() instanceof IOException);
    assertEquals(2, j.lastSeq());
    store.failing = false;
    LedgerStorageException refused =
        assertThrows(LedgerStorageException.class, () -> j.append(entries(3, 1)));
    assertTrue(refused.getMessage().contains("open it again"), refused.getMessage());
    j.close();
    Journal reopened = SegmentedJournal.writer(store, 1 << 20);
    assertEquals(2, reopened.lastSeq());
    reopened.append(entries(3, 1));
    assertEquals(3, reopened.lastSeq());
  }

  @Test
  void aBatchThatCannotBeSetAsideFailsBeforeWritingAndTheJournalGoesOn() {
    FlakyStore store = new FlakyStore();
    SegmentedJournal j = SegmentedJournal.writer(store, 1 << 20);
    j.holdAtMost(0);
    j.append(entries(1, 2));
    store.failing = true;
    try (Journal.Batch batch = j.startBatch()) {
      LedgerStorageException e =
          assertThrows(LedgerStorageException.class, () -> entries(3, 2).forEach(batch::add));
      assertTrue(e.getMessage().contains("flaky"), e.getMessage());
    }
    assertEquals(2, j.lastSeq());
    store.failing = false;
    try (Journal.Batch batch = j.startBatch()) {
      entries(3, 2).forEach(batch::add);
      assertEquals(4, batch.commit());
    }
    assertEquals(4, j.lastSeq());
  }
}

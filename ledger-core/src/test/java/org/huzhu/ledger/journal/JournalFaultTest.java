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
    /** Lets the next write land, then throws an Error (as running out of memory would). */
    boolean errorAfterWrite;

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
      if (errorAfterWrite) {
        throw new OutOfMemoryError("simulated");
      }
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
      assertThrows(IllegalStateException.class, batch::commit, "a batch that failed to fill is only dropped");
    }
    assertEquals(2, j.lastSeq());
    store.failing = false;
    try (Journal.Batch batch = j.startBatch()) {
      entries(3, 2).forEach(batch::add);
      assertEquals(4, batch.commit());
    }
    assertEquals(4, j.lastSeq());
  }

  @Test
  void anErrorPartWayThroughABatchStopsAppendsUntilReopened() {
    FlakyStore store = new FlakyStore();
    SegmentedJournal j = SegmentedJournal.writer(store, 1 << 30);
    j.append(entries(1, 2));
    // A batch larger than one write chunk: its first chunk lands, then the error.
    List<byte[]> big = new java.util.ArrayList<>();
    byte[] filler = ("{\"pad\":\"" + "x".repeat(1 << 16) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < (SegmentedJournal.WRITE_CHUNK >> 16) + 8; i++) {
      big.add(filler);
    }
    store.errorAfterWrite = true;
    assertThrows(OutOfMemoryError.class, () -> j.append(big));
    store.errorAfterWrite = false;
    LedgerStorageException refused =
        assertThrows(LedgerStorageException.class, () -> j.append(entries(3, 1)));
    assertTrue(refused.getMessage().contains("open it again"), refused.getMessage());
    j.close();
    SegmentedJournal reopened = SegmentedJournal.writer(store, 1 << 30);
    assertEquals(2, reopened.lastSeq(), "the part of the batch that landed is cut as a torn tail");
    reopened.append(entries(3, 1));
    assertTrue(JournalFixtures.scan(reopened, 1).damage.isEmpty());
    assertEquals(3, JournalFixtures.scan(reopened, 1).records.size());
  }

  @Test
  void aReadOnlyCopyOutlivesTheJournalItWasMadeFromAndSeesNoLaterAppend() {
    Journal j = SegmentedJournal.writer(new MemoryStore(), 1 << 20);
    j.append(entries(1, 3));
    Journal copy = j.readOnlyCopy();
    j.append(entries(4, 2));
    j.close();
    assertTrue(copy.readOnly());
    assertEquals(3, copy.lastSeq());
    assertEquals(3, JournalFixtures.scan(copy, 1).records.size());
    copy.close();
    Journal other = SegmentedJournal.writer(new MemoryStore(), 1 << 20);
    other.append(entries(1, 1));
    other.readOnlyCopy().close();
    other.append(entries(2, 1));
    assertEquals(2, other.lastSeq(), "closing a copy leaves its journal open");
  }
}

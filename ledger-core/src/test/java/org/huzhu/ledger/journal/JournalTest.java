package org.huzhu.ledger.journal;

import static org.huzhu.ledger.journal.JournalFixtures.entries;
import static org.huzhu.ledger.journal.JournalFixtures.entryFor;
import static org.huzhu.ledger.journal.JournalFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.huzhu.ledger.LedgerStorageException;
import org.huzhu.ledger.journal.JournalFixtures.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path tmp;

  @Test
  void roundTripThroughReopen() {
    Path dir = tmp.resolve("ledger");
    List<JournalRecord> written = new ArrayList<>();
    try (Journal j = Journals.create(dir)) {
      assertEquals(0, j.lastSeq());
      assertEquals("0".repeat(64), j.lastHash());
      written.addAll(j.append(entries(1, 3)));
      written.addAll(j.append(entries(4, 1)));
      assertEquals(4, j.lastSeq());
      assertEquals(written.get(3).hash(), j.lastHash());
    }
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(4, j.lastSeq());
      assertEquals(written.get(3).hash(), j.lastHash());
      Seen seen = scan(j, 1);
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
      assertEquals(4, seen.records.size());
      for (int i = 0; i < 4; i++) {
        JournalRecord r = seen.records.get(i);
        assertEquals(i + 1, r.seq());
        assertEquals(written.get(i).hash(), r.hash());
        assertEquals(i == 0 ? "0".repeat(64) : written.get(i - 1).hash(), r.prevHash());
        assertArrayEquals(entryFor(i + 1), r.entryJson());
        assertEquals(written.get(i).offset(), r.offset());
      }
      j.append(entries(5, 2));
      assertEquals(6, j.lastSeq());
    }
  }

  @Test
  void goldenBytesPinTheFormat() throws IOException {
    Path dir = tmp.resolve("golden");
    try (Journal j = Journals.create(dir)) {
      j.append(List.of(bytes("{\"a\":1}"), bytes("{\"b\":\"\u00e7\"}")));
    }
    String text =
        Files.readString(dir.resolve("segments/00000000000000000001.jsonl"), StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    assertEquals(3, lines.length);
    assertEquals("", lines[2]);
    String body1 = "{\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\",\"end\":2,\"entry\":{\"a\":1}}";
    assertEquals(body1 + "\t" + sha256(body1), lines[0]);
    String body2 =
        "{\"seq\":2,\"prev\":\"" + sha256(body1) + "\",\"end\":2,\"entry\":{\"b\":\"\u00e7\"}}";
    assertEquals(body2 + "\t" + sha256(body2), lines[1]);
  }

  @Test
  void theDocumentedExampleIsWhatTheJournalWrites() throws IOException {
    Path dir = tmp.resolve("doc");
    try (Journal j = Journals.create(dir)) {
      j.append(List.of(
          bytes("{\"id\":\"signin:s-1001\",\"kind\":\"credit\",\"member\":\"m-7\",\"points\":15,\"minutes\":90}"),
          bytes("{\"id\":\"signin:s-1002\",\"kind\":\"credit\",\"member\":\"m-9\",\"points\":10,\"minutes\":60}")));
      assertEquals("0c2c2a4ad13ced111e0ec9d843ee0b6cfd9731b776734955ea2c5a55ce650f85", j.lastHash());
    }
    String text =
        Files.readString(dir.resolve("segments/00000000000000000001.jsonl"), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("{\"seq\":1,\"prev\":\"" + "0".repeat(64) + "\",\"end\":2,"
        + "\"entry\":{\"id\":\"signin:s-1001\",\"kind\":\"credit\",\"member\":\"m-7\","
        + "\"points\":15,\"minutes\":90}}\t"
        + "14592c85b6d26141a70053184ee631dc39a8185b5c020443c376067b30182211\n"), text);
  }

  static String sha256(String s) {
    return RecordCodec.hex(RecordCodec.newSha256().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aWriterWhoseLockFileWasRemovedWritesNoMore() throws IOException {
    Path dir = tmp.resolve("unlocked");
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 2));
      // removed, and made again as a second writer would: the first no longer holds the lock
      Files.delete(dir.resolve("lock"));
      Files.writeString(dir.resolve("lock"), "1\n");
      LedgerStorageException e = assertThrows(LedgerStorageException.class, () -> j.append(entries(3, 1)));
      assertTrue(String.valueOf(e.getCause()).contains("was removed or replaced"), String.valueOf(e.getCause()));
    }
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(2, j.lastSeq());
      assertTrue(scan(j, 1).damage.isEmpty());
    }
  }

  @Test
  void readersAskingAtOnceWhetherAWriterIsAliveNeverTakeEachOtherForOne() throws Exception {
    Path dir = tmp.resolve("probed");
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 1));
    }
    java.util.concurrent.atomic.AtomicInteger alive = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      readers.add(
          new Thread(
              () -> {
                try (Journal r = Journals.openReader(dir)) {
                  for (int i = 0; i < 300; i++) {
                    if (r.writerAlive()) {
                      alive.incrementAndGet();
                    }
                  }
                }
              }));
    }
    readers.forEach(Thread::start);
    for (Thread r : readers) {
      r.join();
    }
    assertEquals(0, alive.get());
    try (Journal j = Journals.openWriter(dir)) {
      assertTrue(j.writerAlive());
    }
  }

  @Test
  void aWriterWhoseLockFileWasReplacedCutsNothingAtClose() throws IOException {
    Path dir = tmp.resolve("shared-room");
    Path segment = dir.resolve("segments").resolve("00000000000000000001.jsonl");
    byte[] other = "what a second writer appended into the room\n".getBytes(StandardCharsets.UTF_8);
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 1));
      j.append(entries(2, 1)); // from the second force on, room is kept ahead of the records
      long contentEnd = Files.readString(segment).stripTrailing().length() + 1;
      assertTrue(Files.size(segment) > contentEnd, "room ahead of the records");
      Files.delete(dir.resolve("lock"));
      Files.writeString(dir.resolve("lock"), "1\n");
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(other), contentEnd);
      }
    }
    assertTrue(Files.readString(segment).contains(new String(other, StandardCharsets.UTF_8)), "the other writer's bytes stay");
  }

  @Test
  void rollsSegmentsAndReadsAnySeq() throws IOException {
    Path dir = tmp.resolve("roll");
    try (Journal j = Journals.create(dir, 2_000)) {
      long seq = 1;
      for (int batch = 1; batch <= 40; batch++) {
        j.append(entries(seq, batch % 7 + 1));
        seq += batch % 7 + 1;
      }
      assertEquals(seq - 1, j.lastSeq());
    }
    List<Path> files = JournalFixtures.segmentFiles(dir);
    assertTrue(files.size() > 5, "segments: " + files.size());
    try (Journal j = Journals.openWriter(dir, 2_000)) {
      for (Path f : files) {
        long first = Long.parseLong(f.getFileName().toString().substring(0, 20));
        assertTrue(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)
            .startsWith("{\"seq\":" + first + ","));
      }
      for (long s = 1; s <= j.lastSeq(); s++) {
        JournalRecord r = j.read(s).orElseThrow();
        assertEquals(s, r.seq());
        assertArrayEquals(entryFor(s), r.entryJson());
      }
      assertTrue(j.read(0).isEmpty());
      assertTrue(j.read(j.lastSeq() + 1).isEmpty());
      Seen all = scan(j, 1);
      assertTrue(all.damage.isEmpty());
      assertEquals(j.lastSeq(), all.records.size());
      for (long from : new long[] {2, 17, 55, 100, j.lastSeq(), j.lastSeq() + 1}) {
        Seen part = scan(j, from);
        assertTrue(part.damage.isEmpty(), part.damage.toString());
        assertEquals(Math.max(0, j.lastSeq() - from + 1), part.records.size());
        if (!part.records.isEmpty()) {
          assertEquals(from, part.records.get(0).seq());
          assertEquals(all.records.get((int) from - 1).hash(), part.records.get(0).hash());
          assertEquals(all.records.get((int) from - 1).prevHash(), part.records.get(0).prevHash());
        }
      }
    }
  }

  @Test
  void scanStopsWhenTheVisitorSaysSo() {
    try (Journal j = Journals.inMemory()) {
      j.append(entries(1, 10));
      List<Long> seen = new ArrayList<>();
      j.scan(3, new RecordVisitor() {
        @Override
        public boolean record(JournalRecord record) {
          seen.add(record.seq());
          return seen.size() < 4;
        }

        @Override
        public void damage(JournalDamage damage) {
          throw new AssertionError(damage.toString());
        }
      });
      assertEquals(List.of(3L, 4L, 5L, 6L), seen);
    }
  }

  @Test
  void sameAppendsGiveIdenticalBytes() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    SegmentedJournal memory = (SegmentedJournal) Journals.inMemory(3_000);
    for (Path dir : List.of(a, b)) {
      try (Journal j = Journals.create(dir, 3_000)) {
        for (int i = 0; i < 20; i++) {
          j.append(entries(j.lastSeq() + 1, i % 5 + 1));
        }
      }
    }
    for (int i = 0; i < 20; i++) {
      memory.append(entries(memory.lastSeq() + 1, i % 5 + 1));
    }
    assertArrayEquals(JournalFixtures.allSegmentBytes(a), JournalFixtures.allSegmentBytes(b));
    MemoryStore store = (MemoryStore) memory.store();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String name : store.segments()) {
      out.write(name.getBytes(StandardCharsets.US_ASCII));
      out.write(store.segmentBytes(name));
    }
    assertArrayEquals(JournalFixtures.allSegmentBytes(a), out.toByteArray());
  }

  @Test
  void aStreamedCheckpointIsTheBufferedOneByteForByteAndLeavesNothingElse() throws IOException {
    java.util.Random random = new java.util.Random(7);
    for (int size : new int[] {0, 1, 65_536, (1 << 20) + 17, 3 << 20}) {
      byte[] state = new byte[size];
      random.nextBytes(state);
      Path buffered = tmp.resolve("buffered-" + size);
      Path streamed = tmp.resolve("streamed-" + size);
      for (Path dir : List.of(buffered, streamed)) {
        try (Journal j = Journals.create(dir)) {
          List<JournalRecord> rs = j.append(entries(1, 3));
          if (dir == buffered) {
            j.writeCheckpoint(3, rs.get(2).hash(), state);
          } else {
            j.writeCheckpoint(
                3,
                rs.get(2).hash(),
                out -> {
                  // in pieces of any size, the way a snapshot is written
                  for (int at = 0; at < state.length; ) {
                    int n = Math.min(state.length - at, 1 + random.nextInt(200_000));
                    out.write(state, at, n);
                    at += n;
                  }
                });
          }
          assertArrayEquals(state, array(j.latestCheckpoint().orElseThrow().state()));
        }
      }
      String name = "00000000000000000003.ckpt";
      assertArrayEquals(
          Files.readAllBytes(buffered.resolve("checkpoints").resolve(name)),
          Files.readAllBytes(streamed.resolve("checkpoints").resolve(name)),
          "size " + size);
      try (Stream<Path> files = Files.list(streamed.resolve("checkpoints"))) {
        assertEquals(List.of(name), files.map(f -> f.getFileName().toString()).toList());
      }
    }
  }

  @Test
  void checkpointsKeepTheNewestTwoAndReportDamage() throws IOException {
    Path dir = tmp.resolve("ckpt");
    try (Journal j = Journals.create(dir)) {
      assertTrue(j.latestCheckpoint().isEmpty());
      List<JournalRecord> rs = j.append(entries(1, 5));
      j.writeCheckpoint(0, "0".repeat(64), bytes("empty"));
      j.writeCheckpoint(2, rs.get(1).hash(), bytes("state-2"));
      j.writeCheckpoint(5, rs.get(4).hash(), bytes("state-5"));
      Checkpoint c = j.latestCheckpoint().orElseThrow();
      assertNull(c.damage());
      assertEquals(5, c.seq());
      assertEquals(rs.get(4).hash(), c.hash());
      assertArrayEquals(bytes("state-5"), array(c.state()));
      assertThrows(
          IllegalArgumentException.class, () -> j.writeCheckpoint(3, rs.get(1).hash(), bytes("x")));
      assertThrows(
          IllegalArgumentException.class, () -> j.writeCheckpoint(6, rs.get(4).hash(), bytes("x")));
    }
    try (Stream<Path> s = Files.list(dir.resolve("checkpoints"))) {
      assertEquals(
          List.of("00000000000000000002.ckpt", "00000000000000000005.ckpt"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    Path newest = dir.resolve("checkpoints/00000000000000000005.ckpt");
    JournalFixtures.flip(newest, Files.size(newest) - 1, 0x01);
    try (Journal r = Journals.openReader(dir)) {
      Checkpoint c = r.latestCheckpoint().orElseThrow();
      assertNotNull(c.damage());
      assertEquals(5, c.seq());
      assertEquals("00000000000000000005.ckpt", c.file());
    }
    // Still there: a damaged checkpoint is never dropped or rebuilt by reading it.
    assertTrue(Files.exists(newest));
  }

  @Test
  void inMemoryCheckpoints() {
    try (Journal j = Journals.inMemory()) {
      List<JournalRecord> rs = j.append(entries(1, 2));
      j.writeCheckpoint(2, rs.get(1).hash(), bytes("s"));
      Checkpoint c = j.latestCheckpoint().orElseThrow();
      assertNull(c.damage());
      assertArrayEquals(bytes("s"), array(c.state()));
    }
  }

  @Test
  void createRefusesAJournalWithRecords() {
    Path dir = tmp.resolve("twice");
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 1));
    }
    assertTrue(Journals.exists(dir));
    LedgerStorageException e = assertThrows(LedgerStorageException.class, () -> Journals.create(dir));
    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertFalse(Journals.exists(tmp.resolve("none")));
    assertThrows(LedgerStorageException.class, () -> Journals.openWriter(tmp.resolve("none")));
    assertThrows(LedgerStorageException.class, () -> Journals.openReader(tmp.resolve("none")));
  }

  @Test
  void secondWriterInTheSameJvmGetsAClearError() {
    Path dir = tmp.resolve("locked");
    try (Journal first = Journals.create(dir)) {
      first.append(entries(1, 1));
      LedgerStorageException e =
          assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir));
      assertTrue(
          e.getMessage().startsWith("ledger at " + dir + " is held by another writer (process "),
          e.getMessage());
      // The failed attempt must not have released the first writer's lock.
      first.append(entries(2, 1));
      assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir));
      try (Journal reader = Journals.openReader(dir)) {
        assertEquals(2, reader.lastSeq());
      }
    }
    try (Journal again = Journals.openWriter(dir)) {
      assertEquals(2, again.lastSeq());
    }
  }

  @Test
  void readerNeverWrites() throws IOException {
    Path dir = tmp.resolve("ro");
    try (Journal j = Journals.create(dir)) {
      j.append(entries(1, 3));
    }
    Files.delete(dir.resolve("lock"));
    byte[] before = JournalFixtures.allSegmentBytes(dir);
    try (Journal r = Journals.openReader(dir)) {
      assertTrue(r.readOnly());
      assertEquals(3, r.lastSeq());
      assertThrows(IllegalStateException.class, () -> r.append(entries(4, 1)));
      assertThrows(
          IllegalStateException.class, () -> r.writeCheckpoint(0, "0".repeat(64), new byte[0]));
    }
    assertFalse(Files.exists(dir.resolve("lock")));
    assertArrayEquals(before, JournalFixtures.allSegmentBytes(dir));
  }

  @Test
  void rejectsEntriesThatBreakFraming() {
    try (Journal j = Journals.inMemory()) {
      assertThrows(IllegalArgumentException.class, () -> j.append(List.of(bytes("{\"a\":\"\t\"}"))));
      assertThrows(IllegalArgumentException.class, () -> j.append(List.of(bytes("{}\n"))));
      assertThrows(IllegalArgumentException.class, () -> j.append(List.of(new byte[0])));
      assertThrows(IllegalArgumentException.class, () -> j.scan(0, new Seen()));
      assertEquals(0, j.lastSeq());
      assertEquals(List.of(), j.append(List.of()));
    }
  }

  @Test
  void whatWasAppendedStaysStoredWhateverTheCallerDoesWithItsArrayLater() {
    try (Journal j = Journals.inMemory()) {
      byte[] entry = bytes("{\"a\":1}");
      j.append(List.of(entry));
      entry[1] = 'X';
      assertArrayEquals(bytes("{\"a\":1}"), j.read(1).orElseThrow().entryJson());
    }
  }

  @Test
  void damageBeforeTheTailRefusesTheWriterAndNamesThePlace() throws IOException {
    Path dir = tmp.resolve("damaged");
    List<JournalRecord> rs;
    try (Journal j = Journals.create(dir)) {
      rs = new ArrayList<>(j.append(entries(1, 3)));
      rs.addAll(j.append(entries(4, 3)));
    }
    Path seg = JournalFixtures.lastSegment(dir);
    JournalFixtures.flip(seg, rs.get(1).offset() + 30, 0x04);
    LedgerStorageException e =
        assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir));
    assertEquals("00000000000000000001.jsonl", e.segment());
    assertEquals(rs.get(1).offset(), e.offset());
    assertTrue(e.getMessage().contains("offset " + rs.get(1).offset()), e.getMessage());
    try (Journal r = Journals.openReader(dir)) {
      Seen seen = scan(r, 1);
      // A reader's view ends with the last whole batch before damage in the last segment; record
      // 1 shares its batch with the damaged record 2.
      assertEquals(0, r.lastSeq());
      assertEquals(0, seen.records.size());
      assertEquals(1, seen.damage.size());
      assertEquals("record", seen.damage.get(0).check());
      assertEquals(rs.get(1).offset(), seen.damage.get(0).offset());
    }
  }

  @Test
  void aMissingOrRenamedSegmentStopsTheWriter() throws IOException {
    Path dir = tmp.resolve("gap");
    try (Journal j = Journals.create(dir, 300)) {
      for (int i = 0; i < 10; i++) {
        j.append(entries(j.lastSeq() + 1, 2));
      }
    }
    List<Path> files = JournalFixtures.segmentFiles(dir);
    assertTrue(files.size() >= 4);
    Path removed = files.get(1);
    Path aside = tmp.resolve("aside");
    Files.move(removed, aside);
    LedgerStorageException gap =
        assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir, 300));
    assertEquals(files.get(0).getFileName().toString(), gap.segment(), gap.getMessage());
    try (Journal r = Journals.openReader(dir)) {
      Seen seen = scan(r, 1);
      assertEquals(1, seen.damage.size());
      assertEquals("chain", seen.damage.get(0).check());
      assertEquals(files.get(2).getFileName().toString(), seen.damage.get(0).segment());
    }
    Files.move(aside, removed);
    Path renamed = dir.resolve("segments/00000000000000000002.jsonl");
    Files.move(files.get(0), renamed);
    LedgerStorageException name =
        assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir, 300));
    assertEquals("00000000000000000002.jsonl", name.segment(), name.getMessage());
    for (Path p : JournalFixtures.segmentFiles(dir)) {
      if (!p.equals(renamed)) {
        Files.delete(p);
      }
    }
    try (Journal r = Journals.openReader(dir)) {
      assertEquals(0, r.lastSeq());
      Seen seen = scan(r, 1);
      assertEquals("chain", seen.damage.get(0).check());
      assertEquals("00000000000000000002.jsonl", seen.damage.get(0).segment());
    }
  }

  @Test
  void damageInASealedSegmentIsFoundByScan() throws IOException {
    Path dir = tmp.resolve("sealed");
    long offset;
    try (Journal j = Journals.create(dir, 3000)) {
      for (int i = 0; i < 20; i++) {
        j.append(entries(j.lastSeq() + 1, 2));
      }
      offset = j.read(3).orElseThrow().offset();
      assertEquals("00000000000000000001.jsonl", j.read(5).orElseThrow().segment());
    }
    Path first = JournalFixtures.segmentFiles(dir).get(0);
    JournalFixtures.flip(first, offset + 5, 0x01);
    // Opening does not read the middle of sealed segments: the writer opens, the scan finds it.
    try (Journal j = Journals.openWriter(dir, 3000)) {
      Seen seen = scan(j, 1);
      assertEquals(2, seen.records.size());
      assertEquals(List.of(new JournalDamage("record", 3, first.getFileName().toString(), offset,
          seen.damage.get(0).detail())), seen.damage);
      assertTrue(scan(j, 5).damage.isEmpty());
    }
  }

  @Test
  void aBatchLargerThanOneWriteIsWholeOrCutWhole() throws IOException {
    Path dir = tmp.resolve("large");
    List<byte[]> big = new ArrayList<>();
    String padding = "x".repeat(900);
    for (int i = 0; i < 12_000; i++) {
      big.add(bytes("{\"n\":" + i + ",\"pad\":\"" + padding + "\"}"));
    }
    long bigEnd;
    try (Journal j = Journals.create(dir)) {
      j.append(JournalFixtures.entries(1, 2));
      List<JournalRecord> records = j.append(big);
      bigEnd = records.get(records.size() - 1).seq();
      assertEquals(2 + big.size(), bigEnd);
      assertArrayEquals(big.get(11_999), j.read(bigEnd).orElseThrow().entryJson());
    }
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(bigEnd, j.lastSeq());
    }
    // A crash after the first write of the batch, before its force: the whole batch goes.
    Path seg = JournalFixtures.lastSegment(dir);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(seg, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(SegmentedJournal.WRITE_CHUNK + 1000L);
    }
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(2, j.lastSeq());
    }
  }

  /** The bytes left in {@code b}. */
  static byte[] array(java.nio.ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}

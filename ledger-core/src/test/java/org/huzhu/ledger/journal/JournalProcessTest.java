package org.huzhu.ledger.journal;

import static org.huzhu.ledger.journal.JournalFixtures.entryFor;
import static org.huzhu.ledger.journal.JournalFixtures.scan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.huzhu.ledger.LedgerStorageException;
import org.huzhu.ledger.journal.JournalFixtures.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes: the writer lock, and SIGKILL in the middle of appends. */
class JournalProcessTest {
  @TempDir Path tmp;

  @Test
  void aWriterInAnotherProcessHoldsTheLock() throws Exception {
    Path dir = tmp.resolve("held");
    try (Journal j = Journals.create(dir)) {
      j.append(JournalFixtures.entries(1, 2));
    }
    Process child =
        new ProcessBuilder(JournalFixtures.javaCommand(JournalChildMain.class, "hold", dir.toString()))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("locked 2", out.readLine());
      LedgerStorageException e =
          assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir));
      assertEquals(
          "ledger at " + dir + " is held by another writer (process " + child.pid() + ")",
          e.getMessage());
      try (Journal reader = Journals.openReader(dir)) {
        assertEquals(2, reader.lastSeq());
        assertTrue(reader.writerAlive());
        // asking took a shared lock for a moment: the writer still holds its own
        assertThrows(LedgerStorageException.class, () -> Journals.openWriter(dir));
      }
      child.getOutputStream().close();
      assertEquals("released", out.readLine());
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    try (Journal reader = Journals.openReader(dir)) {
      assertFalse(reader.writerAlive(), "the lock file still names the child, which holds no lock");
      java.nio.file.Files.writeString(dir.resolve("lock"), ProcessHandle.current().parent().orElseThrow().pid() + "\n");
      assertFalse(reader.writerAlive(), "a live process named in the file is no writer without the lock");
    }
    try (Journal j = Journals.openWriter(dir)) {
      assertEquals(2, j.lastSeq());
    }
  }

  /**
   * A writer whose file may grow no further than a few hundred kilobytes (as on a nearly full
   * disk): the room it writes ahead fails, yet every append is acknowledged and a closed journal
   * holds its records alone.
   */
  @Test
  void aWriterThatCannotWriteItsRoomStillAppends() throws Exception {
    Path dir = tmp.resolve("full");
    try (Journal j = Journals.create(dir)) {
      j.append(JournalFixtures.entries(1, 1));
    }
    String out = runLimited(512, "singles", dir.toString(), "20");
    assertTrue(out.endsWith("21\nclosed\n"), out);
    try (Journal j = Journals.openReader(dir)) {
      assertEquals(21, j.lastSeq());
      Seen seen = scan(j, 1);
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
      assertEquals(21, seen.records.size());
    }
    Path segment = dir.resolve("segments").resolve("00000000000000000001.jsonl");
    byte[] bytes = java.nio.file.Files.readAllBytes(segment);
    assertEquals('\n', bytes[bytes.length - 1], "no room left after close");
  }

  /** A first write that fails still leaves a writer that closes and lets go of its lock. */
  @Test
  void aWriterWhoseFirstWriteFailsClosesAndCanBeOpenedAgain() throws Exception {
    Path dir = tmp.resolve("refused");
    try (Journal j = Journals.create(dir)) {
      j.append(JournalFixtures.entries(1, 8));
    }
    // a file limit of 512 bytes: the segment is already longer, so the first write fails
    assertEquals("append failed\nclosed\nreopened 8\n", runLimited(1, "reopen", dir.toString()));
  }

  /** What a child run under a file size limit of {@code blocks} (of the shell's size) printed. */
  private static String runLimited(int blocks, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("sh", "-c", "ulimit -f " + blocks + " && exec \"$@\"", "sh"));
    cmd.addAll(JournalFixtures.javaCommand(JournalChildMain.class, args));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue(), out);
      return out;
    } finally {
      child.destroyForcibly();
    }
  }

  /**
   * Kills a writer process with SIGKILL after a random number of acknowledged batches, many times
   * over one journal; after each kill every acknowledged record is there, whole and in order.
   */
  @Test
  void killedWriterLosesNothingAcknowledged() throws Exception {
    Path dir = tmp.resolve("crash");
    Journals.create(dir).close();
    SplittableRandom random = new SplittableRandom(20261123L);
    long acknowledged = 0;
    int rounds = 50;
    for (int round = 0; round < rounds; round++) {
      int killAfter = random.nextInt(0, 25);
      Process child =
          new ProcessBuilder(
                  JournalFixtures.javaCommand(
                      JournalChildMain.class, "append", dir.toString(),
                      Long.toString(random.nextLong()), "20000"))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      long acked = acknowledged;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String open = out.readLine();
        assertNotNull(open, "child did not open the journal");
        long openedAt = Long.parseLong(open.substring(5));
        assertTrue(openedAt >= acknowledged, "child opened at " + openedAt + " < " + acknowledged);
        for (int i = 0; i < killAfter; i++) {
          String line = out.readLine();
          assertNotNull(line);
          acked = Long.parseLong(line);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        // What the child printed before it died was acknowledged too, but destroying a process
        // closes our end of its output, so lines not read by now are simply not counted.
        try {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            acked = Long.parseLong(line);
          }
        } catch (IOException closedByDestroy) {
          // a lower bound of what was acknowledged is all the check needs
        }
      } finally {
        child.destroyForcibly();
      }
      try (Journal j = Journals.openWriter(dir, 20000)) {
        assertTrue(j.lastSeq() >= acked, "round " + round + ": " + j.lastSeq() + " < " + acked);
        Seen seen = scan(j, Math.max(1, acknowledged - 5));
        assertTrue(seen.damage.isEmpty(), "round " + round + ": " + seen.damage);
        long expect = Math.max(1, acknowledged - 5);
        for (JournalRecord r : seen.records) {
          assertEquals(expect++, r.seq());
          assertArrayEquals(entryFor(r.seq()), r.entryJson());
        }
        assertEquals(j.lastSeq() + 1, expect);
        acknowledged = j.lastSeq();
      }
    }
    try (Journal j = Journals.openReader(dir)) {
      Seen seen = scan(j, 1);
      assertTrue(seen.damage.isEmpty(), seen.damage.toString());
      assertEquals(acknowledged, seen.records.size());
      assertTrue(JournalFixtures.segmentFiles(dir).size() > 1, "expected several segments");
    }
  }
}

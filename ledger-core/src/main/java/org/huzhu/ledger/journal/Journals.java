package org.huzhu.ledger.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.huzhu.ledger.LedgerStorageException;

/**
 * Opens journals: the embedded one in a directory, or one kept in memory.
 *
 * <p>A directory journal holds {@code segments/} (record files, see {@code docs/journal-format.md}),
 * {@code checkpoints/} and the writer's {@code lock}. At most one writer (in any process) holds a
 * journal at a time; any number of readers may open it alongside.
 */
public final class Journals {
  private Journals() {}

  /**
   * Opens the journal in {@code dir} for appending. Takes the writer lock, verifies the end of the
   * journal, and cuts a torn tail (an incomplete last batch left by a crash), logging what it cut.
   *
   * @param dir the journal's directory, made by {@link #create}
   * @return the journal, to be closed by the caller; one thread appends
   * @throws LedgerStorageException when there is no journal, another writer holds it, or records
   *     before the tail are damaged (the message names segment and offset)
   */
  public static Journal openWriter(Path dir) {
    return openWriter(dir, SegmentedJournal.DEFAULT_ROLL_BYTES);
  }

  /** As {@link #openWriter(Path)}, rolling segments after {@code rollBytes} (tests use tiny ones). */
  static Journal openWriter(Path dir, long rollBytes) {
    Objects.requireNonNull(dir, "dir");
    return SegmentedJournal.writer(FileStore.openWriter(dir), rollBytes);
  }

  /**
   * Opens the journal in {@code dir} read-only. Takes no lock and writes nothing; sees the records
   * complete when it opened, and reports damage found after them at the end of each scan.
   *
   * @throws LedgerStorageException when there is no journal in {@code dir}
   */
  public static Journal openReader(Path dir) {
    Objects.requireNonNull(dir, "dir");
    return SegmentedJournal.reader(FileStore.openReader(dir));
  }

  /**
   * Makes {@code dir} (and its parents) hold an empty journal and opens it for appending. An
   * existing empty journal is opened as it is.
   *
   * @throws LedgerStorageException when {@code dir} already holds records or checkpoints, or on an
   *     I/O fault
   */
  public static Journal create(Path dir) {
    return create(dir, SegmentedJournal.DEFAULT_ROLL_BYTES);
  }

  static Journal create(Path dir, long rollBytes) {
    Objects.requireNonNull(dir, "dir");
    try {
      if (FileStore.exists(dir) && !isEmptyJournal(dir)) {
        throw new LedgerStorageException("a ledger with records already exists at " + dir, null);
      }
      FileStore.initialize(dir);
    } catch (IOException e) {
      throw new LedgerStorageException("cannot create ledger at " + dir, e);
    }
    return openWriter(dir, rollBytes);
  }

  /** Whether the journal in {@code dir} holds nothing yet (a missing folder of it holds nothing). */
  private static boolean isEmptyJournal(Path dir) throws IOException {
    Path checkpoints = dir.resolve(FileStore.CHECKPOINTS);
    if (Files.isDirectory(checkpoints)) {
      try (var files = Files.list(checkpoints)) {
        if (files.anyMatch(p -> FileStore.isCheckpointName(p.getFileName().toString()))) {
          return false; // the usual ledger, told without reading its records
        }
      }
    }
    Path segments = dir.resolve(FileStore.SEGMENTS);
    if (!Files.isDirectory(segments)) {
      return true;
    }
    try (var files = Files.list(segments)) {
      return files.allMatch(p -> p.toFile().length() == 0) || holdsNoRecord(dir);
    }
  }

  /**
   * Whether the segments hold bytes but no complete record: a crash cut the ledger's first write
   * short, and creating it again (which cuts that tail) finishes what the crash interrupted.
   */
  private static boolean holdsNoRecord(Path dir) {
    try (Journal j = openReader(dir)) {
      return j.lastSeq() == 0;
    } catch (RuntimeException unreadable) {
      return false; // something else is there: not ours to overwrite
    }
  }

  /**
   * Whether {@code dir} holds a journal with records or checkpoints: a folder that a crash left
   * half made by {@link #create} does not count, and {@code create} finishes it.
   */
  public static boolean exists(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      return FileStore.exists(dir) && !isEmptyJournal(dir);
    } catch (IOException e) {
      return true; // unreadable: not something to create a ledger over
    }
  }

  /**
   * A new, empty journal kept in memory, open for appending: the same records, bytes and checks as
   * a directory journal, without files. For tests and embedding.
   */
  public static Journal inMemory() {
    return inMemory(SegmentedJournal.DEFAULT_ROLL_BYTES);
  }

  static Journal inMemory(long rollBytes) {
    return SegmentedJournal.writer(new MemoryStore(), rollBytes);
  }
}

package org.huzhu.ledger.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file the command writes (rejects, exports) that appears whole or not at all: the bytes go to a
 * new file of a unique name beside it, which then replaces it. The place is checked before any work
 * is done, so that an import never commits and then fails to write its rejects. A target that is
 * not a regular file (a terminal, a pipe, {@code /dev/null}) is written through instead.
 */
final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path temp;

  private OutputFile(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /**
   * Readies {@code file}, named by {@code option} in messages.
   *
   * @throws IllegalArgumentException when {@code file} is a directory
   * @throws IOException when its directory cannot be written
   */
  static OutputFile prepare(String option, Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + " " + file + " is a directory, not a file");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      return new OutputFile(file, null);
    }
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
    Path dir = target.getParent();
    long pid = ProcessHandle.current().pid();
    for (int n = 0; ; n++) {
      // Not Files.createTempFile: it makes the file readable by its owner only.
      Path temp = dir.resolve("." + target.getFileName() + "." + pid + "." + n + ".part");
      try {
        Files.createFile(temp);
        return new OutputFile(target, temp);
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another run's, or a crashed one's: try the next name
      }
    }
  }

  /** Where the bytes go until {@link #commit}. */
  OutputStream open() throws IOException {
    return Files.newOutputStream(temp == null ? target : temp);
  }

  /** Puts the written file in place of the target. */
  void commit() throws IOException {
    if (temp != null) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Removes what was written if it was not committed. */
  @Override
  public void close() throws IOException {
    if (temp != null) {
      Files.deleteIfExists(temp);
    }
  }
}

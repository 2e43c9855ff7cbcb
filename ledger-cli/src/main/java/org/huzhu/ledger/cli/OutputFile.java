package org.huzhu.ledger.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * A file the command writes (rejects, exports) that appears whole or not at all: the bytes go to a
 * new file of a unique name beside it, which then replaces it with the target's permissions. The
 * place is checked before any work is done, so that an import never commits and then finds it
 * cannot write its rejects. A target that is not a regular file (a terminal, a pipe, {@code
 * /dev/null}) is written through instead, and a symbolic link is followed.
 */
final class OutputFile implements AutoCloseable {
  /** Writing the output failed: no input was refused, so this is no {@code bad-file}. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;

    Failure(Path target, IOException cause) {
      super("cannot write " + target + ": " + Huzhu.describe(cause), cause);
    }

    /** Whether a pipe's reader stopped reading ({@code --output /dev/stdout | head}): no failure. */
    boolean readerStopped() {
      return StandardOutput.isBrokenPipe(getCause());
    }
  }

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
   * @throws Failure when its directory cannot be written
   */
  static OutputFile prepare(String option, Path file) throws Failure {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(option + " " + file + " is a directory, not a file");
    }
    Path given = file.toAbsolutePath().normalize();
    // Only what is there is written through: a name yet to be made is readied like any file, so that
    // a place that cannot hold it is found before any work is done.
    if (Files.exists(file) && (given.startsWith("/dev") || given.startsWith("/proc") || !Files.isRegularFile(file))) {
      // /dev/stdout, a pipe, a terminal: written through as given. Even when /dev/stdout leads to a
      // regular file (a shell's >> redirect), replacing that file would lose what it held.
      return new OutputFile(file, null);
    }
    Path target;
    try {
      if (Files.exists(file)) {
        target = file.toRealPath();
      } else {
        target = given;
        for (int hops = 0; Files.isSymbolicLink(target); hops++) {
          if (hops == 40) {
            throw new java.nio.file.FileSystemException(file.toString(), null, "too many levels of symbolic links");
          }
          target = target.resolveSibling(Files.readSymbolicLink(target)); // a link to a file to come
        }
      }
    } catch (IOException e) {
      throw new Failure(file, e);
    }
    long pid = ProcessHandle.current().pid();
    for (int n = 0; ; n++) {
      // Not Files.createTempFile: it makes the file readable by its owner only.
      Path temp = target.resolveSibling("." + target.getFileName() + "." + pid + "." + n + ".part");
      try {
        Files.createFile(temp);
        return new OutputFile(target, temp);
      } catch (FileAlreadyExistsException taken) {
        // another run's, or a crashed one's: try the next name
      } catch (IOException e) {
        throw new Failure(file, e);
      }
    }
  }

  /** What writes the text of the file. */
  interface Body {
    void writeTo(Writer w) throws IOException;
  }

  /**
   * Writes the file as UTF-8 and puts it in place of the target, keeping the target's permissions.
   *
   * @throws Failure if it cannot be written; the target is then as it was
   */
  void write(Body body) throws Failure {
    // Written through, a target is never truncated: /dev/stdout may be a shell's >> to a file.
    OutputStream stream;
    try {
      stream =
          temp == null
              ? Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
              : Files.newOutputStream(temp);
    } catch (IOException e) {
      throw new Failure(target, e);
    }
    try (Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
      body.writeTo(w);
    } catch (Failure f) {
      throw f;
    } catch (IOException e) {
      throw new Failure(target, e);
    }
    if (temp == null) {
      return;
    }
    try {
      PosixFileAttributeView now = Files.getFileAttributeView(target, PosixFileAttributeView.class);
      if (now != null && Files.exists(target)) {
        Files.getFileAttributeView(temp, PosixFileAttributeView.class).setPermissions(now.readAttributes().permissions());
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new Failure(target, e);
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

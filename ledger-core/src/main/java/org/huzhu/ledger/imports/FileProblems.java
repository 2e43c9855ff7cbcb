package org.huzhu.ledger.imports;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file problem in the words a user reads: what went wrong, then the file, without a Java class
 * name. Shared by every command that reads or writes a user's file, so that a missing file reads
 * the same wherever it is met.
 */
public final class FileProblems {
  private FileProblems() {}

  /** {@code "no such file or directory: signins.csv"}, or the system's own words. */
  public static String describe(IOException e) {
    if (e instanceof FileSystemException f) {
      String what;
      if (f instanceof NoSuchFileException) {
        what = "no such file or directory";
      } else if (f instanceof AccessDeniedException) {
        what = "permission denied";
      } else if (f instanceof DirectoryNotEmptyException) {
        what = "a directory is in the way";
      } else if (f instanceof NotDirectoryException) {
        what = "not a directory";
      } else if (f instanceof FileAlreadyExistsException) {
        what = "already exists";
      } else {
        what = f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
      }
      return f.getFile() == null ? what : what + ": " + f.getFile();
    }
    // the system's own words ("No space left on device") say it; a class name only when there are none
    return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
  }
}

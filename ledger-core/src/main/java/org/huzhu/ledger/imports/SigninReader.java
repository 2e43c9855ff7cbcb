package org.huzhu.ledger.imports;

import java.util.Iterator;

/**
 * Reads a sign-in file row by row, in file order, without holding the file in memory.
 *
 * <p>Obtained from {@link SigninFiles#open}. {@link #hasNext()} and {@link #next()} may throw
 * {@link org.huzhu.ledger.LedgerRefusal} ({@code bad-file}) in the middle of the file, when bytes
 * invalid in the charset are met or the file cannot be read: rows already returned are then not to
 * be imported either (the ledger imports nothing from a refused file). Not thread-safe.
 */
public interface SigninReader extends Iterator<ReadRow>, AutoCloseable {
  /** Bytes of the file read so far (may run up to 64 KiB ahead of the rows returned). */
  long bytesRead();

  /** Rows returned so far (blank lines are not rows). */
  long rowsRead();

  /**
   * SHA-256 of the file's bytes, in lower-case hex; the ledger names an import {@code import:} and
   * the first 16 hex digits.
   *
   * @throws IllegalStateException if the file has not been read to its end
   */
  String sha256();

  /** Closes the file; never throws a checked exception. */
  @Override
  void close();
}

package org.huzhu.ledger.imports;

/**
 * Told about a sign-in file while {@link SigninFiles#readSorted(java.nio.file.Path,
 * java.nio.charset.Charset, java.time.ZoneId, ReadListener)} reads it, on the reading thread: to
 * draw a progress bar, or to write rejects without waiting for the sort.
 */
public interface ReadListener {
  /** A listener that ignores everything. */
  ReadListener NONE = new ReadListener() {};

  /**
   * Called every few thousand rows and once at the end.
   *
   * @param rowsRead rows read so far (blank lines are not rows)
   * @param bytesRead bytes of the file read so far; compare with the file's size
   */
  default void progress(long rowsRead, long bytesRead) {}

  /** Called for each malformed row, in file order, as soon as it is read. */
  default void malformed(MalformedRow row) {}

  /**
   * Called for each readable row with a note, in file order, as soon as it is read: the note is
   * shown to whoever imports and is not kept (the sorted rows no longer carry it).
   */
  default void note(SigninRow row) {}
}

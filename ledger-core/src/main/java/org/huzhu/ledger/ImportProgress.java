package org.huzhu.ledger;

/**
 * Told how an import is getting on, so that a command can draw a progress bar and an app can show
 * progress. Called from the importing threads, the ledger's writer among them: keep it quick, and
 * give the ledger no command from it and do not close it (either is refused with an {@link
 * IllegalStateException}, since the writer would wait on itself). What it throws is logged and it
 * is not called again; an interrupt it gives its thread is taken back.
 */
public interface ImportProgress {
  /** {@code rows} rows read of a file of {@code totalBytes}, {@code bytesRead} so far. */
  default void read(long rows, long bytesRead, long totalBytes) {}

  /** {@code decided} of {@code total} rows decided: {@code credited} credited, {@code rejected} rejected. */
  default void decided(long decided, long total, long credited, long rejected) {}

  /**
   * The {@code note} of the readable row that starts on {@code line}, in file order as the file is
   * read: shown to the coordinator, never stored in the ledger.
   */
  default void note(long line, String signinId, String note) {}
}

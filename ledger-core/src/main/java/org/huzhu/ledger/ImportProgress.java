package org.huzhu.ledger;

/**
 * Told how an import is getting on, so that a command can draw a progress bar and an app can show
 * progress. Called from the importing threads; keep it quick.
 */
public interface ImportProgress {
  /** {@code rows} rows read of a file of {@code totalBytes}, {@code bytesRead} so far. */
  default void read(long rows, long bytesRead, long totalBytes) {}

  /** {@code decided} of {@code total} rows decided: {@code credited} credited, {@code rejected} rejected. */
  default void decided(long decided, long total, long credited, long rejected) {}
}

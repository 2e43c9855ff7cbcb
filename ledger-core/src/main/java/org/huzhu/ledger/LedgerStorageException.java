package org.huzhu.ledger;

/**
 * The ledger's storage cannot be used: no ledger at that path, held by another writer, damaged
 * records before the tail, or an I/O fault. Names the segment and byte offset when one is known.
 *
 * <p>After a fault while writing, the ledger instance refuses further writes; open it again to
 * continue from what is durable.
 */
public final class LedgerStorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String segment;
  private final long offset;

  /** A fault not tied to a place in a segment. */
  public LedgerStorageException(String message, Throwable cause) {
    super(message, cause);
    this.segment = null;
    this.offset = -1;
  }

  /** A fault at a byte offset of a segment file. */
  public LedgerStorageException(String message, String segment, long offset, Throwable cause) {
    super(message, cause);
    this.segment = segment;
    this.offset = offset;
  }

  /** The segment file's name, or null when the fault is not tied to one. */
  public String segment() {
    return segment;
  }

  /** The byte offset in {@link #segment()}, or -1. */
  public long offset() {
    return offset;
  }
}

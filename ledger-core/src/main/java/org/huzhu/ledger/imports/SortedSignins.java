package org.huzhu.ledger.imports;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A whole sign-in file, read: its readable rows in import order, its malformed rows in file order,
 * and the file's size and SHA-256.
 *
 * <p>Import order is (check-in instant, {@code signin_id}, file order). The rows are kept in a
 * compact encoding (a few dozen bytes each plus their text) and materialised one at a time by
 * {@link #iterator()} or {@link #get(int)}. Immutable once returned; safe to read from several
 * threads.
 */
public final class SortedSignins implements Iterable<SigninRow> {
  private final RowStore rows;
  private final List<MalformedRow> malformed;
  private final long bytesRead;
  private final String sha256;

  SortedSignins(RowStore rows, List<MalformedRow> malformed, long bytesRead, String sha256) {
    this.rows = rows;
    this.malformed = List.copyOf(malformed);
    this.bytesRead = bytesRead;
    this.sha256 = sha256;
  }

  /** Number of readable rows. */
  public int size() {
    return rows.size();
  }

  /** Rows read, readable or malformed (the contract's {@code read}); blank lines are not rows. */
  public long rowsRead() {
    return (long) rows.size() + malformed.size();
  }

  /**
   * The {@code index}th readable row in import order.
   *
   * @throws IndexOutOfBoundsException unless 0 &le; {@code index} &lt; {@link #size()}
   */
  public SigninRow get(int index) {
    if (index < 0 || index >= rows.size()) {
      throw new IndexOutOfBoundsException("index " + index + " of " + rows.size());
    }
    return rows.get(index);
  }

  /** The readable rows in import order; each call starts again from the first. */
  @Override
  public Iterator<SigninRow> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < rows.size();
      }

      @Override
      public SigninRow next() {
        if (next >= rows.size()) {
          throw new NoSuchElementException();
        }
        return rows.get(next++);
      }
    };
  }

  /**
   * The malformed rows in file order. They are held as objects (they are expected to be few); a
   * caller that must not hold them can take them from {@link ReadListener#malformed} instead.
   */
  public List<MalformedRow> malformed() {
    return malformed;
  }

  /** Size of the file in bytes. */
  public long bytesRead() {
    return bytesRead;
  }

  /** SHA-256 of the file's bytes in lower-case hex. */
  public String sha256() {
    return sha256;
  }
}

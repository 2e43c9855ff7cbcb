package org.huzhu.ledger.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the sign-in files users bring: CSV, or JSON lines for names ending in {@code .jsonl} or
 * {@code .ndjson}.
 *
 * <p>Both forms have the columns {@code signin_id, member_id, activity, check_in, check_out,
 * verified_by} and optionally {@code team, grid, note}. Values are trimmed of spaces and tabs. A row
 * is {@linkplain MalformedRow malformed} when it cannot be read, has another field count than the
 * CSV header, or when:
 *
 * <ul>
 *   <li>{@code signin_id} is empty, does not match {@code [A-Za-z0-9._:-]{1,64}}, or starts with
 *       {@code reversal:}, {@code expire:} or {@code sys:};
 *   <li>{@code member_id} or {@code activity} is empty or does not match {@code
 *       [A-Za-z0-9._-]{1,64}}; {@code verified_by} is not empty and does not match it (an empty one
 *       is the ledger's {@code not-verified});
 *   <li>{@code check_in} is empty or not a possible {@code YYYY-MM-DDTHH:MM[:SS[.fraction]]} (a
 *       space may stand for {@code T}; optional {@code Z} or {@code ±HH:MM}); {@code check_out} is
 *       neither empty nor such a date-time;
 *   <li>{@code team} or {@code grid} is longer than 200 characters (any text is accepted, since
 *       team and grid names are often Chinese); any field is
 *       longer than 4096 (such a field is skipped, not held in memory);
 *   <li>in JSON lines: the line is not one JSON object, or a known field's value is neither a
 *       string nor null (null or absent counts as empty), or a known field appears twice.
 * </ul>
 *
 * <p>Whole files are refused with {@link org.huzhu.ledger.LedgerRefusal} ({@code bad-file}) for a
 * missing header, a missing required or a repeated known column, bytes invalid in the charset
 * (naming the line and suggesting {@code --encoding}), or a file that cannot be read. A byte order
 * mark is skipped. Stateless; safe to use from several threads.
 */
public final class SigninFiles {
  private static final int PROGRESS_EVERY = 1 << 14;

  private SigninFiles() {}

  /**
   * Opens a sign-in file for reading row by row in file order. The CSV header is read now.
   *
   * @param file the file; its name decides the format
   * @param charset its encoding, normally UTF-8
   * @param zone the ledger's zone, in which times are read
   * @return a reader that the caller must close
   * @throws org.huzhu.ledger.LedgerRefusal ({@code bad-file}) if the file cannot be read or its
   *     header is refused; the reader may throw it later for invalid bytes further on
   */
  public static SigninReader open(Path file, Charset charset, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    return open(DecodingSource.open(file, charset), isJsonLines(file), zone);
  }

  /** A reader over {@code src}, which it closes if the header is refused. */
  static SigninReader open(DecodingSource src, boolean jsonLines, ZoneId zone) {
    try {
      return jsonLines ? new JsonLinesSigninReader(src, zone) : new CsvSigninReader(src, zone);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /**
   * Reads a whole sign-in file and sorts its readable rows into import order: check-in instant,
   * then {@code signin_id}, then file order.
   *
   * @see #readSorted(Path, Charset, ZoneId, ReadListener)
   */
  public static SortedSignins readSorted(Path file, Charset charset, ZoneId zone) {
    return readSorted(file, charset, zone, ReadListener.NONE);
  }

  /**
   * Reads a whole sign-in file and sorts its readable rows into import order: check-in instant,
   * then {@code signin_id}, then file order. Memory stays near 100 bytes a row (notes go to the listener), so a
   * million rows fit beside the ledger in a 1 GiB heap.
   *
   * @param file the file; its name decides the format
   * @param charset its encoding, normally UTF-8
   * @param zone the ledger's zone, in which times are read
   * @param listener told of progress and of each malformed row as it is read
   * @return the rows, the malformed rows, the file's size and SHA-256
   * @throws org.huzhu.ledger.LedgerRefusal ({@code bad-file}) if the file is refused; the listener
   *     may already have been told about some rows
   */
  public static SortedSignins readSorted(
      Path file, Charset charset, ZoneId zone, ReadListener listener) {
    Objects.requireNonNull(listener, "listener");
    RowStore store = new RowStore(zone);
    List<MalformedRow> malformed = new ArrayList<>();
    try (SigninReader reader = open(file, charset, zone)) {
      long rows = 0;
      while (reader.hasNext()) {
        ReadRow row = reader.next();
        if (row instanceof SigninRow signin) {
          store.add(signin);
          if (signin.note() != null) {
            listener.note(signin);
          }
        } else {
          MalformedRow bad = (MalformedRow) row;
          malformed.add(bad);
          listener.malformed(bad);
        }
        if (++rows % PROGRESS_EVERY == 0) {
          listener.progress(rows, reader.bytesRead());
        }
      }
      listener.progress(rows, reader.bytesRead());
      store.sort();
      return new SortedSignins(store, malformed, reader.bytesRead(), reader.sha256());
    }
  }

  static boolean isJsonLines(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }
}

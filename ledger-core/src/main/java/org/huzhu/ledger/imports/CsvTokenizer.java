package org.huzhu.ledger.imports;

import java.util.Arrays;

/**
 * An RFC 4180 record reader that counts physical lines exactly and keeps memory bounded.
 *
 * <p>Design: one pass over the {@link DecodingSource} window with a small state machine per
 * field. LF, CRLF and a lone CR each end a physical line, inside quoted fields too; a record's line
 * is the line on which it starts. Only the columns the caller asked for are retained, each up to
 * {@code fieldCap} characters; a longer field is flagged and the rest of it is skipped, so a huge
 * or endless field costs no memory. Records that are empty or only spaces are skipped (a tab makes
 * a record, as the import rules say: only spaces make a blank line).
 *
 * <p>Deviations from RFC 4180 that spreadsheets need: spaces and tabs around a quoted field are
 * allowed, and every value is trimmed of spaces and tabs. A quote inside an unquoted field is kept
 * as text. Text after a closing quote, or a quote never closed, marks the record {@link
 * #badQuoting()} (the reader turns it into a malformed row).
 */
final class CsvTokenizer {
  /** Most header columns accepted; a header this wide is not a sign-in sheet. */
  static final int MAX_COLUMNS = 1024;

  private final DecodingSource src;
  private final int fieldCap;
  private boolean[] keep;
  private String[] values;
  private boolean[] overlong;
  private char[] scratch = new char[256];
  private int scratchLen;

  private int line = 1;
  private int recordLine;
  private int fieldCount;
  private boolean badQuoting;
  private boolean lastFieldQuoted;
  /** Whether a tab came before the field just read: a line of tabs is a record, not a blank line. */
  private boolean tabSkipped;
  private boolean eof;

  /**
   * @param src the characters
   * @param fieldCap longest retained value; longer ones are flagged {@linkplain #overlong(int)}
   */
  CsvTokenizer(DecodingSource src, int fieldCap) {
    this.src = src;
    this.fieldCap = fieldCap;
    retainAll(MAX_COLUMNS);
  }

  /** Retains the first {@code columns} fields of each record (used for the header). */
  void retainAll(int columns) {
    boolean[] all = new boolean[columns];
    Arrays.fill(all, true);
    retain(all);
  }

  /** Retains only the fields whose index is true in {@code columns}. */
  void retain(boolean[] columns) {
    keep = columns.clone();
    values = new String[columns.length];
    overlong = new boolean[columns.length];
  }

  /** The physical line after the last character consumed. */
  int line() {
    return line;
  }

  /** Line on which the current record starts. */
  int recordLine() {
    return recordLine;
  }

  /** Number of fields of the current record (retained or not). */
  int fieldCount() {
    return fieldCount;
  }

  /** Whether the current record has text after a closing quote or an unclosed quote. */
  boolean badQuoting() {
    return badQuoting;
  }

  /** The trimmed value of retained field {@code i}; empty when absent or not retained. */
  String value(int i) {
    if (i >= values.length || values[i] == null) {
      return "";
    }
    return values[i];
  }

  /** Whether retained field {@code i} was longer than the cap (its value is then a prefix). */
  boolean overlong(int i) {
    return i < overlong.length && overlong[i];
  }

  /**
   * Reads the next record that is not blank.
   *
   * @return false at the end of the input
   * @throws org.huzhu.ledger.LedgerRefusal if the bytes are invalid in the charset
   */
  boolean next() {
    while (true) {
      if (eof || !src.fill(line)) {
        eof = true;
        return false;
      }
      recordLine = line;
      fieldCount = 0;
      badQuoting = false;
      Arrays.fill(values, null);
      Arrays.fill(overlong, false);
      boolean blankSoFar = true;
      boolean more;
      do {
        more = readField();
        if (fieldCount < keep.length && keep[fieldCount]) {
          values[fieldCount] = trimmedScratch();
          overlong[fieldCount] = scratchLen > fieldCap;
        }
        if (blankSoFar && (more || lastFieldQuoted || !onlySpaces())) {
          blankSoFar = false;
        }
        fieldCount++;
      } while (more);
      if (!blankSoFar) {
        return true;
      }
    }
  }

  /**
   * Reads one field into the scratch buffer (for a retained column) and consumes its terminator.
   *
   * @return true if a comma followed (another field comes), false at the end of the record
   */
  private boolean readField() {
    // The first field is always scanned into the buffer: it decides whether the line is blank.
    boolean retained = fieldCount == 0 || (fieldCount < keep.length && keep[fieldCount]);
    scratchLen = 0;
    lastFieldQuoted = false;
    tabSkipped = false;
    char[] buf = src.chars;
    // Leading spaces and tabs are trimmed anyway; skipping them lets a quote follow them.
    while (true) {
      if (src.pos == src.limit && !src.fill(line)) {
        return false;
      }
      char c = buf[src.pos];
      if (c == '\t') {
        tabSkipped = true;
      } else if (c != ' ') {
        break;
      }
      src.pos++;
    }
    if (buf[src.pos] == '"') {
      src.pos++;
      lastFieldQuoted = true;
      if (!readQuoted(retained)) {
        badQuoting = true; // end of input inside quotes
        return false;
      }
      // After the closing quote: spaces, then a separator, else the quoting is bad.
      while (true) {
        if (src.pos == src.limit && !src.fill(line)) {
          return false;
        }
        char c = buf[src.pos];
        if (c == ' ' || c == '\t') {
          src.pos++;
        } else if (c == ',' || c == '\r' || c == '\n') {
          break;
        } else {
          badQuoting = true;
          break; // the rest up to the separator is read as unquoted text
        }
      }
    }
    return readUnquoted(retained);
  }

  /** Reads up to the next comma or line break, which it consumes; false unless it was a comma. */
  private boolean readUnquoted(boolean retained) {
    char[] buf = src.chars;
    while (true) {
      int start = src.pos;
      int end = src.limit;
      int i = start;
      while (i < end) {
        char c = buf[i];
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      if (retained) {
        append(buf, start, i - start);
      }
      src.pos = i;
      if (i < end) {
        char c = buf[i];
        src.pos = i + 1;
        if (c == ',') {
          return true;
        }
        endLine(c);
        return false;
      }
      if (!src.fill(line)) {
        return false;
      }
    }
  }

  /**
   * Reads a quoted section after its opening quote, through its closing quote.
   *
   * @return false if the input ended before the closing quote
   */
  private boolean readQuoted(boolean retained) {
    char[] buf = src.chars;
    while (true) {
      if (src.pos == src.limit && !src.fill(line)) {
        return false;
      }
      int start = src.pos;
      int end = src.limit;
      int i = start;
      while (i < end) {
        char c = buf[i];
        if (c == '"' || c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      if (retained) {
        append(buf, start, i - start);
      }
      src.pos = i;
      if (i == end) {
        continue;
      }
      char c = buf[i];
      src.pos = i + 1;
      if (c == '"') {
        if (src.pos == src.limit && !src.fill(line)) {
          return true;
        }
        if (buf[src.pos] != '"') {
          return true;
        }
        src.pos++; // a doubled quote stands for one quote
        if (retained) {
          appendChar('"');
        }
      } else {
        if (retained) {
          appendChar(c);
        }
        if (c == '\r') {
          line++;
          if ((src.pos < src.limit || src.fill(line)) && buf[src.pos] == '\n') {
            src.pos++;
            if (retained) {
              appendChar('\n');
            }
          }
        } else {
          line++;
        }
      }
    }
  }

  /** Counts the line break {@code c} just consumed, taking the LF of a CRLF with it. */
  private void endLine(char c) {
    line++;
    if (c == '\r' && (src.pos < src.limit || src.fill(line)) && src.chars[src.pos] == '\n') {
      src.pos++;
    }
  }

  private void append(char[] from, int start, int length) {
    int room = fieldCap + 1 - scratchLen;
    int n = Math.min(length, room);
    if (n > 0) {
      ensure(scratchLen + n);
      System.arraycopy(from, start, scratch, scratchLen, n);
      scratchLen += n;
    }
  }

  private void appendChar(char c) {
    if (scratchLen <= fieldCap) {
      ensure(scratchLen + 1);
      scratch[scratchLen++] = c;
    }
  }

  private void ensure(int capacity) {
    if (capacity > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(capacity, Math.min(2 * scratch.length, fieldCap + 1)));
    }
  }

  /**
   * Whether the field just read held nothing but spaces (or nothing at all): the skip before a
   * field takes every space and tab, so nothing else reached the scratch buffer.
   */
  private boolean onlySpaces() {
    return !tabSkipped && scratchLen == 0;
  }

  private String trimmedScratch() {
    int from = 0;
    int to = Math.min(scratchLen, fieldCap);
    while (from < to && isBlank(scratch[from])) {
      from++;
    }
    while (to > from && isBlank(scratch[to - 1])) {
      to--;
    }
    return from == to ? "" : new String(scratch, from, to - from);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}

package org.huzhu.ledger.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Reads the lines of one segment range with large positional reads into one reusable buffer, so
 * that framing costs a word-at-a-time LF search and no allocation per line.
 */
final class LineReader {
  /** {@link #next()} result: the range ended before another LF. */
  static final int NO_LINE = -1;

  /** {@link #next()} result: a line longer than the reader accepts. */
  static final int TOO_LONG = -2;

  private final Store store;
  private final String segment;
  private final long limit;
  private final int maxLine;
  byte[] buf;
  private int pos;
  private int end;
  private long base;
  private boolean drained;
  /** Start index in {@link #buf} of the line {@link #next()} returned. */
  int lineStart;

  LineReader(Store store, String segment, long start, long limit, int bufferSize, int maxLine) {
    this.store = store;
    this.segment = segment;
    this.limit = limit;
    this.maxLine = maxLine;
    this.buf = new byte[(int) Math.max(16, Math.min(bufferSize, Math.max(0, limit - start) + 8))];
    this.base = start;
  }

  /**
   * Advances to the next complete line and returns the index of its LF in {@link #buf}; its start
   * is {@link #lineStart}. Returns {@link #NO_LINE} at the end of the range (with
   * {@link #remaining()} bytes of an incomplete line left), or {@link #TOO_LONG}.
   */
  int next() throws IOException {
    int scanFrom = pos;
    while (true) {
      int lf = RecordCodec.indexOfLf(buf, scanFrom, end);
      if (lf >= 0) {
        lineStart = pos;
        pos = lf + 1;
        return lf;
      }
      if (drained) {
        return NO_LINE;
      }
      if (end - pos >= maxLine) {
        return TOO_LONG;
      }
      scanFrom = end - pos;
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, end - pos);
        base += pos;
        end -= pos;
        pos = 0;
      } else if (end == buf.length) {
        buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxLine + 16L));
      }
      scanFrom = Math.max(0, Math.min(scanFrom, end));
      fill();
    }
  }

  private void fill() throws IOException {
    long want = Math.min(buf.length - end, limit - (base + end));
    if (want <= 0) {
      drained = true;
      return;
    }
    int n = store.read(segment, base + end, ByteBuffer.wrap(buf, end, (int) want));
    if (n <= 0) {
      drained = true;
      return;
    }
    end += n;
  }

  /** Segment offset of {@code index} in {@link #buf}. */
  long offset(int index) {
    return base + index;
  }

  /** Segment offset where the next line starts. */
  long position() {
    return base + pos;
  }

  /** Bytes after the last complete line that the range holds (valid after {@link #NO_LINE}). */
  long remaining() {
    return end - pos;
  }

  /** Whether the bytes after the last complete line are all zeros (as some file systems leave). */
  boolean remainingIsZeros() {
    for (int i = pos; i < end; i++) {
      if (buf[i] != 0) {
        return false;
      }
    }
    return true;
  }
}

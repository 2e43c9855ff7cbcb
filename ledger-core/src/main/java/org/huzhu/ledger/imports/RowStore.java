package org.huzhu.ledger.imports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

/**
 * Holds a million sign-in rows in a few dozen bytes each and sorts them for import.
 *
 * <p>Design: each row is encoded once into 256 KiB byte chunks (ids as ASCII, free text as UTF-8,
 * check-out as seconds after check-in); its check-in instant sits in two primitive arrays beside
 * the row's address. Sorting permutes an {@code int[]} of row numbers with a stable merge sort on
 * (check-in instant, {@code signin_id}); stability gives file order for ties, since rows are added
 * in file order. A row costs its encoding (about 20 bytes plus its text) and 24 bytes of index (up to half
 * as much again while the arrays grow); at most 2 GiB of encoded rows are held;
 * objects exist only for the row being handed out.
 */
final class RowStore {
  // Chunks well under a G1 region: a 1 MiB array would be humongous and hold two regions.
  private static final int CHUNK_BITS = 18;
  /** Addresses are ints: chunk number above {@link #CHUNK_BITS}, offset below. */
  private static final int MAX_CHUNKS = 1 << (31 - CHUNK_BITS);
  private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK_SIZE - 1;
  /** More than the longest encoded row (ids of 64 ASCII bytes; activity, team and grid of 200 chars as UTF-8). */
  private static final int MAX_ROW_BYTES = 8192;

  private final ZoneId zone;
  private byte[][] chunks = new byte[8][];
  private int chunkCount;
  private byte[] cur;
  private int curPos;

  private long[] seconds = new long[1024];
  private int[] nanos = new int[1024];
  private int[] address = new int[1024];
  private int size;
  private int[] order;

  RowStore(ZoneId zone) {
    this.zone = zone;
  }

  int size() {
    return size;
  }

  /** Appends a row; rows must come in file order. */
  void add(SigninRow row) {
    if (size == seconds.length) {
      int grown = size + (size >> 1);
      seconds = Arrays.copyOf(seconds, grown);
      nanos = Arrays.copyOf(nanos, grown);
      address = Arrays.copyOf(address, grown);
    }
    if (cur == null || curPos + MAX_ROW_BYTES > CHUNK_SIZE) {
      if (chunkCount == MAX_CHUNKS) {
        throw new LedgerRefusal(
            Reason.BAD_FILE,
            "too many sign-ins to sort at once (" + size + " read); split the file");
      }
      if (chunkCount == chunks.length) {
        chunks = Arrays.copyOf(chunks, 2 * chunks.length);
      }
      cur = new byte[CHUNK_SIZE];
      chunks[chunkCount++] = cur;
      curPos = 0;
    }
    Instant in = row.checkIn().toInstant();
    seconds[size] = in.getEpochSecond();
    nanos[size] = in.getNano();
    address[size] = ((chunkCount - 1) << CHUNK_BITS) | curPos;
    size++;

    ascii(row.signinId());
    varint(row.line());
    varint(row.ordinal());
    ascii(row.memberId());
    text(row.activity());
    ascii(row.verifiedBy());
    if (row.checkOut() == null) {
      cur[curPos++] = 0;
    } else {
      cur[curPos++] = 1;
      Instant out = row.checkOut().toInstant();
      long delta = out.getEpochSecond() - in.getEpochSecond();
      varint((delta << 1) ^ (delta >> 63)); // zig-zag: a check-out may precede the check-in
      varint(out.getNano());
    }
    text(row.team());
    text(row.grid());
  }

  /** Sorts by (check-in instant, {@code signin_id}, file order). */
  void sort() {
    int[] a = new int[size];
    for (int i = 0; i < size; i++) {
      a[i] = i;
    }
    int[] tmp = new int[size];
    mergeSort(a, tmp, 0, size);
    order = a;
  }

  /** The {@code i}th row in sorted order (in file order before {@link #sort()}). */
  SigninRow get(int i) {
    int row = order == null ? i : order[i];
    int addr = address[row];
    Decoder d = new Decoder(chunks[addr >>> CHUNK_BITS], addr & CHUNK_MASK);
    String signinId = d.ascii();
    int line = (int) d.varint();
    int ordinal = (int) d.varint();
    String memberId = d.ascii();
    String activity = d.text();
    String verifiedBy = d.ascii();
    ZonedDateTime checkIn =
        ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds[row], nanos[row]), zone);
    ZonedDateTime checkOut = null;
    if (d.bytes[d.pos++] != 0) {
      long zz = d.varint();
      long delta = (zz >>> 1) ^ -(zz & 1);
      long nano = d.varint();
      checkOut = ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds[row] + delta, nano), zone);
    }
    String team = d.text();
    String grid = d.text();
    // The note was shown as the row was read (ReadListener.note) and is not kept.
    return new SigninRow(
        line, ordinal, signinId, memberId, activity, checkIn, checkOut, verifiedBy, team, grid, null);
  }

  private void mergeSort(int[] a, int[] tmp, int from, int to) {
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= from && compare(a[j], v) > 0) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid);
    mergeSort(a, tmp, mid, to);
    if (compare(a[mid - 1], a[mid]) <= 0) {
      return; // already in order: sheets are usually sorted by time
    }
    System.arraycopy(a, from, tmp, from, mid - from);
    int i = from;
    int j = mid;
    int k = from;
    while (i < mid && j < to) {
      // Taking from the left on ties keeps the sort stable.
      a[k++] = compare(tmp[i], a[j]) <= 0 ? tmp[i++] : a[j++];
    }
    while (i < mid) {
      a[k++] = tmp[i++];
    }
  }

  private int compare(int x, int y) {
    int c = Long.compare(seconds[x], seconds[y]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(nanos[x], nanos[y]);
    if (c != 0) {
      return c;
    }
    // signin_id is ASCII, so byte order is String.compareTo order.
    int ax = address[x];
    int ay = address[y];
    byte[] bx = chunks[ax >>> CHUNK_BITS];
    byte[] by = chunks[ay >>> CHUNK_BITS];
    int px = ax & CHUNK_MASK;
    int py = ay & CHUNK_MASK;
    return Arrays.compare(bx, px + 1, px + 1 + bx[px], by, py + 1, py + 1 + by[py]);
  }

  private void ascii(String s) {
    int n = s.length(); // at most 64 by the row's own validation
    cur[curPos++] = (byte) n;
    for (int i = 0; i < n; i++) {
      cur[curPos++] = (byte) s.charAt(i);
    }
  }

  private void text(String s) {
    if (s == null) {
      cur[curPos++] = 0;
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    varint(utf8.length + 1L);
    System.arraycopy(utf8, 0, cur, curPos, utf8.length);
    curPos += utf8.length;
  }

  private void varint(long v) {
    while ((v & ~0x7FL) != 0) {
      cur[curPos++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    cur[curPos++] = (byte) v;
  }

  /** Reads one encoded row. */
  private static final class Decoder {
    final byte[] bytes;
    int pos;

    Decoder(byte[] bytes, int pos) {
      this.bytes = bytes;
      this.pos = pos;
    }

    String ascii() {
      int n = bytes[pos++];
      String s = new String(bytes, pos, n, StandardCharsets.ISO_8859_1);
      pos += n;
      return s;
    }

    String text() {
      int n = (int) varint();
      if (n == 0) {
        return null;
      }
      String s = new String(bytes, pos, n - 1, StandardCharsets.UTF_8);
      pos += n - 1;
      return s;
    }

    long varint() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = bytes[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }
  }
}

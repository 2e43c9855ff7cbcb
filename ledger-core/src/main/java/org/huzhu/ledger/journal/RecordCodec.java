package org.huzhu.ledger.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Formats and verifies record lines. One instance per thread: it reuses its digest and buffers so
 * that verifying a record allocates nothing.
 *
 * <p>A line is {@code {"seq":N,"prev":"<hex>","end":E,"entry":<json>}} TAB {@code <hex>} LF, where
 * the second hex is the SHA-256 of every byte before the TAB and {@code end} is the sequence number
 * of the last record of the batch the record was appended with (see docs/journal-format.md).
 */
final class RecordCodec {
  static final String ZERO_HASH = "0".repeat(64);
  static final int HASH_HEX = 64;
  /** TAB + hash + LF after the closing brace. */
  static final int TRAILER = 1 + HASH_HEX + 1;

  private static final byte[] SEQ = bytes("{\"seq\":");
  private static final byte[] PREV = bytes(",\"prev\":\"");
  private static final byte[] END = bytes("\",\"end\":");
  private static final byte[] ENTRY = bytes(",\"entry\":");
  private static final byte[] HEX = bytes("0123456789abcdef");
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Outcome of {@link #parse}. */
  static final int OK = 0;

  static final int BAD = 1;

  private final MessageDigest sha256 = newSha256();
  private final byte[] digest = new byte[32];
  private final byte[] hex = new byte[HASH_HEX];

  // Fields of the last line parsed successfully.
  long seq;
  long end;
  int prevAt;
  int entryStart;
  int entryEnd;
  int hashAt;
  String problem;

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  static byte[] bytes(String ascii) {
    return ascii.getBytes(StandardCharsets.US_ASCII);
  }

  /** Lower-case hex of {@code data}. */
  static String hex(byte[] data) {
    byte[] out = new byte[data.length * 2];
    for (int i = 0; i < data.length; i++) {
      out[2 * i] = HEX[(data[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[data[i] & 0xf];
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  static boolean isHash(String s) {
    if (s == null || s.length() != HASH_HEX) {
      return false;
    }
    for (int i = 0; i < HASH_HEX; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static boolean isHex(byte[] b, int from) {
    for (int i = from; i < from + HASH_HEX; i++) {
      byte c = b[i];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** Rejects an entry that would break the line framing. */
  static void checkEntry(byte[] entryJson) {
    if (entryJson == null) {
      throw new NullPointerException("entryJson");
    }
    if (entryJson.length == 0) {
      throw new IllegalArgumentException("entryJson is empty");
    }
    int i = 0;
    // Eight bytes at a time while no TAB, LF or CR is near; the byte loop below names the index.
    for (; i + 8 <= entryJson.length; i += 8) {
      long w = (long) LONGS.get(entryJson, i);
      if ((zeroByte(w ^ 0x0909090909090909L) | zeroByte(w ^ 0x0A0A0A0A0A0A0A0AL)
              | zeroByte(w ^ 0x0D0D0D0D0D0D0D0DL)) != 0) {
        break;
      }
    }
    for (; i < entryJson.length; i++) {
      byte b = entryJson[i];
      if (b == '\t' || b == '\n' || b == '\r') {
        throw new IllegalArgumentException(
            "entryJson contains a TAB, CR or LF at index " + i + "; it must be compact JSON");
      }
    }
  }

  /** Upper bound of the bytes {@link #format} writes for an entry. */
  static int maxLineLength(int entryLength) {
    return SEQ.length + 19 + PREV.length + HASH_HEX + END.length + 19 + ENTRY.length
        + entryLength + 1 + TRAILER;
  }

  /**
   * Writes one line into {@code out} at {@code at} and the line's hash (hex) into {@code hashOut}.
   *
   * @return the index after the line's LF
   */
  int format(byte[] out, int at, long seq, byte[] prevHex, long end, byte[] entry, byte[] hashOut) {
    return format(out, at, seq, prevHex, end, entry, entry.length, hashOut);
  }

  /** {@link #format(byte[], int, long, byte[], long, byte[], byte[])} of {@code entry[0, entryLength)}. */
  int format(byte[] out, int at, long seq, byte[] prevHex, long end, byte[] entry, int entryLength, byte[] hashOut) {
    int start = at;
    at = put(out, at, SEQ);
    at = putLong(out, at, seq);
    at = put(out, at, PREV);
    System.arraycopy(prevHex, 0, out, at, HASH_HEX);
    at += HASH_HEX;
    at = put(out, at, END);
    at = putLong(out, at, end);
    at = put(out, at, ENTRY);
    System.arraycopy(entry, 0, out, at, entryLength);
    at += entryLength;
    out[at++] = '}';
    hashInto(out, start, at, hashOut, 0);
    out[at++] = '\t';
    System.arraycopy(hashOut, 0, out, at, HASH_HEX);
    at += HASH_HEX;
    out[at++] = '\n';
    return at;
  }

  /** SHA-256 of {@code b[from, to)} as hex into {@code out[outAt, outAt+64)}. */
  void hashInto(byte[] b, int from, int to, byte[] out, int outAt) {
    sha256.update(b, from, to - from);
    try {
      sha256.digest(digest, 0, 32);
    } catch (java.security.DigestException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < 32; i++) {
      out[outAt + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[outAt + 2 * i + 1] = HEX[digest[i] & 0xf];
    }
  }

  /** Bytes enough to hold the start of a record line up to the comma after its seq. */
  static final int SEQ_PREFIX = 32;

  /**
   * The seq a record line starting at {@code b[from]} names, reading no further than {@code to},
   * or -1 when it does not start like a record. Checks nothing else: a hint for finding a record.
   */
  static long seqOf(byte[] b, int from, int to) {
    if (to - from < SEQ.length + 2 || !at(b, from, SEQ)) {
      return -1;
    }
    long s = 0;
    int at = from + SEQ.length;
    int digits = 0;
    while (at < to && b[at] >= '0' && b[at] <= '9' && digits < 18) {
      s = s * 10 + (b[at++] - '0');
      digits++;
    }
    return digits > 0 && at < to && b[at] == ',' ? s : -1;
  }

  /**
   * Parses and hash-checks the line {@code b[start, lf]} ({@code b[lf]} is the LF). On {@link #OK}
   * the fields describe it; on {@link #BAD}, {@link #problem} says why. The chain, including
   * whether {@code prev} is hex where no previous hash is known to compare it with, is the
   * caller's.
   */
  int parse(byte[] b, int start, int lf) {
    return parse(b, start, lf, true);
  }

  /**
   * As {@link #parse(byte[], int, int)}; without {@code checkHash}, the hash after the TAB is taken
   * as written (it must still be 64 lower-case hex digits), for lines this process has checked.
   */
  int parse(byte[] b, int start, int lf, boolean checkHash) {
    int tab = lf - HASH_HEX - 1;
    int at = start;
    if (tab - start < SEQ.length + 1 + PREV.length + HASH_HEX + END.length + 1 + ENTRY.length + 2
        || !at(b, at, SEQ)) {
      return bad("not a record line");
    }
    at += SEQ.length;
    long s = 0;
    int digits = 0;
    while (at < tab && b[at] >= '0' && b[at] <= '9' && digits < 18) {
      s = s * 10 + (b[at++] - '0');
      digits++;
    }
    if (digits == 0 || s == 0 || (digits > 1 && b[at - digits] == '0') || !at(b, at, PREV)) {
      return bad("malformed seq");
    }
    at += PREV.length;
    int prev = at;
    at += HASH_HEX;
    if (at >= tab || !at(b, at, END)) {
      return bad("malformed prev");
    }
    at += END.length;
    long e = 0;
    digits = 0;
    while (at < tab && b[at] >= '0' && b[at] <= '9' && digits < 18) {
      e = e * 10 + (b[at++] - '0');
      digits++;
    }
    if (digits == 0 || (digits > 1 && b[at - digits] == '0') || !at(b, at, ENTRY)) {
      return bad("malformed end");
    }
    at += ENTRY.length;
    if (b[tab] != '\t' || b[tab - 1] != '}' || at >= tab - 1) {
      return bad("malformed entry or trailer");
    }
    if (checkHash) {
      hashInto(b, start, tab, hex, 0);
      if (!Arrays.equals(hex, 0, HASH_HEX, b, tab + 1, lf)) {
        return bad("hash does not match the record's bytes");
      }
    } else if (!isHex(b, tab + 1)) {
      return bad("hash is not 64 lower-case hex digits");
    }
    seq = s;
    end = e;
    prevAt = prev;
    entryStart = at;
    entryEnd = tab - 1;
    hashAt = tab + 1;
    problem = null;
    return OK;
  }

  private int bad(String why) {
    problem = why;
    return BAD;
  }

  private static boolean at(byte[] b, int at, byte[] expected) {
    return Arrays.equals(b, at, at + expected.length, expected, 0, expected.length);
  }

  private static int put(byte[] out, int at, byte[] src) {
    System.arraycopy(src, 0, out, at, src.length);
    return at + src.length;
  }

  private static int putLong(byte[] out, int at, long v) {
    int len = 1;
    for (long t = v; t >= 10; t /= 10) {
      len++;
    }
    for (int i = at + len - 1; i >= at; i--) {
      out[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return at + len;
  }

  /** Nonzero when some byte of {@code w} is zero (exact for any zero byte, the classic trick). */
  private static long zeroByte(long w) {
    return (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
  }

  /** Index of the first LF in {@code b[from, to)}, or -1; eight bytes at a time. */
  static int indexOfLf(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long w = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
      long t = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}

package org.huzhu.ledger.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The checkpoint file: one ASCII header line, then the state bytes.
 *
 * <pre>huzhu-checkpoint 1 &lt;seq&gt; &lt;hash&gt; &lt;state length&gt; &lt;state sha256&gt; &lt;header sha256&gt; LF</pre>
 *
 * <p>The last field hashes the header before it, so that a flipped byte anywhere in the file is
 * caught: in the header by that field, in the state by the state's hash and length.
 */
final class CheckpointCodec {
  static final String MAGIC = "huzhu-checkpoint";
  static final String VERSION = "1";
  static final int MAX_HEADER = 512;

  private CheckpointCodec() {}

  static byte[] encode(long seq, String hash, byte[] state) {
    byte[] header = headerFor(seq, hash, ByteBuffer.wrap(state));
    byte[] out = Arrays.copyOf(header, header.length + state.length);
    System.arraycopy(state, 0, out, header.length, state.length);
    return out;
  }

  /** The header line that goes before {@code state} (its remaining bytes; not consumed). */
  static byte[] headerFor(long seq, String hash, ByteBuffer state) {
    MessageDigest sha = RecordCodec.newSha256();
    sha.update(state.duplicate());
    return headerFor(seq, hash, state.remaining(), sha.digest());
  }

  /** The header line for a state of {@code length} bytes whose SHA-256 is {@code stateSha}. */
  static byte[] headerFor(long seq, String hash, long length, byte[] stateSha) {
    String head = MAGIC + " " + VERSION + " " + seq + " " + hash + " " + length + " " + RecordCodec.hex(stateSha);
    String headerSha =
        RecordCodec.hex(RecordCodec.newSha256().digest(head.getBytes(StandardCharsets.US_ASCII)));
    return (head + " " + headerSha + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Decodes a checkpoint file; a failed check yields a checkpoint with {@code damage} set. */
  static Checkpoint decode(long nameSeq, String file, ByteBuffer content) {
    return read(nameSeq, file, content, true);
  }

  /**
   * Reads only the header: the seq and record hash it names, with an empty state that is neither
   * read nor checked. Damage to the header itself is reported as {@link #decode} does.
   */
  static Checkpoint header(long nameSeq, String file, ByteBuffer content) {
    return read(nameSeq, file, content, false);
  }

  private static Checkpoint read(long nameSeq, String file, ByteBuffer content, boolean state) {
    int size = content.remaining();
    int base = content.position();
    int lf = -1;
    for (int i = 0; i < Math.min(size, MAX_HEADER); i++) {
      if (content.get(base + i) == '\n') {
        lf = i;
        break;
      }
    }
    if (lf < 0) {
      return damaged(nameSeq, null, file, "no header line");
    }
    byte[] headerBytes = new byte[lf];
    content.get(base, headerBytes);
    String header = new String(headerBytes, StandardCharsets.US_ASCII);
    String[] f = header.split(" ", -1);
    if (f.length != 7 || !MAGIC.equals(f[0])) {
      return damaged(nameSeq, null, file, "not a checkpoint header");
    }
    if (!VERSION.equals(f[1])) {
      return damaged(nameSeq, null, file, "unknown checkpoint format version " + f[1]);
    }
    String headerSha = f[6];
    String head = header.substring(0, header.length() - headerSha.length() - 1);
    MessageDigest sha = RecordCodec.newSha256();
    if (!RecordCodec.hex(sha.digest(head.getBytes(StandardCharsets.US_ASCII))).equals(headerSha)) {
      return damaged(nameSeq, null, file, "header does not match its hash");
    }
    long seq;
    long length;
    try {
      seq = Long.parseLong(f[2]);
      length = Long.parseLong(f[4]);
    } catch (NumberFormatException e) {
      return damaged(nameSeq, null, file, "malformed seq or length");
    }
    String hash = f[3];
    if (seq != nameSeq) {
      return damaged(nameSeq, null, file, "header says seq " + seq + " but the file name says " + nameSeq);
    }
    if (seq < 0 || !RecordCodec.isHash(hash) || !RecordCodec.isHash(f[5])) {
      return damaged(nameSeq, null, file, "malformed header fields");
    }
    if (length != size - lf - 1L) {
      return damaged(
          nameSeq, hash, file,
          "state is " + (size - lf - 1L) + " bytes but the header says " + length);
    }
    if (!state) {
      return new Checkpoint(seq, hash, ByteBuffer.allocate(0), file, null);
    }
    ByteBuffer bytes = content.slice(base + lf + 1, size - lf - 1);
    sha.update(bytes.duplicate());
    if (!RecordCodec.hex(sha.digest()).equals(f[5])) {
      return damaged(nameSeq, hash, file, "state does not match its hash");
    }
    return new Checkpoint(seq, hash, bytes, file, null);
  }

  private static Checkpoint damaged(long seq, String hash, String file, String why) {
    return new Checkpoint(seq, hash, ByteBuffer.allocate(0), file, why);
  }
}

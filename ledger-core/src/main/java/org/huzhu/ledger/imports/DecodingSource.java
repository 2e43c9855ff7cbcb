package org.huzhu.ledger.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

/**
 * Decodes a file into a window of characters, hashing the raw bytes in the same pass.
 *
 * <p>Readers scan {@link #chars} between {@link #pos} and {@link #limit} directly (no virtual call
 * per character) and call {@link #fill(int)} when the window is used up. Undecodable bytes are not
 * reported when the decoder meets them but only once every character before them has been consumed,
 * so the caller's line count at that moment is the line of the bad bytes.
 */
final class DecodingSource implements AutoCloseable {
  private static final int BYTE_BUFFER = 1 << 16;
  private static final int CHAR_BUFFER = 1 << 16;

  private final String fileName;
  private final Charset charset;
  private final InputStream in;
  private final CharsetDecoder decoder;
  private final MessageDigest sha256;
  private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER);
  private final CharBuffer out;

  /** The decoded window; valid between {@link #pos} and {@link #limit}. */
  final char[] chars = new char[CHAR_BUFFER];

  /** Next unread character in {@link #chars}. */
  int pos;

  /** End of the decoded characters in {@link #chars}. */
  int limit;

  private long bytesRead;
  private boolean endOfBytes;
  private boolean flushed;
  private boolean invalidBytesAhead;
  private boolean firstWindow = true;
  private String digestHex;

  private DecodingSource(String fileName, Charset charset, InputStream in) {
    this.fileName = fileName;
    this.charset = charset;
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
    this.out = CharBuffer.wrap(chars);
    bytes.flip(); // empty, in read mode
  }

  /**
   * Opens {@code file}; an unreadable file is refused as {@code bad-file}.
   *
   * @throws LedgerRefusal if the file cannot be opened
   */
  static DecodingSource open(Path file, Charset charset) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(charset, "charset");
    try {
      return new DecodingSource(file.toString(), charset, Files.newInputStream(file));
    } catch (IOException e) {
      throw unreadable(file.toString(), e);
    }
  }

  /** A source over an already open stream (tests); the stream is closed with the source. */
  static DecodingSource of(String fileName, Charset charset, InputStream in) {
    return new DecodingSource(fileName, charset, in);
  }

  String fileName() {
    return fileName;
  }

  /** Raw bytes read from the file so far (ahead of the characters consumed by up to 64 KiB). */
  long bytesRead() {
    return bytesRead;
  }

  /**
   * Makes at least one character available unless the input is exhausted.
   *
   * @param line the caller's current physical line, named if the next bytes are invalid
   * @return false at the end of the input
   * @throws LedgerRefusal ({@code bad-file}) if the next bytes are invalid in the charset, or the
   *     file cannot be read
   */
  boolean fill(int line) {
    if (pos < limit) {
      return true;
    }
    pos = 0;
    limit = 0;
    while (true) {
      if (invalidBytesAhead) {
        throw new LedgerRefusal(
            Reason.BAD_FILE,
            String.format(
                Locale.ROOT,
                charset.equals(java.nio.charset.StandardCharsets.UTF_8)
                    ? "%s: line %d: bytes invalid in %s; pass --encoding (e.g. GB18030)"
                    : "%s: line %d: bytes invalid in %s; is the file in another encoding (--encoding)?",
                fileName,
                line,
                charset.name()));
      }
      if (flushed) {
        return false;
      }
      out.clear();
      CoderResult result = decoder.decode(bytes, out, endOfBytes);
      if (result.isError()) {
        invalidBytesAhead = true;
      } else if (result.isUnderflow()) {
        if (endOfBytes) {
          result = decoder.flush(out);
          if (result.isError()) {
            invalidBytesAhead = true;
          } else if (result.isUnderflow()) {
            flushed = true;
          }
        } else {
          readBytes();
        }
      }
      limit = out.position();
      if (firstWindow && limit > 0) {
        firstWindow = false;
        // A byte order mark is an encoding artefact, not text (UTF-16 decoders drop it themselves).
        if (chars[0] == '\uFEFF') {
          pos = 1;
        }
      }
      if (pos < limit) {
        return true;
      }
    }
  }

  private void readBytes() {
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        endOfBytes = true;
      } else {
        sha256.update(bytes.array(), bytes.position(), n);
        bytes.position(bytes.position() + n);
        bytesRead += n;
      }
    } catch (IOException e) {
      throw unreadable(fileName, e);
    } finally {
      bytes.flip();
    }
  }

  /**
   * SHA-256 of every byte of the file, in lower-case hex.
   *
   * @throws IllegalStateException before the whole file was read
   */
  String sha256Hex() {
    if (!endOfBytes) {
      throw new IllegalStateException(fileName + ": SHA-256 is known only once the file is read");
    }
    if (digestHex == null) {
      digestHex = HexFormat.of().formatHex(sha256.digest());
    }
    return digestHex;
  }

  boolean fullyRead() {
    return endOfBytes;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LedgerRefusal unreadable(String fileName, IOException e) {
    if (e instanceof java.nio.file.FileSystemException) {
      return new LedgerRefusal(Reason.BAD_FILE, FileProblems.describe(e)); // names the file itself
    }
    return new LedgerRefusal(Reason.BAD_FILE, fileName + ": cannot read the file: " + FileProblems.describe(e));
  }
}

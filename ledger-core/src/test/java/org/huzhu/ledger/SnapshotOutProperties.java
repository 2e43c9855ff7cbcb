package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The snapshot writer writes exactly what {@link DataOutputStream} writes, so snapshots keep their
 * bytes (the audit compares a checkpoint with the state it rebuilds, byte for byte).
 */
class SnapshotOutProperties {

  @Property(tries = 300)
  void writesWhatADataOutputStreamWrites(
      @ForAll List<String> texts, @ForAll List<Long> longs, @ForAll int i, @ForAll byte b, @ForAll boolean flag)
      throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(expected);
    StateCodec.SnapshotOut out = new StateCodec.SnapshotOut(1);
    for (String t : texts) {
      if (t.length() > 20_000) {
        continue;
      }
      data.writeUTF(t);
      out.writeUTF(t);
      data.writeInt(i);
      out.writeInt(i);
    }
    for (long l : longs) {
      data.writeLong(l);
      out.writeLong(l);
    }
    data.writeByte(b);
    out.writeByte(b);
    data.writeBoolean(flag);
    out.writeBoolean(flag);
    data.write(new byte[] {1, 2, 3});
    out.write(new byte[] {1, 2, 3});
    data.flush();
    assertEquals(ByteBuffer.wrap(expected.toByteArray()), out.view());
  }

  /** Writes the same values to {@code out} each time: a stand-in for encoding one state. */
  private static void writeAll(StateCodec.SnapshotOut out, List<String> texts, List<Long> longs) throws IOException {
    for (String t : texts) {
      if (t.length() <= 20_000) {
        out.writeUTF(t);
      }
    }
    for (long l : longs) {
      out.writeLong(l);
    }
  }

  @Property(tries = 100)
  void comparingMatchesItsOwnBytesAndNothingElse(
      @ForAll List<String> texts,
      @ForAll @net.jqwik.api.constraints.Size(max = 30_000) List<Long> longs,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1_000_000) int where,
      @ForAll byte delta)
      throws IOException {
    StateCodec.SnapshotOut plain = new StateCodec.SnapshotOut(1);
    writeAll(plain, texts, longs);
    ByteBuffer bytes = plain.view();
    int n = bytes.remaining();

    StateCodec.SnapshotOut same = new StateCodec.SnapshotOut(bytes.duplicate());
    writeAll(same, texts, longs);
    assertEquals(true, same.matchesToTheEnd(), "its own bytes");

    if (n > 0 && delta != 0) {
      byte[] changed = new byte[n];
      bytes.duplicate().get(changed);
      changed[where % n] += delta;
      StateCodec.SnapshotOut other = new StateCodec.SnapshotOut(ByteBuffer.wrap(changed));
      writeAll(other, texts, longs);
      assertEquals(false, other.matchesToTheEnd(), "a byte changed at " + where % n);

      StateCodec.SnapshotOut shorter = new StateCodec.SnapshotOut(ByteBuffer.wrap(changed, 0, where % n));
      writeAll(shorter, texts, longs);
      assertEquals(false, shorter.matchesToTheEnd(), "cut at " + where % n);
    }
    byte[] longer = java.util.Arrays.copyOf(new byte[n], n + 1);
    bytes.duplicate().get(longer, 0, n);
    StateCodec.SnapshotOut extended = new StateCodec.SnapshotOut(ByteBuffer.wrap(longer));
    writeAll(extended, texts, longs);
    assertEquals(false, extended.matchesToTheEnd(), "a byte after the end");
  }

  @net.jqwik.api.Example
  void aSinkThatFailsFailsTheEncodingWithItsOwnError() {
    IOException full = new IOException("no space left on device");
    java.io.OutputStream failing =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw full;
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw full;
          }
        };
    // a small state goes out whole in the last window, which must fail the same way
    IOException thrown =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class, () -> StateCodec.encodeTo(new LedgerState(), failing));
    assertEquals(full, thrown);
  }
}

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
}

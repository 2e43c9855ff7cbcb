package org.huzhu.ledger.journal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** A {@link Store} in memory. Synchronized: reads are copies taken under the monitor. */
final class MemoryStore implements Store {
  private final TreeMap<String, byte[]> segments = new TreeMap<>();
  private final TreeMap<String, Integer> sizes = new TreeMap<>();
  private final TreeMap<String, byte[]> checkpoints = new TreeMap<>();

  @Override
  public synchronized List<String> segments() {
    return new ArrayList<>(segments.keySet());
  }

  @Override
  public synchronized long size(String segment) {
    return sizeOf(segment);
  }

  private int sizeOf(String segment) {
    Integer size = sizes.get(segment);
    if (size == null) {
      throw new IllegalArgumentException("no segment " + segment);
    }
    return size;
  }

  @Override
  public synchronized int read(String segment, long position, ByteBuffer dst) {
    int size = sizeOf(segment);
    if (position >= size) {
      return 0;
    }
    int n = (int) Math.min(dst.remaining(), size - position);
    dst.put(segments.get(segment), (int) position, n);
    return n;
  }

  @Override
  public Scratch scratch() {
    return new Scratch() {
      private static final int CHUNK = 1 << 20;
      private final List<byte[]> chunks = new ArrayList<>();
      private long size;

      @Override
      public void append(ByteBuffer src) {
        while (src.hasRemaining()) {
          int in = (int) (size % CHUNK);
          if (in == 0) {
            chunks.add(new byte[CHUNK]);
          }
          int n = Math.min(src.remaining(), CHUNK - in);
          src.get(chunks.get(chunks.size() - 1), in, n);
          size += n;
        }
      }

      @Override
      public int read(long position, ByteBuffer dst) {
        int n = 0;
        while (dst.hasRemaining() && position < size) {
          int in = (int) (position % CHUNK);
          int take = (int) Math.min(Math.min(dst.remaining(), CHUNK - in), size - position);
          dst.put(chunks.get((int) (position / CHUNK)), in, take);
          position += take;
          n += take;
        }
        return n;
      }

      @Override
      public void close() {
        chunks.clear();
      }
    };
  }

  @Override
  public synchronized void create(String segment) {
    if (segments.containsKey(segment)) {
      throw new IllegalStateException("segment exists: " + segment);
    }
    segments.put(segment, new byte[1 << 12]);
    sizes.put(segment, 0);
  }

  @Override
  public synchronized void write(String segment, long position, ByteBuffer src) {
    writeAndForce(segment, position, src);
  }

  @Override
  public synchronized void writeAndForce(String segment, long position, ByteBuffer src) {
    int size = sizeOf(segment);
    if (position != size) {
      throw new IllegalStateException("write at " + position + " but segment has " + size);
    }
    int n = src.remaining();
    byte[] data = segments.get(segment);
    if (size + n > data.length) {
      long grown = Math.max((long) data.length * 2, (long) size + n);
      if (grown > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("in-memory segment too large");
      }
      data = Arrays.copyOf(data, (int) grown);
      segments.put(segment, data);
    }
    src.get(data, size, n);
    sizes.put(segment, size + n);
  }

  @Override
  public synchronized void truncate(String segment, long size) {
    if (size > sizeOf(segment)) {
      throw new IllegalArgumentException("cannot grow by truncating");
    }
    sizes.put(segment, (int) size);
  }

  @Override
  public synchronized List<String> checkpoints() {
    return new ArrayList<>(checkpoints.keySet());
  }

  @Override
  public synchronized ByteBuffer readCheckpoint(String name) {
    byte[] content = checkpoints.get(name);
    if (content == null) {
      throw new IllegalArgumentException("no checkpoint " + name);
    }
    return ByteBuffer.wrap(content.clone()).asReadOnlyBuffer();
  }

  @Override
  public synchronized void writeCheckpoint(String name, ByteBuffer header, ByteBuffer state) {
    byte[] content = new byte[header.remaining() + state.remaining()];
    header.get(content, 0, header.remaining());
    state.get(content, content.length - state.remaining(), state.remaining());
    checkpoints.put(name, content);
  }

  @Override
  public synchronized void deleteCheckpoint(String name) {
    checkpoints.remove(name);
  }

  /** Test hook: the bytes of a segment, as a file would hold them. */
  synchronized byte[] segmentBytes(String segment) {
    return Arrays.copyOf(segments.get(segment), sizeOf(segment));
  }

  @Override
  public String describe() {
    return "memory";
  }

  @Override
  public void close() {}
}

package org.huzhu.ledger.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Where a journal's bytes live: named segments and named checkpoints. The journal logic above it is
 * the same for files and for memory, so both produce the same bytes.
 *
 * <p>Reads may run on any thread concurrently with the single writer.
 */
interface Store extends AutoCloseable {

  /** Segment names in ascending order. */
  List<String> segments() throws IOException;

  long size(String segment) throws IOException;

  /** Fills {@code dst} from {@code position} until it is full or the segment ends; returns bytes read. */
  int read(String segment, long position, ByteBuffer dst) throws IOException;

  /** Creates an empty segment, durably (the name survives a crash). */
  void create(String segment) throws IOException;

  /**
   * Writes all of {@code src} at {@code position} without forcing it; a later {@link
   * #writeAndForce} on the same segment makes both durable.
   */
  void write(String segment, long position, ByteBuffer src) throws IOException;

  /** Writes all of {@code src} at {@code position} and makes it durable. */
  void writeAndForce(String segment, long position, ByteBuffer src) throws IOException;

  /** Cuts the segment to {@code size} bytes, durably. */
  void truncate(String segment, long size) throws IOException;

  /** Checkpoint names in ascending order. */
  List<String> checkpoints() throws IOException;

  /**
   * A checkpoint's bytes, read-only. A file store maps the file rather than copying it onto the
   * heap: a large ledger's snapshot is hundreds of megabytes, read once.
   */
  ByteBuffer readCheckpoint(String name) throws IOException;

  /** Replaces or creates a checkpoint atomically and durably. */
  void writeCheckpoint(String name, ByteBuffer header, ByteBuffer state) throws IOException;

  /**
   * As {@link #writeCheckpoint(String, ByteBuffer, ByteBuffer)}, for a state written as it is made;
   * the header, which names the state's length and hash, is made once the state is complete.
   */
  default void writeCheckpoint(String name, long seq, String hash, Journal.SnapshotWriter state)
      throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    state.writeTo(out);
    ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray());
    writeCheckpoint(name, ByteBuffer.wrap(CheckpointCodec.headerFor(seq, hash, bytes)), bytes);
  }

  void deleteCheckpoint(String name) throws IOException;

  /**
   * A scratch area for the writer to set a large batch aside before appending it; its content is
   * never part of the journal and is gone once closed (or, after a crash, when a writer opens).
   */
  Scratch scratch() throws IOException;

  /** Bytes written one after another and read back by position. */
  interface Scratch extends AutoCloseable {
    void append(ByteBuffer src) throws IOException;

    /** Fills {@code dst} from {@code position} until it is full or the content ends; returns bytes read. */
    int read(long position, ByteBuffer dst) throws IOException;

    @Override
    void close();
  }

  /**
   * Whether a writer is appending to this store right now: one in this process, or another process
   * that holds the lock. A reader asks with a shared lock held for the moment of the question,
   * never with the number the lock file names (it outlives its writer).
   */
  default boolean writerAlive() {
    return false;
  }

  /** A name for messages: the directory, or "memory". */
  String describe();

  @Override
  void close();
}

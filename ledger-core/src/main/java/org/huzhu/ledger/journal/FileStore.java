package org.huzhu.ledger.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.huzhu.ledger.LedgerStorageException;

/**
 * A {@link Store} in a directory: {@code segments/}, {@code checkpoints/} and the writer's
 * {@code lock} file. A reader opens files read-only and never creates anything.
 */
final class FileStore implements Store {
  static final String SEGMENTS = "segments";
  static final String CHECKPOINTS = "checkpoints";
  static final String SCRATCH = "batch.scratch";
  private static final int WRITE_SLICE = 1 << 20;
  /**
   * Bytes kept written ahead of the active segment's content. Forcing an append that fits in them
   * changes no file size or block map, so {@code fdatasync} flushes the data alone: measured here,
   * forced 200-byte appends ran at about 1.4 times the rate of appends that grow the file.
   */
  static final int RESERVE = 1 << 20;
  /**
   * What the reserve is written with: a space, which no record ends with (records end with a line
   * feed). Not a zero byte: zeros are what a lost or wiped write leaves, and records wiped to zeros
   * must read as damage, never as space reserved.
   */
  static final byte FILLER = ' ';
  private static final int TRIM_BLOCK = 64 << 10;
  static final String LOCK = "lock";

  /**
   * Directories locked by this JVM. POSIX record locks belong to the process, and closing any
   * channel on the lock file releases them, so a second writer in the same JVM must be turned away
   * before it opens the lock file at all. Besides the caches of values that entries repeat (days,
   * names, accounts; bounded, and never part of any answer), this is the only JVM-wide state, and
   * it exists for that.
   */
  private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();
  private static final Object PROBES = new Object();

  private final Path dir;
  private final Path segments;
  private final Path checkpoints;
  private final boolean writer;
  private Path lockKey;
  private FileChannel lockChannel;
  private FileLock lock;
  /** The locked file's identity (device and inode), or null where the system gives none. */
  private Object lockFileKey;
  /** The segment being appended to, and where its content ends; read by readers on any thread. */
  private volatile Active appending;
  private FileChannel active;
  /** The active segment's size with the room reserved after its content; the writer's alone. */
  private long activeReserved;
  private static final int LOCK_TRIES = 10;
  /** Where the active segment's content ended at this writer's last force. */
  private long forcedEnd;
  /** Appends forced by this writer. */
  private long forced;
  /** The append at which writing room last failed (a full disk), or none. */
  private long roomRefusedAt = Long.MIN_VALUE / 2;
  /** Appends forced without room after writing it failed, before it is tried again. */
  private static final long ROOM_RETRY = 1000;

  private record Active(String segment, long end) {}

  private FileStore(Path dir, boolean writer) {
    this.dir = dir;
    this.segments = dir.resolve(SEGMENTS);
    this.checkpoints = dir.resolve(CHECKPOINTS);
    this.writer = writer;
  }

  /**
   * Whether {@code dir} holds a journal: its segments, or checkpoints of one whose segments are
   * gone (the audit then reports what is missing rather than finding no ledger at all). A
   * {@code checkpoints/} folder of something else's files is not a journal.
   */
  static boolean exists(Path dir) {
    if (Files.isDirectory(dir.resolve(SEGMENTS))) {
      return true;
    }
    try {
      return list(dir.resolve(CHECKPOINTS), ".ckpt").stream().anyMatch(FileStore::isCheckpointName);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code name} is that of a checkpoint file: its seq in 20 digits. */
  static boolean isCheckpointName(String name) {
    return name.length() == 25 && name.endsWith(".ckpt") && name.chars().limit(20).allMatch(c -> c >= '0' && c <= '9');
  }

  /** Makes the directories of an empty journal, durably. */
  static void initialize(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.createDirectories(dir.resolve(SEGMENTS));
    Files.createDirectories(dir.resolve(CHECKPOINTS));
    forceDirectory(dir.resolve(SEGMENTS));
    forceDirectory(dir.resolve(CHECKPOINTS));
    forceDirectory(dir);
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      forceDirectory(parent);
    }
  }

  static FileStore openReader(Path dir) {
    requireJournal(dir);
    return new FileStore(dir, false);
  }

  static FileStore openWriter(Path dir) {
    requireJournal(dir);
    if (!Files.isDirectory(dir.resolve(SEGMENTS))) {
      // never append to a journal whose records are gone: seq 1 would follow a history that existed
      throw new LedgerStorageException("the ledger at " + dir + " has lost its " + SEGMENTS + " directory", null);
    }
    FileStore store = new FileStore(dir, true);
    store.lock();
    try {
      // checkpoints are only a cache of the state: a missing directory is made again, empty
      Files.createDirectories(store.checkpoints);
    } catch (IOException e) {
      store.close();
      throw new LedgerStorageException("cannot make " + store.checkpoints, e);
    }
    try {
      // Left by a writer that stopped in the middle of a large batch; never part of the journal.
      Files.deleteIfExists(dir.resolve(SCRATCH));
    } catch (IOException e) {
      store.close();
      throw new LedgerStorageException("cannot remove " + dir.resolve(SCRATCH), e);
    }
    return store;
  }

  private static void requireJournal(Path dir) {
    if (!exists(dir)) {
      throw new LedgerStorageException("no ledger at " + dir, null);
    }
  }

  private void lock() {
    Path key;
    try {
      key = dir.toRealPath();
    } catch (IOException e) {
      throw new LedgerStorageException("cannot resolve ledger directory " + dir, e);
    }
    // A reader's probe of whether a writer is alive claims the path for a moment: a few tries.
    for (int attempt = 0; !LOCKED_HERE.add(key); attempt++) {
      if (attempt + 1 >= LOCK_TRIES) {
        throw heldBy(String.valueOf(ProcessHandle.current().pid()), null);
      }
      pause();
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              dir.resolve(LOCK),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock acquired = null;
      try {
        // A reader asking whether a writer is alive holds a shared lock for a moment: a few tries.
        for (int attempt = 0; acquired == null && attempt < LOCK_TRIES; attempt++) {
          if (attempt > 0) {
            pause();
          }
          acquired = channel.tryLock();
        }
      } catch (OverlappingFileLockException e) {
        throw heldBy(String.valueOf(ProcessHandle.current().pid()), e);
      }
      if (acquired == null) {
        throw heldBy(holder(channel), null);
      }
      // The PID is only for the message another writer shows; a stale one is harmless.
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
      lockFileKey = lockFileKeyNow();
      lockChannel = channel;
      lock = acquired;
      lockKey = key;
    } catch (IOException e) {
      closeQuietly(channel);
      LOCKED_HERE.remove(key);
      throw new LedgerStorageException("cannot lock ledger at " + dir, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      LOCKED_HERE.remove(key);
      throw e;
    }
  }

  private void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LedgerStorageException("interrupted while locking ledger at " + dir, e);
    }
  }

  private LedgerStorageException heldBy(String pid, Throwable cause) {
    return new LedgerStorageException(
        "ledger at " + dir + " is held by another writer (process " + pid + ")", cause);
  }

  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(32);
      channel.read(buf, 0);
      String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
      return text.matches("[0-9]{1,19}") ? text : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public List<String> segments() throws IOException {
    return list(segments, "");
  }

  private static List<String> list(Path dir, String suffix) throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return names; // a reader reports what is missing; it never makes it
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (name.endsWith(suffix)) {
          names.add(name);
        }
      }
    }
    Collections.sort(names);
    return names;
  }

  /**
   * The segment's content: its bytes up to the last one that is not a {@link #FILLER}. Records are
   * lines, so spaces after the last line are room a writer reserved (or a crash left), never content.
   */
  @Override
  public long size(String segment) throws IOException {
    Active a = appending;
    if (a != null && a.segment().equals(segment)) {
      return a.end();
    }
    try (FileChannel ch = FileChannel.open(segments.resolve(segment), StandardOpenOption.READ)) {
      return contentSize(ch);
    }
  }

  /** The position after the last byte of {@code ch} that is not a {@link #FILLER}, or 0. */
  static long contentSize(FileChannel ch) throws IOException {
    long end = ch.size();
    ByteBuffer block = ByteBuffer.allocate(TRIM_BLOCK);
    while (end > 0) {
      long from = Math.max(0, end - TRIM_BLOCK);
      block.clear().limit((int) (end - from));
      int n = readFully(ch, from, block);
      for (int i = n - 1; i >= 0; i--) {
        if (block.get(i) != FILLER) {
          return from + i + 1;
        }
      }
      if (n < end - from) {
        end = from + n; // the file shrank while it was read
      } else {
        end = from;
      }
    }
    return 0;
  }

  @Override
  public int read(String segment, long position, ByteBuffer dst) throws IOException {
    try (FileChannel ch = FileChannel.open(segments.resolve(segment), StandardOpenOption.READ)) {
      return readFully(ch, position, dst);
    }
  }

  /** Fills {@code dst} from {@code position} until it is full or the file ends; returns bytes read. */
  private static int readFully(FileChannel ch, long position, ByteBuffer dst) throws IOException {
    int total = 0;
    while (dst.hasRemaining()) {
      int n = ch.read(dst, position + total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  private static void writeFully(FileChannel ch, long position, ByteBuffer src) throws IOException {
    long at = position;
    while (src.hasRemaining()) {
      at += ch.write(src, at);
    }
  }

  @Override
  public Scratch scratch() throws IOException {
    checkWriter();
    FileChannel ch =
        FileChannel.open(
            dir.resolve(SCRATCH),
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE);
    return new Scratch() {
      private long size;

      @Override
      public void append(ByteBuffer src) throws IOException {
        int n = src.remaining();
        writeFully(ch, size, src);
        size += n;
      }

      @Override
      public int read(long position, ByteBuffer dst) throws IOException {
        return readFully(ch, position, dst);
      }

      @Override
      public void close() {
        closeQuietly(ch);
      }
    };
  }

  @Override
  public void create(String segment) throws IOException {
    checkWriter();
    retireActive();
    Files.createFile(segments.resolve(segment));
    forceDirectory(segments);
  }

  @Override
  public void writeAndForce(String segment, long position, ByteBuffer src) throws IOException {
    write(segment, position, src);
    long end = appending.end();
    long appended = end - forcedEnd;
    // A writer that forces once (a command run from the shell) would pay for the room and for
    // cutting them at close, and gain nothing: they are written from the second force on. A large
    // batch grows the file whatever is ahead of it, so it writes none either.
    if (forced++ > 0
        && appended < RESERVE / 4
        && end > activeReserved - RESERVE / 4
        && roomRefusedAt < forced - ROOM_RETRY) {
      // Written with the data and forced with it: the next appends then grow nothing.
      long from = Math.max(end, activeReserved);
      byte[] room = new byte[(int) (end + RESERVE - from)];
      java.util.Arrays.fill(room, FILLER);
      try {
        writeFully(active, from, ByteBuffer.wrap(room));
        activeReserved = end + RESERVE;
      } catch (IOException full) {
        // Room is a speed-up, never a reason to fail records already written (a disk too full for
        // a mebibyte more may still hold them): what part of it was written goes, and the
        // appends go on growing the file for a while before room is tried again.
        roomRefusedAt = forced;
        try {
          active.truncate(from);
        } catch (IOException e) {
          // spaces beyond the records are room to every reader; close or the next writer cuts it
        }
      }
    }
    active.force(false);
    forcedEnd = end;
  }

  @Override
  public void write(String segment, long position, ByteBuffer src) throws IOException {
    checkWriter();
    checkStillLocked();
    Active a = appending;
    if (a == null || !a.segment().equals(segment)) {
      retireActive();
      FileChannel ch = FileChannel.open(segments.resolve(segment), StandardOpenOption.READ, StandardOpenOption.WRITE);
      try {
        a = new Active(segment, contentSize(ch));
        activeReserved = ch.size();
        forcedEnd = a.end();
      } catch (IOException e) {
        closeQuietly(ch);
        throw e;
      }
      active = ch;
    }
    // Set before writing: a write that fails still leaves an active segment that close retires.
    appending = a;
    int n = src.remaining();
    writeFully(active, position, src);
    if (position + n > a.end()) {
      a = new Active(segment, position + n);
    }
    appending = a;
    activeReserved = Math.max(activeReserved, a.end());
  }

  /**
   * Cuts the room reserved after the last segment's content, so that a segment no longer appended
   * to, or a journal closed cleanly, holds its records alone: the active segment's, or, when this
   * writer has not written, what a writer before it left (it may have been killed).
   */
  private void retireActive() throws IOException {
    FileChannel ch = active;
    Active a = appending;
    if (!stillLocked()) {
      // Another writer may be appending into this room now: nothing is cut.
      active = null;
      appending = null;
      closeQuietly(ch);
      return;
    }
    if (ch == null) {
      List<String> names = segments();
      if (!names.isEmpty()) {
        Path lastSegment = segments.resolve(names.get(names.size() - 1));
        try (FileChannel last = FileChannel.open(lastSegment, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
          long content = contentSize(last);
          if (last.size() > content) {
            last.truncate(content);
            last.force(true);
          }
        }
      }
      return;
    }
    active = null;
    appending = null;
    try {
      if (ch.size() > a.end()) {
        ch.truncate(a.end());
        ch.force(true);
      }
    } finally {
      closeQuietly(ch);
    }
  }

  @Override
  public void truncate(String segment, long size) throws IOException {
    checkWriter();
    Active a = appending;
    if (a != null && a.segment().equals(segment)) {
      retireActive();
    }
    try (FileChannel ch = FileChannel.open(segments.resolve(segment), StandardOpenOption.WRITE)) {
      ch.truncate(size);
      ch.force(true);
    }
  }

  @Override
  public List<String> checkpoints() throws IOException {
    return list(checkpoints, ".ckpt");
  }

  @Override
  public ByteBuffer readCheckpoint(String name) throws IOException {
    try (FileChannel ch = FileChannel.open(checkpoints.resolve(name), StandardOpenOption.READ)) {
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).asReadOnlyBuffer();
    }
  }

  @Override
  public void writeCheckpoint(String name, ByteBuffer header, ByteBuffer state) throws IOException {
    checkWriter();
    Path tmp = checkpoints.resolve(name + ".tmp");
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      writeSliced(ch, header);
      writeSliced(ch, state);
      ch.force(true);
    }
    publishCheckpoint(tmp, name);
  }

  /**
   * Writes all of {@code part} in slices: the JDK copies a heap buffer through a direct one of the
   * same size, and keeps that for the thread, so one write of a 170 MB snapshot would hold 170 MB
   * outside the heap.
   */
  private static void writeSliced(FileChannel ch, ByteBuffer part) throws IOException {
    while (part.hasRemaining()) {
      ByteBuffer slice = part.slice();
      slice.limit(Math.min(slice.remaining(), WRITE_SLICE));
      part.position(part.position() + ch.write(slice));
    }
  }

  /** Puts a forced checkpoint written to {@code tmp} in place as {@code name}, atomically. */
  private void publishCheckpoint(Path tmp, String name) throws IOException {
    Files.move(
        tmp, checkpoints.resolve(name), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(checkpoints);
  }

  /**
   * The state goes first to a scratch file (unlinked as soon as it is open, so a crash leaves
   * nothing), hashed and counted as it is written; then the checkpoint is the header followed by a
   * copy the kernel makes from that file. A snapshot is never whole on the heap.
   */
  @Override
  public void writeCheckpoint(String name, long seq, String hash, Journal.SnapshotWriter state) throws IOException {
    checkWriter();
    Path tmp = checkpoints.resolve(name + ".tmp");
    try (FileChannel body =
        FileChannel.open(
            checkpoints.resolve(name + ".state.tmp"),
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE)) {
      java.security.MessageDigest sha = RecordCodec.newSha256();
      long[] length = {0};
      java.io.OutputStream out =
          new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              sha.update(b, off, len);
              writeSliced(body, ByteBuffer.wrap(b, off, len));
              length[0] += len;
            }
          };
      state.writeTo(out);
      if (length[0] > Integer.MAX_VALUE - 8 - CheckpointCodec.MAX_HEADER) {
        // a reader maps a checkpoint whole, which cannot pass 2 GB
        throw new IOException("a checkpoint's state of " + length[0] + " bytes is over 2 GB");
      }
      ByteBuffer header = ByteBuffer.wrap(CheckpointCodec.headerFor(seq, hash, length[0], sha.digest()));
      try (FileChannel ch =
          FileChannel.open(
              tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        writeSliced(ch, header);
        for (long copied = 0; copied < length[0]; ) {
          long n = body.transferTo(copied, length[0] - copied, ch);
          if (n <= 0) {
            throw new IOException("copied " + copied + " of the state's " + length[0] + " bytes");
          }
          copied += n;
        }
        ch.force(true);
      }
    }
    publishCheckpoint(tmp, name);
  }

  @Override
  public void deleteCheckpoint(String name) throws IOException {
    checkWriter();
    try {
      Files.delete(checkpoints.resolve(name));
    } catch (NoSuchFileException e) {
      // already gone: nothing to do
    }
  }

  private void checkWriter() {
    if (!writer) {
      throw new IllegalStateException("a read-only journal never writes");
    }
  }

  private Object lockFileKeyNow() throws IOException {
    try {
      return Files.readAttributes(dir.resolve(LOCK), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  /**
   * A lock file removed or replaced while this writer held it lets a second writer in, and two
   * writers would write over each other's records: the first to see it stops writing.
   */
  private boolean stillLocked() throws IOException {
    return lockFileKey == null || lockFileKey.equals(lockFileKeyNow());
  }

  private void checkStillLocked() throws IOException {
    if (!stillLocked()) {
      throw new IOException(
          "the lock file " + dir.resolve(LOCK) + " was removed or replaced while this writer held it;"
              + " another writer may be appending, so this one writes no more");
    }
  }

  static void forceDirectory(Path directory) throws IOException {
    try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }

  @Override
  public boolean writerAlive() {
    if (lockChannel != null) {
      return true;
    }
    try {
      Path key = dir.toRealPath();
      // Claimed for the probe, so that no writer of this process locks the file meanwhile: closing
      // the probe's channel would let go of that writer's lock too. One probe at a time, so that
      // a path claimed here is always a writer's.
      synchronized (PROBES) {
        return probe(key);
      }
    } catch (IOException | OverlappingFileLockException e) {
      return false;
    }
  }

  private boolean probe(Path key) throws IOException {
    if (!LOCKED_HERE.add(key)) {
      return true;
    }
    try (FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.READ)) {
      // The system is asked, not the number in the file: that outlives its writer, and may name
      // another live process. Held for no longer than the question; a writer retries meanwhile.
      FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } finally {
      LOCKED_HERE.remove(key);
    }
  }

  @Override
  public String describe() {
    return dir.toString();
  }

  @Override
  public void close() {
    if (lockChannel != null) {
      try {
        retireActive();
      } catch (IOException | RuntimeException e) {
        // the room stays; it is not content, and the next writer cuts it
      }
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel below releases it anyway
      }
      closeQuietly(lockChannel);
      lockChannel = null;
      LOCKED_HERE.remove(lockKey);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception e) {
        // nothing more can be done about a failing close; the data was forced before
      }
    }
  }
}

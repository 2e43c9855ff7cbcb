package org.huzhu.ledger.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.huzhu.ledger.LedgerStorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded journal: segments of hash-chained record lines over a {@link Store}.
 *
 * <p>Design. The journal's state is an immutable {@link View} (segments, the byte end of the last
 * complete batch, last seq and hash, and any damage found at that end), published through a
 * volatile field. The single appending thread formats a whole batch into one buffer, writes it with
 * one positional write and one {@code force(false)}, and only then publishes the next view; readers
 * on other threads scan up to the view they captured, so they never see a record whose append has
 * not returned. A batch never spans segments, and every record names the last seq of its batch
 * ({@code end}), so a crash that leaves part of a batch is detected as a torn tail and cut whole:
 * batches are atomic.
 *
 * <p>Opening verifies the last segment from the newest checkpoint's record on (completely when
 * there is none in it), and, for writing, how every segment joins the next (names, first and last
 * records, links); the other records are verified by {@link #scan} (the audit), which checks every
 * hash and link, so that opening stays fast. A writer
 * cuts a torn tail of the last segment and refuses any other damage; a reader never writes, stops
 * at the last complete batch and reports what lies beyond as damage at the end of its scans.
 */
final class SegmentedJournal implements Journal {
  static final long DEFAULT_ROLL_BYTES = 64L << 20;
  /** Longest record line accepted; keeps one record framable in one buffer. */
  static final int MAX_LINE = 64 << 20;
  /** Largest batch written at once. */
  static final long MAX_BATCH_BYTES = 64L << 30;
  /** Bytes formatted before a large batch is written out (not yet forced). */
  static final int WRITE_CHUNK = 8 << 20;
  /** Entry bytes a batch holds on the heap before it is set aside in the store's scratch area. */
  static final long HELD_BYTES = 32 << 20;
  private static final int SCRATCH_BUFFER = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(SegmentedJournal.class);
  private static final Pattern SEGMENT_NAME = Pattern.compile("[0-9]{20}\\.jsonl");
  private static final int SCAN_BUFFER = 4 << 20;
  private static final int READ_BUFFER = 64 << 10;
  private static final int INDEX_STRIDE = 512;
  private static final int KEEP_CHECKPOINTS = 2;
  private static final byte[] ZERO_HEX = RecordCodec.bytes(RecordCodec.ZERO_HASH);

  private final Store store;
  private final boolean readOnly;
  private final long rollBytes;
  private final ConcurrentHashMap<String, SparseIndex> indexes = new ConcurrentHashMap<>();
  private volatile View view;
  private volatile boolean closed;
  private boolean failed;
  private RecordCodec writeCodec;
  private byte[] writeBuffer = new byte[0];
  private long heldBytes = HELD_BYTES;
  /** False for a {@link #readOnlyCopy}, which leaves the store to the journal it was made from. */
  private boolean ownsStore = true;

  /** One segment: its name and the seq its name says it starts with. */
  record Segment(String name, long firstSeq) {}

  /**
   * What is complete: {@code endOffset} is the end of the last complete batch in the last segment;
   * {@code damage} is what was found after it (null when nothing). The records of the last segment
   * from {@code hashedFrom} to {@code endOffset} were hash-checked by this journal as it opened or
   * refreshed, or written by it, which {@link #replay} relies on.
   */
  record View(
      List<Segment> segments, long endOffset, long lastSeq, String lastHash, JournalDamage damage, long hashedFrom) {
    static final View EMPTY = new View(List.of(), 0, 0, RecordCodec.ZERO_HASH, null, 0);

    View withoutDamage() {
      return new View(segments, endOffset, lastSeq, lastHash, null, hashedFrom);
    }

    Segment last() {
      return segments.get(segments.size() - 1);
    }
  }

  private SegmentedJournal(Store store, boolean readOnly, long rollBytes) {
    if (rollBytes < 1) {
      throw new IllegalArgumentException("rollBytes must be positive: " + rollBytes);
    }
    this.store = store;
    this.readOnly = readOnly;
    this.rollBytes = rollBytes;
  }

  /** Opens {@code store} for appending: verifies the end of the journal and cuts a torn tail. */
  static SegmentedJournal writer(Store store, long rollBytes) {
    SegmentedJournal journal = new SegmentedJournal(store, false, rollBytes);
    try {
      journal.openWriter();
    } catch (IOException e) {
      store.close();
      throw new LedgerStorageException("cannot open ledger at " + store.describe(), e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return journal;
  }

  /** Opens {@code store} read-only. */
  static SegmentedJournal reader(Store store) {
    SegmentedJournal journal = new SegmentedJournal(store, true, DEFAULT_ROLL_BYTES);
    try {
      journal.view = journal.advance(View.EMPTY, false);
    } catch (IOException e) {
      store.close();
      throw new LedgerStorageException("cannot read ledger at " + store.describe(), e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return journal;
  }

  private void openWriter() throws IOException {
    View v = advance(View.EMPTY, true);
    JournalDamage d = v.damage();
    if (d != null && !"tail".equals(d.check())) {
      throw new LedgerStorageException(
          "damaged ledger at " + store.describe() + ": " + d.check() + " damage in segment "
              + d.segment() + " at offset " + d.offset() + " (seq " + d.seq() + "): "
              + d.detail(),
          d.segment(), d.offset(), null);
    }
    if (d != null) {
      // A checkpoint is written only after the entries it covers were forced: a tail it covers was
      // acknowledged, and is damage to report, never a torn write to cut.
      List<String> names = checkpointNames();
      long checkpointed = names.isEmpty() ? 0 : Long.parseLong(names.get(names.size() - 1).substring(0, 20));
      if (checkpointed >= d.seq()) {
        throw new LedgerStorageException(
            "damaged ledger at " + store.describe() + ": entry " + d.seq() + " in segment " + d.segment()
                + " at offset " + d.offset() + " cannot be read (" + d.detail() + "), but checkpoint "
                + names.get(names.size() - 1) + " shows it was written; no writer cuts it (the audit tells more)",
            d.segment(), d.offset(), null);
      }
      long size = store.size(d.segment());
      LOG.warn(
          "cutting torn tail of ledger {}: segment {} offset {}, {} bytes ({})",
          store.describe(), d.segment(), d.offset(), size - d.offset(), d.detail());
      store.truncate(d.segment(), d.offset());
      v = v.withoutDamage();
    }
    view = v;
  }

  // ---------------------------------------------------------------- opening and refreshing

  private List<Segment> listSegments() throws IOException {
    List<String> names = store.segments();
    List<Segment> segments = new ArrayList<>(names.size());
    for (String name : names) {
      if (!SEGMENT_NAME.matcher(name).matches()) {
        throw new LedgerStorageException(
            "unexpected file in the segments of ledger " + store.describe() + ": " + name, name, 0,
            null);
      }
      segments.add(new Segment(name, Long.parseLong(name.substring(0, 20))));
    }
    return segments;
  }

  /**
   * Verifies what follows {@code from} and returns the new view. From an empty view it starts at
   * the last segment, linking it to the previous one's last record when {@code linkCheck}.
   */
  private View advance(View from, boolean linkCheck) throws IOException {
    List<Segment> all = listSegments();
    if (all.isEmpty()) {
      if (!from.segments().isEmpty()) {
        throw new LedgerStorageException(
            "segments of ledger " + store.describe() + " disappeared", null);
      }
      return View.EMPTY;
    }
    Chain chain = new Chain();
    int startIndex;
    long startOffset;
    if (from.segments().isEmpty()) {
      View checkpointed = checkpointedStart(all);
      if (checkpointed != null) {
        if (linkCheck && all.size() > 1) {
          checkSealedLinks(all);
        }
        from = checkpointed;
      }
    }
    if (from.segments().isEmpty()) {
      startIndex = all.size() - 1;
      startOffset = 0;
      Segment first = all.get(startIndex);
      // The first segment must be named 1: checked below against the expected seq.
      chain.expectedSeq = startIndex == 0 ? 1 : first.firstSeq();
      if (startIndex == 0) {
        chain.setPrev(ZERO_HEX, 0, RecordCodec.ZERO_HASH);
      } else {
        if (linkCheck) {
          checkSealedLinks(all);
        }
        try {
          chain.setPrev(lastHashOf(all.get(startIndex - 1), first.firstSeq() - 1), 0, null);
        } catch (LedgerStorageException e) {
          if (linkCheck) {
            throw e;
          }
          // A reader reports this when a scan reaches it; here it takes the first record's prev.
        }
      }
      chain.lastSeq = chain.expectedSeq - 1;
      chain.lastHash = chain.prevKnown ? chain.prevHashString() : null;
    } else {
      startIndex = all.indexOf(from.last());
      if (startIndex < 0) {
        throw new LedgerStorageException(
            "segment " + from.last().name() + " of ledger " + store.describe() + " disappeared",
            null);
      }
      startOffset = from.endOffset();
      chain.expectedSeq = from.lastSeq() + 1;
      chain.setPrev(RecordCodec.bytes(from.lastHash()), 0, from.lastHash());
      chain.lastSeq = from.lastSeq();
      chain.lastHash = from.lastHash();
    }
    RecordCodec codec = new RecordCodec();
    for (int i = startIndex; i < all.size(); i++) {
      Segment seg = all.get(i);
      long offset = i == startIndex ? startOffset : 0;
      boolean last = i == all.size() - 1;
      chain.completeEnd = offset;
      JournalDamage d = null;
      if (offset == 0 && seg.firstSeq() != chain.expectedSeq) {
        d =
            new JournalDamage(
                "chain", chain.expectedSeq, seg.name(), 0,
                "segment name says seq " + seg.firstSeq() + " but " + chain.expectedSeq
                    + " comes next");
      } else {
        d = verify(codec, seg, offset, store.size(seg.name()), last, chain, null, Long.MAX_VALUE);
      }
      if (d != null || last) {
        String lastHash = chain.lastHash;
        if (lastHash == null) {
          // Nothing complete in the last segment and no link checked: take the first record's prev.
          lastHash = RecordCodec.ZERO_HASH;
          if (chain.firstPrev != null) {
            lastHash = chain.firstPrev;
          }
        }
        long hashedFrom = i == startIndex && !from.segments().isEmpty() ? from.hashedFrom() : 0;
        return new View(
            List.copyOf(all.subList(0, i + 1)), chain.completeEnd, chain.lastSeq, lastHash, d, hashedFrom);
      }
    }
    throw new AssertionError("unreachable");
  }

  /**
   * Where opening may start verifying the last segment: just after the record of the newest
   * checkpoint, when that record is in the last segment, ends its batch and has the hash the
   * checkpoint names. Everything before it was verified when it was written and is verified again
   * by {@link #scan} (the audit), as sealed segments are; a single import is one batch, so the last
   * segment can be very large. Null (verify the whole last segment) when there is no checkpoint, its
   * header is damaged, or its record is not found as it names it.
   */
  private View checkpointedStart(List<Segment> all) throws IOException {
    List<String> names = checkpointNames();
    if (names.isEmpty()) {
      return null;
    }
    String name = names.get(names.size() - 1);
    Checkpoint c =
        CheckpointCodec.header(Long.parseLong(name.substring(0, 20)), name, store.readCheckpoint(name));
    Segment last = all.get(all.size() - 1);
    if (c.damage() != null || c.seq() < last.firstSeq()) {
      return null;
    }
    long size = store.size(last.name());
    long at = locate(last, c.seq(), size);
    if (at < 0) {
      return null;
    }
    LineReader lines = new LineReader(store, last.name(), at, size, READ_BUFFER, MAX_LINE);
    int lf = lines.next();
    if (lf < 0) {
      return null;
    }
    RecordCodec codec = new RecordCodec();
    if (codec.parse(lines.buf, lines.lineStart, lf) != RecordCodec.OK
        || codec.seq != c.seq()
        || codec.end != c.seq()
        || !Arrays.equals(lines.buf, codec.hashAt, codec.hashAt + RecordCodec.HASH_HEX, RecordCodec.bytes(c.hash()), 0, RecordCodec.HASH_HEX)) {
      return null;
    }
    return new View(List.copyOf(all), lines.position(), c.seq(), c.hash(), null, lines.position());
  }

  /**
   * The offset of the line holding record {@code seq} in {@code seg}, or -1: bisects on the seq
   * each line starts with (records are in seq order), then walks the last few lines.
   */
  long locate(Segment seg, long seq, long limit) throws IOException {
    long lo = 0; // a line start whose seq is at most seq: the record starts here or after
    long hi = limit; // the record starts before this
    while (hi - lo > READ_BUFFER) {
      long mid = (lo + hi) >>> 1;
      long[] line = lineFrom(seg, mid, hi);
      if (line == null || line[1] > seq) {
        hi = mid;
      } else {
        lo = line[0];
      }
    }
    LineReader lines = new LineReader(store, seg.name(), lo, limit, READ_BUFFER, MAX_LINE);
    while (true) {
      long at = lines.position();
      int lf = lines.next();
      if (lf < 0) {
        return -1;
      }
      long s = RecordCodec.seqOf(lines.buf, lines.lineStart, lf);
      if (s == seq) {
        return at;
      }
      // A line that does not start like a record is damage the audit reports; the walk goes on
      // past it, as a byte changed into a line end splits a record in two.
      if (s > seq) {
        return -1;
      }
    }
  }

  /**
   * The first line that starts after {@code from} (which is past the segment's start) and before
   * {@code to}, as {start, seq} (seq -1 when it does not start like a record), or null when none
   * does.
   */
  private long[] lineFrom(Segment seg, long from, long to) throws IOException {
    // A line starts at from when the byte before it ends a line.
    LineReader lines = new LineReader(store, seg.name(), from - 1, to, READ_BUFFER, MAX_LINE);
    if (lines.next() < 0) {
      return null;
    }
    long start = lines.position();
    if (start >= to) {
      return null;
    }
    byte[] head = new byte[RecordCodec.SEQ_PREFIX];
    int n = store.read(seg.name(), start, ByteBuffer.wrap(head));
    return new long[] {start, RecordCodec.seqOf(head, 0, Math.max(0, n))};
  }

  /**
   * Checks how the sealed segments join, reading only their first and last records: each is named
   * after its first seq, starts where the previous one ended and links to its last hash. Their
   * other records are left to {@link #scan}, so that opening stays fast however long the journal.
   */
  private void checkSealedLinks(List<Segment> all) throws IOException {
    byte[] prev = ZERO_HEX;
    RecordCodec codec = new RecordCodec();
    for (int i = 0; i < all.size(); i++) {
      Segment seg = all.get(i);
      if (i == 0 && seg.firstSeq() != 1) {
        throw damaged(
            new JournalDamage(
                "chain", 1, seg.name(), 0, "first segment does not start at seq 1"));
      }
      LineReader reader =
          new LineReader(store, seg.name(), 0, store.size(seg.name()), READ_BUFFER, MAX_LINE);
      int lf = reader.next();
      if (lf >= 0) {
        if (codec.parse(reader.buf, reader.lineStart, lf) != RecordCodec.OK) {
          throw damaged(new JournalDamage("record", seg.firstSeq(), seg.name(), 0, codec.problem));
        }
        if (codec.seq != seg.firstSeq()) {
          throw damaged(
              new JournalDamage(
                  "chain", seg.firstSeq(), seg.name(), 0,
                  "segment name says seq " + seg.firstSeq() + " but its first record is "
                      + codec.seq));
        }
        if (!Arrays.equals(
            reader.buf, codec.prevAt, codec.prevAt + RecordCodec.HASH_HEX,
            prev, 0, RecordCodec.HASH_HEX)) {
          throw damaged(
              new JournalDamage(
                  "chain", seg.firstSeq(), seg.name(), 0,
                  "prev does not match the hash of record " + (seg.firstSeq() - 1)));
        }
      }
      if (i + 1 < all.size()) {
        prev = lastHashOf(seg, all.get(i + 1).firstSeq() - 1);
      }
    }
  }

  /** The hash of the last record of a sealed segment, which must be {@code seq} and end a batch. */
  private byte[] lastHashOf(Segment seg, long seq) throws IOException {
    try {
      return lastHashFromEnd(seg, seq);
    } catch (LedgerStorageException e) {
      // Read backwards, a changed byte can look like a line end; the start of the damaged record
      // is only known reading forwards, so find the first damage of the segment that way.
      Chain chain = new Chain();
      chain.expectedSeq = seg.firstSeq();
      JournalDamage first =
          verify(new RecordCodec(), seg, 0, store.size(seg.name()), false, chain, null, Long.MAX_VALUE);
      if (first != null) {
        throw damaged(first);
      }
      throw e;
    }
  }

  /** Reads only the end of the segment. */
  private byte[] lastHashFromEnd(Segment seg, long seq) throws IOException {
    long size = store.size(seg.name());
    if (size == 0) {
      throw damaged(new JournalDamage("chain", seq, seg.name(), 0, "empty sealed segment"));
    }
    int window = READ_BUFFER;
    while (true) {
      int n = (int) Math.min(size, window);
      byte[] tail = new byte[n];
      long base = size - n;
      store.read(seg.name(), base, ByteBuffer.wrap(tail));
      int start = n - 2;
      while (start >= 0 && tail[start] != '\n') {
        start--;
      }
      if (start >= 0 || base == 0) {
        start++;
        if (tail[n - 1] != '\n') {
          throw damaged(
              new JournalDamage(
                  "record", seq, seg.name(), base + start, "sealed segment ends inside a record"));
        }
        RecordCodec codec = new RecordCodec();
        long offset = base + start;
        if (codec.parse(tail, start, n - 1) != RecordCodec.OK) {
          throw damaged(new JournalDamage("record", seq, seg.name(), offset, codec.problem));
        }
        if (codec.seq != seq || codec.end != seq) {
          throw damaged(
              new JournalDamage(
                  "chain", seq, seg.name(), offset,
                  "last record of the segment is seq " + codec.seq + " (batch end " + codec.end
                      + ") but the next segment starts after " + seq));
        }
        return Arrays.copyOfRange(tail, codec.hashAt, codec.hashAt + RecordCodec.HASH_HEX);
      }
      if (window >= MAX_LINE) {
        throw damaged(
            new JournalDamage("record", seq, seg.name(), base, "record longer than allowed"));
      }
      window *= 4;
    }
  }

  private LedgerStorageException damaged(JournalDamage d) {
    return new LedgerStorageException(
        "damaged ledger at " + store.describe() + ": " + d.check() + " damage in segment "
            + d.segment() + " at offset " + d.offset() + ": " + d.detail(),
        d.segment(), d.offset(), null);
  }

  // ---------------------------------------------------------------- verification

  /** Where verification stands: the next seq, the previous hash, and the open batch. */
  static final class Chain {
    long expectedSeq;
    final byte[] prevHex = new byte[RecordCodec.HASH_HEX];
    private String prevHash;
    boolean prevKnown;
    /** The {@code prev} of the first record seen when it could not be checked. */
    String firstPrev;
    long batchEnd;
    long batchStartOffset;
    long batchStartSeq;
    /** Offset after the last complete batch in the current segment. */
    long completeEnd;
    long lastSeq;
    String lastHash;
    boolean stopped;

    void setPrev(byte[] hex, int at, String asString) {
      System.arraycopy(hex, at, prevHex, 0, RecordCodec.HASH_HEX);
      prevHash = asString;
      prevKnown = true;
    }

    String prevHashString() {
      if (prevHash == null) {
        prevHash = new String(prevHex, StandardCharsets.ISO_8859_1);
      }
      return prevHash;
    }
  }

  /**
   * Verifies the lines of {@code seg} in {@code [start, limit)} against {@code chain}, handing
   * each verified record to {@code visitor} (if any). Returns the damage that stops it, or null.
   * In the last segment, an incomplete line, a last line failing its hash, or an unfinished batch
   * at the end is a torn tail ({@code tail}), reported at the start of its batch. Lines at or after
   * {@code hashedFrom} are not hash-checked again ({@link #replay}); {@code Long.MAX_VALUE} checks
   * every line.
   */
  private JournalDamage verify(
      RecordCodec codec,
      Segment seg,
      long start,
      long limit,
      boolean lastSegment,
      Chain chain,
      RecordVisitor visitor,
      long hashedFrom)
      throws IOException {
    LineReader lines =
        new LineReader(store, seg.name(), start, limit, SCAN_BUFFER, MAX_LINE);
    String name = seg.name();
    chain.batchEnd = 0;
    while (true) {
      int lf = lines.next();
      if (lf == LineReader.NO_LINE) {
        if (lines.remaining() > 0) {
          String what =
              lines.remainingIsZeros()
                  ? lines.remaining() + " zero bytes without a line end"
                  : "incomplete record of " + lines.remaining() + " bytes";
          return endDamage(chain, name, lines.position(), lastSegment, what);
        }
        if (chain.batchEnd != 0) {
          return endDamage(
              chain, name, lines.position(), lastSegment,
              "batch " + chain.batchStartSeq + ".." + chain.batchEnd + " ends at seq "
                  + (chain.expectedSeq - 1));
        }
        return null;
      }
      if (lf == LineReader.TOO_LONG) {
        return new JournalDamage(
            "record", chain.expectedSeq, name, lines.position(),
            "no line end within " + MAX_LINE + " bytes");
      }
      byte[] b = lines.buf;
      int ls = lines.lineStart;
      long offset = lines.offset(ls);
      if (codec.parse(b, ls, lf, offset < hashedFrom) != RecordCodec.OK) {
        if (lastSegment && lines.offset(lf) + 1 == limit) {
          return endDamage(chain, name, offset, true, JournalDamage.LAST_LINE_FAILS + codec.problem);
        }
        String problem = codec.problem;
        if (lastSegment && !batchEndFollows(lines, codec)) {
          // A crash mid-write can lose any page of a batch not yet forced, not only its last: with
          // no complete batch after it, the bad record belongs to a batch never acknowledged.
          return endDamage(
              chain, name, offset, true, JournalDamage.LINE_IN_UNENDED_BATCH_FAILS + problem);
        }
        return new JournalDamage("record", chain.expectedSeq, name, offset, problem);
      }
      if (codec.seq != chain.expectedSeq) {
        return new JournalDamage(
            "chain", chain.expectedSeq, name, offset,
            "record has seq " + codec.seq + " where " + chain.expectedSeq + " comes next");
      }
      if (!chain.prevKnown) {
        if (!RecordCodec.isHex(b, codec.prevAt)) {
          return new JournalDamage(
              "record", chain.expectedSeq, name, offset, "prev is not 64 lower-case hex digits");
        }
        chain.firstPrev = new String(b, codec.prevAt, RecordCodec.HASH_HEX, StandardCharsets.ISO_8859_1);
        chain.setPrev(b, codec.prevAt, chain.firstPrev);
      } else if (!Arrays.equals(
          b, codec.prevAt, codec.prevAt + RecordCodec.HASH_HEX,
          chain.prevHex, 0, RecordCodec.HASH_HEX)) {
        return new JournalDamage(
            "chain", chain.expectedSeq, name, offset,
            "prev does not match the hash of record " + (chain.expectedSeq - 1));
      }
      if (chain.batchEnd == 0) {
        if (codec.end < codec.seq) {
          return new JournalDamage(
              "chain", chain.expectedSeq, name, offset,
              "batch end " + codec.end + " is before the record's seq");
        }
        chain.batchEnd = codec.end;
        chain.batchStartOffset = offset;
        chain.batchStartSeq = codec.seq;
      } else if (codec.end != chain.batchEnd) {
        return new JournalDamage(
            "chain", chain.expectedSeq, name, offset,
            "batch end " + codec.end + " inside batch " + chain.batchStartSeq + ".."
                + chain.batchEnd);
      }
      String hash = null;
      JournalRecord record = null;
      if (visitor != null) {
        hash = new String(b, codec.hashAt, RecordCodec.HASH_HEX, StandardCharsets.ISO_8859_1);
        record =
            new JournalRecord(
                codec.seq, chain.prevHashString(), hash,
                Arrays.copyOfRange(b, codec.entryStart, codec.entryEnd), name, offset);
      }
      System.arraycopy(b, codec.hashAt, chain.prevHex, 0, RecordCodec.HASH_HEX);
      chain.prevHash = hash;
      chain.expectedSeq++;
      if (codec.seq == chain.batchEnd) {
        chain.batchEnd = 0;
        chain.completeEnd = offset + (lf - ls) + 1;
        chain.lastSeq = codec.seq;
        chain.lastHash = chain.prevHashString();
      }
      // Scans stay inside a view, which ends on a batch boundary, so a record handed out here
      // belongs to a batch that was complete; damage later in its batch is still reported.
      if (record != null && !visitor.record(record)) {
        chain.stopped = true;
        return null;
      }
    }
  }

  /**
   * Whether a record that ends a batch (its seq is its batch's end) follows in {@code lines}: then
   * a bad record before it is damage to a batch that was written whole, never a torn write.
   */
  private static boolean batchEndFollows(LineReader lines, RecordCodec codec) throws IOException {
    while (true) {
      int lf = lines.next();
      if (lf == LineReader.NO_LINE) {
        return false;
      }
      if (lf == LineReader.TOO_LONG) {
        return true; // what follows cannot be read: never taken for a torn write
      }
      if (codec.parse(lines.buf, lines.lineStart, lf) == RecordCodec.OK && codec.seq == codec.end) {
        return true;
      }
    }
  }

  private static JournalDamage endDamage(
      Chain chain, String segment, long offset, boolean lastSegment, String what) {
    long at = chain.batchEnd != 0 ? chain.batchStartOffset : offset;
    long seq = chain.batchEnd != 0 ? chain.batchStartSeq : chain.expectedSeq;
    if (lastSegment) {
      return new JournalDamage("tail", seq, segment, at, JournalDamage.TORN + what);
    }
    return new JournalDamage(
        chain.batchEnd != 0 ? "chain" : "record", seq, segment, at,
        "sealed segment ends inside a record or batch: " + what);
  }

  // ---------------------------------------------------------------- Journal

  @Override
  public long lastSeq() {
    return view().lastSeq();
  }

  @Override
  public String lastHash() {
    return view().lastHash();
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public boolean writerAlive() {
    return !readOnly || store.writerAlive();
  }

  private View view() {
    if (closed) {
      throw new IllegalStateException("journal is closed");
    }
    return view;
  }

  @Override
  public long refresh() {
    View v = view();
    if (!readOnly) {
      return v.lastSeq();
    }
    try {
      View next = advance(v.damage() == null ? v : v.withoutDamage(), false);
      view = next;
      return next.lastSeq();
    } catch (IOException e) {
      throw new LedgerStorageException("cannot read ledger at " + store.describe(), e);
    }
  }

  @Override
  public List<JournalRecord> append(List<byte[]> entryJsons) {
    Objects.requireNonNull(entryJsons, "entryJsons");
    checkAppendable();
    if (entryJsons.isEmpty()) {
      return List.of();
    }
    // The caller hands over the arrays: they are checked, written and kept in the records as they are.
    byte[][] batch = entryJsons.toArray(new byte[0][]);
    BatchSize size = new BatchSize();
    for (byte[] entry : batch) {
      size.add(entry);
    }
    List<JournalRecord> records = new ArrayList<>(batch.length);
    int[] next = {0};
    write(size, into -> into.set(batch[next[0]++]), (seq, prevHash, hash, entry, segment, offset) ->
        records.add(
            new JournalRecord(
                seq, new String(prevHash, StandardCharsets.ISO_8859_1), new String(hash, StandardCharsets.ISO_8859_1),
                entry, segment, offset)));
    return Collections.unmodifiableList(records);
  }

  private void checkAppendable() {
    if (readOnly) {
      throw new IllegalStateException("journal is read-only");
    }
    if (failed) {
      throw new LedgerStorageException(
          "ledger at " + store.describe()
              + " refuses appends after an I/O fault; open it again to continue",
          null);
    }
  }

  /** How many entries a batch holds and how long its lines can be: checked as entries arrive. */
  private static final class BatchSize {
    int count;
    long bytes;
    int longest;

    void add(byte[] entry) {
      Objects.requireNonNull(entry, "entryJson");
      RecordCodec.checkEntry(entry);
      int line = RecordCodec.maxLineLength(entry.length);
      if (line > MAX_LINE) {
        throw new IllegalArgumentException(
            "entryJson of " + entry.length + " bytes exceeds the record limit of " + MAX_LINE);
      }
      if (bytes + line > MAX_BATCH_BYTES) {
        throw new IllegalArgumentException(
            "batch of about " + (bytes + line) + " bytes exceeds " + MAX_BATCH_BYTES + "; split it");
      }
      bytes += line;
      longest = Math.max(longest, line);
      count++;
    }
  }

  /** The entries of one append, in order, each read once. */
  private interface EntrySource {
    /** Puts the next entry in {@code into}: its own array, or a buffer it reuses. */
    void next(EntryBytes into) throws IOException;
  }

  /** An entry's bytes, {@code bytes[0, length)}. */
  private static final class EntryBytes {
    byte[] bytes;
    int length;

    void set(byte[] entry) {
      bytes = entry;
      length = entry.length;
    }
  }

  /**
   * Told of each record an append wrote; the hashes are 64 lower-case hex bytes, overwritten after
   * the call (a large import writes a million records and wants no strings of them), and the entry
   * is the array the source gave (a buffer that a batch read back from its scratch file reuses).
   */
  private interface Written {
    void record(long seq, byte[] prevHash, byte[] hash, byte[] entry, String segment, long offset);
  }

  /**
   * Writes {@code size.count} entries from {@code source} as one batch and forces it. A large batch
   * (a whole import) is written in chunks and forced once at the end: its records all name the
   * batch's last seq, so a crash part-way leaves a torn tail that is cut whole.
   */
  private void write(BatchSize size, EntrySource source, Written written) {
    View v = view();
    int bufferSize = (int) Math.min(size.bytes, (long) WRITE_CHUNK + size.longest);
    if (writeBuffer.length < bufferSize) {
      writeBuffer = new byte[bufferSize];
    }
    if (writeCodec == null) {
      writeCodec = new RecordCodec();
    }
    long first = v.lastSeq() + 1;
    long end = v.lastSeq() + size.count;
    byte[] buf = writeBuffer;
    byte[] prev = RecordCodec.bytes(v.lastHash());
    byte[] hash = new byte[RecordCodec.HASH_HEX];
    EntryBytes entry = new EntryBytes();
    List<Segment> segments = v.segments();
    long offset = v.endOffset();
    boolean roll = segments.isEmpty() || v.endOffset() >= rollBytes;
    Segment seg = roll ? new Segment(segmentName(first), first) : v.last();
    long flushed = 0;
    int at = 0;
    boolean complete = false;
    try {
      if (roll) {
        store.create(seg.name());
        List<Segment> grown = new ArrayList<>(segments);
        grown.add(seg);
        segments = Collections.unmodifiableList(grown);
        offset = 0;
      }
      for (int i = 0; i < size.count; i++) {
        if (at >= WRITE_CHUNK) {
          store.write(seg.name(), offset + flushed, ByteBuffer.wrap(buf, 0, at));
          flushed += at;
          at = 0;
        }
        source.next(entry);
        long start = flushed + at;
        at = writeCodec.format(buf, at, first + i, prev, end, entry.bytes, entry.length, hash);
        written.record(first + i, prev, hash, entry.bytes, seg.name(), offset + start);
        System.arraycopy(hash, 0, prev, 0, RecordCodec.HASH_HEX);
      }
      store.writeAndForce(seg.name(), offset + flushed, ByteBuffer.wrap(buf, 0, at));
      flushed += at;
      complete = true;
    } catch (IOException | UncheckedIOException e) {
      throw new LedgerStorageException(
          "cannot append to ledger at " + store.describe() + ": segment " + seg.name()
              + " offset " + offset,
          seg.name(), offset, e);
    } finally {
      if (!complete) {
        // Part of the batch may be in the segment after the last complete one: appending after it
        // would bury that torn tail under later records. Only reopening, which cuts it, goes on.
        failed = true;
      }
    }
    view = new View(
        segments, offset + flushed, end, new String(prev, StandardCharsets.ISO_8859_1), null, roll ? 0 : v.hashedFrom());
    if (writeBuffer.length > (16 << 20)) {
      writeBuffer = new byte[0];
    }
  }

  @Override
  public Journal readOnlyCopy() {
    SegmentedJournal copy = new SegmentedJournal(store, true, rollBytes);
    copy.view = view().withoutDamage();
    copy.ownsStore = false;
    return copy;
  }

  /** Sets batches aside once they hold more than {@code bytes} (tests use tiny amounts). */
  void holdAtMost(long bytes) {
    heldBytes = bytes;
  }

  @Override
  public Batch startBatch() {
    checkAppendable();
    return new ScratchBatch();
  }

  /**
   * A batch held on the heap while small and set aside in the store's scratch area once it holds
   * more than {@link #HELD_BYTES}, as length-prefixed entries, so that appending a million entries
   * does not need their JSON on the heap. Each entry is checked as it is added, so a commit fails
   * only on I/O.
   */
  private final class ScratchBatch implements Batch {
    private final BatchSize size = new BatchSize();
    private final List<byte[]> held = new ArrayList<>();
    private long heldBytes;
    private Store.Scratch scratch;
    private ByteBuffer out;
    private boolean done;

    private void checkOpen() {
      if (done) {
        throw new IllegalStateException("the batch was committed or closed");
      }
    }

    @Override
    public void add(byte[] entryJson) {
      checkOpen();
      size.add(entryJson);
      boolean added = false;
      try {
        if (scratch == null) {
          held.add(entryJson);
          heldBytes += entryJson.length;
          if (heldBytes > SegmentedJournal.this.heldBytes) {
            scratch = store.scratch();
            out = ByteBuffer.allocate(SCRATCH_BUFFER);
            for (byte[] e : held) {
              setAside(e);
            }
            held.clear();
          }
        } else {
          setAside(entryJson);
        }
        added = true;
      } catch (IOException e) {
        throw new LedgerStorageException("cannot set a batch aside in " + store.describe(), e);
      } finally {
        if (!added) {
          // What was set aside no longer matches the count: this batch can only be dropped.
          done = true;
        }
      }
    }

    private void setAside(byte[] entry) throws IOException {
      if (out.remaining() < 4 + entry.length) {
        drain();
      }
      if (out.remaining() < 4 + entry.length) {
        scratch.append(ByteBuffer.allocate(4).putInt(0, entry.length));
        scratch.append(ByteBuffer.wrap(entry));
      } else {
        out.putInt(entry.length).put(entry);
      }
    }

    private void drain() throws IOException {
      out.flip();
      scratch.append(out);
      out.clear();
    }

    @Override
    public int size() {
      return size.count;
    }

    @Override
    public long commit() {
      checkOpen();
      checkAppendable();
      done = true;
      if (size.count == 0) {
        return lastSeq();
      }
      if (scratch == null) {
        int[] next = {0};
        write(size, into -> into.set(held.get(next[0]++)), (seq, prevHash, hash, entry, segment, offset) -> {});
        held.clear();
        return lastSeq();
      }
      try {
        drain();
      } catch (IOException e) {
        throw new LedgerStorageException("cannot set a batch aside in " + store.describe(), e);
      }
      ByteBuffer in = out;
      in.limit(0);
      long[] position = {0};
      // one buffer for every entry read back: a million arrays would be as much fresh memory again
      byte[][] reused = {new byte[Math.max(size.longest, 16)]};
      EntrySource source =
          into -> {
            if (in.remaining() < 4) {
              refill(in, position);
            }
            int length = in.getInt();
            if (length < 0 || length > size.longest) {
              throw new IOException("the batch set aside holds an entry of " + length + " bytes");
            }
            byte[] entry = reused[0];
            int have = Math.min(in.remaining(), length);
            in.get(entry, 0, have);
            if (have < length) {
              ByteBuffer rest = ByteBuffer.wrap(entry, have, length - have);
              position[0] += scratch.read(position[0], rest);
              if (rest.hasRemaining()) {
                throw new IOException("the batch set aside ends early");
              }
            }
            into.bytes = entry;
            into.length = length;
          };
      write(size, source, (seq, prevHash, hash, entry, segment, offset) -> {});
      return lastSeq();
    }

    private void refill(ByteBuffer in, long[] position) throws IOException {
      in.compact();
      int n = scratch.read(position[0], in);
      position[0] += n;
      in.flip();
      if (in.remaining() < 4) {
        throw new IOException("the batch set aside ends early");
      }
    }

    @Override
    public void close() {
      done = true;
      held.clear();
      if (scratch != null) {
        scratch.close();
        scratch = null;
      }
    }
  }

  static String segmentName(long firstSeq) {
    return String.format(Locale.ROOT, "%020d.jsonl", firstSeq);
  }

  static String checkpointName(long seq) {
    return String.format(Locale.ROOT, "%020d.ckpt", seq);
  }

  @Override
  public void scan(long fromSeq, RecordVisitor visitor) {
    scan(fromSeq, visitor, false);
  }

  @Override
  public void replay(long fromSeq, RecordVisitor visitor) {
    scan(fromSeq, visitor, true);
  }

  private void scan(long fromSeq, RecordVisitor visitor, boolean trustHashed) {
    Objects.requireNonNull(visitor, "visitor");
    if (fromSeq < 1) {
      throw new IllegalArgumentException("fromSeq must be at least 1: " + fromSeq);
    }
    View v = view();
    try {
      if (fromSeq <= v.lastSeq()) {
        Chain chain = new Chain();
        // From the start, the first file is read whatever its name, so that a segment named before
        // seq 1 is damage rather than a file nobody reads.
        int i = fromSeq == 1 ? 0 : segmentIndex(v, fromSeq);
        Segment seg = v.segments().get(i);
        long offset = 0;
        if (fromSeq == 1) {
          chain.setPrev(ZERO_HEX, 0, RecordCodec.ZERO_HASH);
          chain.expectedSeq = 1;
        } else if (fromSeq != seg.firstSeq()) {
          offset = offsetOf(v, i, fromSeq);
          if (offset < 0) {
            // Framing could not find it: verify from the segment start, which reports the damage.
            offset = 0;
            chain.expectedSeq = seg.firstSeq();
          }
        }
        if (chain.expectedSeq == 0) {
          chain.expectedSeq = offset == 0 ? seg.firstSeq() : fromSeq;
        }
        SkipTo skip = new SkipTo(visitor, fromSeq);
        RecordCodec codec = new RecordCodec();
        int firstIndex = i;
        for (; i < v.segments().size(); i++) {
          seg = v.segments().get(i);
          boolean last = i == v.segments().size() - 1;
          long start = i == firstIndex ? offset : 0;
          if (start == 0 && seg.firstSeq() != chain.expectedSeq) {
            visitor.damage(
                new JournalDamage(
                    "chain", chain.expectedSeq, seg.name(), 0,
                    "segment name says seq " + seg.firstSeq() + " but " + chain.expectedSeq
                        + " comes next"));
            return;
          }
          long limit = last ? v.endOffset() : store.size(seg.name());
          long hashedFrom = trustHashed && last ? v.hashedFrom() : Long.MAX_VALUE;
          JournalDamage d = verify(codec, seg, start, limit, last, chain, skip, hashedFrom);
          if (chain.stopped) {
            return;
          }
          if (d != null) {
            visitor.damage(d);
            return;
          }
        }
      }
      if (v.damage() != null) {
        visitor.damage(v.damage());
      }
    } catch (IOException e) {
      throw new LedgerStorageException("cannot read ledger at " + store.describe(), e);
    }
  }

  /** Passes on records from {@code fromSeq}; earlier ones were read only to verify the chain. */
  private record SkipTo(RecordVisitor visitor, long fromSeq) implements RecordVisitor {
    @Override
    public boolean record(JournalRecord record) {
      return record.seq() < fromSeq || visitor.record(record);
    }

    @Override
    public void damage(JournalDamage damage) {
      visitor.damage(damage);
    }
  }

  /** Index of the segment holding {@code seq} (by name), for 1 &lt;= seq &lt;= lastSeq. */
  private static int segmentIndex(View v, long seq) {
    List<Segment> segments = v.segments();
    int lo = 0;
    int hi = segments.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segments.get(mid).firstSeq() <= seq) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Byte offset of record {@code seq} in segment {@code i} by framing, or -1. */
  private long offsetOf(View v, int i, long seq) throws IOException {
    Segment seg = v.segments().get(i);
    long limit = i == v.segments().size() - 1 ? v.endOffset() : store.size(seg.name());
    SparseIndex index = indexes.computeIfAbsent(seg.name(), n -> new SparseIndex(seg.firstSeq()));
    return index.offsetOf(store, seg.name(), seq, limit);
  }

  /**
   * Offsets of every {@value #INDEX_STRIDE}th line of a segment, found by framing alone (a line is
   * a record), built as far as lookups need and kept for later ones.
   */
  static final class SparseIndex {
    private final long firstSeq;
    private long[] offsets = new long[16];
    private int count;
    /** Lines framed so far, and the offset after the last of them. */
    private long lines;
    private long coveredEnd;

    SparseIndex(long firstSeq) {
      this.firstSeq = firstSeq;
    }

    synchronized long offsetOf(Store store, String segment, long seq, long limit)
        throws IOException {
      long k = seq - firstSeq;
      if (k < 0) {
        return -1;
      }
      if (k >= lines && coveredEnd < limit) {
        LineReader reader =
            new LineReader(store, segment, coveredEnd, limit, SCAN_BUFFER, MAX_LINE);
        // Only as far as this lookup needs: reading the first record of a segment of a million
        // (the zone, for every command) framed the whole segment.
        while (k >= lines) {
          long at = reader.position();
          int lf = reader.next();
          if (lf < 0) {
            break;
          }
          if (lines % INDEX_STRIDE == 0) {
            if (count == offsets.length) {
              offsets = Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = at;
          }
          lines++;
          coveredEnd = reader.position();
        }
      }
      if (k >= lines) {
        return -1;
      }
      long at = offsets[(int) (k / INDEX_STRIDE)];
      long skip = k % INDEX_STRIDE;
      if (skip == 0) {
        return at;
      }
      LineReader reader = new LineReader(store, segment, at, coveredEnd, READ_BUFFER, MAX_LINE);
      for (long s = 0; s < skip; s++) {
        if (reader.next() < 0) {
          return -1;
        }
      }
      return reader.position();
    }
  }

  @Override
  public Optional<JournalRecord> read(long seq) {
    View v = view();
    if (seq < 1 || seq > v.lastSeq()) {
      return Optional.empty();
    }
    int i = segmentIndex(v, seq);
    Segment seg = v.segments().get(i);
    try {
      long offset = offsetOf(v, i, seq);
      if (offset < 0) {
        throw damaged(
            new JournalDamage("chain", seq, seg.name(), 0, "record " + seq + " not found"));
      }
      long limit = i == v.segments().size() - 1 ? v.endOffset() : store.size(seg.name());
      LineReader reader = new LineReader(store, seg.name(), offset, limit, READ_BUFFER, MAX_LINE);
      int lf = reader.next();
      if (lf < 0) {
        throw damaged(new JournalDamage("record", seq, seg.name(), offset, "no line end"));
      }
      RecordCodec codec = new RecordCodec();
      byte[] b = reader.buf;
      if (codec.parse(b, reader.lineStart, lf) != RecordCodec.OK) {
        throw damaged(new JournalDamage("record", seq, seg.name(), offset, codec.problem));
      }
      if (codec.seq != seq) {
        throw damaged(
            new JournalDamage(
                "chain", seq, seg.name(), offset, "found seq " + codec.seq + " instead"));
      }
      return Optional.of(
          new JournalRecord(
              seq,
              new String(b, codec.prevAt, RecordCodec.HASH_HEX, StandardCharsets.ISO_8859_1),
              new String(b, codec.hashAt, RecordCodec.HASH_HEX, StandardCharsets.ISO_8859_1),
              Arrays.copyOfRange(b, codec.entryStart, codec.entryEnd),
              seg.name(),
              offset));
    } catch (IOException e) {
      throw new LedgerStorageException(
          "cannot read segment " + seg.name() + " of ledger " + store.describe(), seg.name(), -1,
          e);
    }
  }

  @Override
  public void writeCheckpoint(long seq, String hash, ByteBuffer state) {
    Objects.requireNonNull(state, "state");
    ByteBuffer bytes = state.duplicate();
    storeCheckpoint(
        seq,
        hash,
        name -> store.writeCheckpoint(name, ByteBuffer.wrap(CheckpointCodec.headerFor(seq, hash, bytes)), bytes));
  }

  @Override
  public void writeCheckpoint(long seq, String hash, SnapshotWriter state) {
    Objects.requireNonNull(state, "state");
    storeCheckpoint(seq, hash, name -> store.writeCheckpoint(name, seq, hash, state));
  }

  private interface CheckpointWrite {
    void to(String name) throws IOException;
  }

  private void storeCheckpoint(long seq, String hash, CheckpointWrite write) {
    if (readOnly) {
      throw new IllegalStateException("journal is read-only");
    }
    View v = view();
    if (seq < 0 || seq > v.lastSeq()) {
      throw new IllegalArgumentException(
          "checkpoint seq " + seq + " is outside 0.." + v.lastSeq());
    }
    String actual =
        seq == 0 ? RecordCodec.ZERO_HASH : read(seq).map(JournalRecord::hash).orElseThrow();
    if (!actual.equals(hash)) {
      throw new IllegalArgumentException(
          "checkpoint hash " + hash + " is not the hash of record " + seq + " (" + actual + ")");
    }
    String name = checkpointName(seq);
    try {
      write.to(name);
      List<String> names = checkpointNames();
      for (int i = 0; i < names.size() - KEEP_CHECKPOINTS; i++) {
        try {
          store.deleteCheckpoint(names.get(i));
        } catch (IOException e) {
          // A reader may still map it (some systems refuse then); the next checkpoint tries again.
          LOG.warn("could not remove old checkpoint {} of ledger {}", names.get(i), store.describe(), e);
        }
      }
    } catch (IOException e) {
      throw new LedgerStorageException(
          "cannot write checkpoint " + name + " of ledger " + store.describe(), e);
    }
  }

  private List<String> checkpointNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (String n : store.checkpoints()) {
      if (FileStore.isCheckpointName(n)) {
        names.add(n);
      }
    }
    return names;
  }

  @Override
  public Optional<Checkpoint> latestCheckpoint() {
    view();
    try {
      List<String> names = checkpointNames();
      return names.isEmpty() ? Optional.empty() : Optional.of(checkpoint(names.get(names.size() - 1)));
    } catch (IOException e) {
      throw new LedgerStorageException("cannot read checkpoints of ledger " + store.describe(), e);
    }
  }

  @Override
  public List<Checkpoint> checkpoints() {
    view();
    try {
      List<Checkpoint> all = new ArrayList<>();
      for (String name : checkpointNames()) {
        all.add(checkpoint(name));
      }
      return all;
    } catch (IOException e) {
      throw new LedgerStorageException("cannot read checkpoints of ledger " + store.describe(), e);
    }
  }

  private Checkpoint checkpoint(String name) throws IOException {
    return CheckpointCodec.decode(Long.parseLong(name.substring(0, 20)), name, store.readCheckpoint(name));
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (ownsStore) {
        store.close();
      }
    }
  }

  /** The store, for tests that inspect or damage bytes. */
  Store store() {
    return store;
  }
}

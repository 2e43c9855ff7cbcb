package org.huzhu.ledger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.huzhu.ledger.rules.RuleVersion;
import org.huzhu.ledger.rules.RuleVersions;

/**
 * The binary snapshot of a state that checkpoints hold. Deterministic: the same state gives the
 * same bytes (maps are written in key order, entries in journal order), so the audit can compare a
 * checkpoint with the state it rebuilds byte for byte.
 */
final class StateCodec {
  private static final int FORMAT = 11;

  private StateCodec() {}

  /** The snapshot's bytes, whole; checkpoints are written with {@link #encodeTo} instead. */
  static byte[] encode(LedgerState s) {
    SnapshotOut out = new SnapshotOut(1 << 16);
    encodeInto(s, out);
    ByteBuffer b = out.view();
    byte[] bytes = new byte[b.remaining()];
    b.get(bytes);
    return bytes;
  }

  /**
   * Whether {@code stored} holds exactly the snapshot of {@code s}. Compares as it encodes, a
   * window at a time, rather than building a second copy of a snapshot that may be 170 MB.
   */
  static boolean matches(LedgerState s, ByteBuffer stored) {
    SnapshotOut out = new SnapshotOut(stored.slice());
    encodeInto(s, out);
    return out.matchesToTheEnd();
  }

  /** Writes the snapshot of {@code s} to {@code sink} a window at a time, never whole in memory. */
  static void encodeTo(LedgerState s, java.io.OutputStream sink) throws IOException {
    SnapshotOut out = new SnapshotOut(sink);
    try {
      encodeInto(s, out);
      out.flushWindow();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void encodeInto(LedgerState s, SnapshotOut out) {
    List<String> rulesJson = s.rulesJson;
    try {
      out.writeInt(FORMAT);
      out.writeUTF(s.zone == null ? "" : s.zone.getId());
      out.writeLong(s.seq);
      date(out, s.latestDate);
      out.writeInt(rulesJson.size());
      for (String r : rulesJson) {
        text(out, r);
      }
      out.writeInt(s.catalogVersions);
      out.writeInt(s.catalog.version());
      out.writeInt(s.catalog.items().size());
      for (CatalogItem i : new TreeMap<>(s.catalog.items()).values()) {
        out.writeUTF(i.id());
        out.writeUTF(i.name());
        out.writeUTF(i.merchant());
        out.writeLong(i.pricePoints());
        out.writeLong(i.stock() == null ? -1 : i.stock());
        out.writeLong(i.limitPerMemberPerMonth() == null ? -1 : i.limitPerMemberPerMonth());
        Long left = s.catalog.stockLeft().get(i.id());
        out.writeLong(left == null ? -1 : left);
        Long since = s.catalog.stockSince().get(i.id());
        out.writeLong(since == null ? -1 : since);
      }
      List<MemberState> members = new ArrayList<>(s.members.values());
      members.sort(Comparator.comparing(m -> m.id));
      Names names = new Names();
      out.writeInt(members.size());
      for (MemberState m : members) {
        member(out, m, names);
      }
      Map<Account, long[]> accounts = new TreeMap<>(s.accounts);
      out.writeInt(accounts.size());
      for (Map.Entry<Account, long[]> a : accounts.entrySet()) {
        out.writeUTF(a.getKey().name());
        out.writeLong(a.getValue()[0]);
        out.writeLong(a.getValue()[1]);
      }
      Map<String, Seqs> imports = new TreeMap<>(s.imports);
      out.writeInt(imports.size());
      for (Map.Entry<String, Seqs> i : imports.entrySet()) {
        out.writeUTF(i.getKey());
        Seqs seqs = i.getValue();
        out.writeInt(seqs.runs());
        for (int r = 0; r < seqs.runs(); r++) {
          out.writeLong(seqs.runFirst(r));
          out.writeLong(seqs.runLength(r));
        }
      }
      // Last, so that a reader can leave them to another thread. In journal order, which replay
      // and live operation agree on, and which is the order the index's columns are filled in.
      EntryIndex index = s.entries instanceof EntryIndex i ? i : indexOf(s.entries);
      int[] order = index.slotsBySeq();
      out.writeInt(order.length);
      long seq = 0;
      for (int slot : order) {
        EntryInfo info = index.infoAt(slot);
        // what the reader refuses is not written
        if (info.seq() <= seq) {
          throw new IllegalStateException("entry " + index.idAt(slot) + " has seq " + info.seq() + ", after " + seq);
        }
        seq = info.seq();
        out.writeUTF(index.idAt(slot));
        info(out, info, names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EntryIndex indexOf(Map<String, EntryInfo> entries) {
    EntryIndex index = new EntryIndex(entries.size());
    index.putAll(entries);
    return index;
  }

  /**
   * Writes what {@link DataOutputStream} writes, byte for byte, into a growing array that can be
   * read in place: a snapshot is tens of millions of numbers, and a {@code DataOutputStream} over a
   * {@code ByteArrayOutputStream} takes a lock for each.
   */
  static final class SnapshotOut {
    private static final int WINDOW = 1 << 16;
    private byte[] buf;
    private int count;
    /** When streaming: where each full window goes (null: all is kept), and how much went there. */
    private final java.io.OutputStream sink;
    private long flushed;

    SnapshotOut(int size) {
      buf = new byte[Math.max(size, 64)];
      sink = null;
    }

    /** Writes nothing: compares what is written with {@code expected}, a window at a time. */
    SnapshotOut(ByteBuffer expected) {
      this(new Comparison(expected));
    }

    /** Hands what is written to {@code sink}, a window at a time. */
    SnapshotOut(java.io.OutputStream sink) {
      buf = new byte[WINDOW];
      this.sink = sink;
    }

    private int reserve(int n) {
      if (sink != null && buf.length - count < n) {
        flushWindow();
      }
      if (buf.length - count < n) {
        int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) buf.length * 2, (long) count + n));
        if (grown - count < n) {
          throw new IllegalStateException("a snapshot cannot exceed 2 GB");
        }
        buf = Arrays.copyOf(buf, grown);
      }
      int at = count;
      count += n;
      return at;
    }

    // Each writer reserves before it reads the field: reserving may replace the array.
    void writeByte(int v) {
      int at = reserve(1);
      buf[at] = (byte) v;
    }

    void writeBoolean(boolean v) {
      writeByte(v ? 1 : 0);
    }

    void writeInt(int v) {
      int at = reserve(4);
      INTS.set(buf, at, v);
    }

    void writeLong(long v) {
      int at = reserve(8);
      LONGS.set(buf, at, v);
    }

    void write(byte[] b) {
      int at = reserve(b.length);
      System.arraycopy(b, 0, buf, at, b.length);
    }

    /** {@link DataOutputStream#writeUTF}: modified UTF-8 after a two-byte length. */
    void writeUTF(String s) throws IOException {
      int n = s.length();
      boolean ascii = n <= 0xffff;
      for (int i = 0; i < n && ascii; i++) {
        char c = s.charAt(i);
        ascii = c != 0 && c < 0x80;
      }
      if (!ascii) {
        ByteArrayOutputStream other = new ByteArrayOutputStream(n * 3 + 2);
        new DataOutputStream(other).writeUTF(s);
        write(other.toByteArray());
        return;
      }
      int at = reserve(2 + n);
      buf[at] = (byte) (n >>> 8);
      buf[at + 1] = (byte) n;
      for (int i = 0; i < n; i++) {
        buf[at + 2 + i] = (byte) s.charAt(i);
      }
    }

    ByteBuffer view() {
      return ByteBuffer.wrap(buf, 0, count);
    }

    /** Hands the window to the sink and starts the next. */
    void flushWindow() {
      // A checkpoint is read through one memory map, which cannot pass 2 GB.
      if (flushed + count > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a snapshot cannot exceed 2 GB");
      }
      try {
        sink.write(buf, 0, count);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      flushed += count;
      count = 0;
    }

    /** Whether everything written so far matched, and the expected bytes end where it ends. */
    boolean matchesToTheEnd() {
      flushWindow();
      return ((Comparison) sink).matchedAll();
    }
  }

  /** A sink that only compares what it is given with the bytes expected, in order. */
  private static final class Comparison extends java.io.OutputStream {
    /** The bytes expected, from the position the next write starts at. */
    private final ByteBuffer expected;
    private boolean differs;

    Comparison(ByteBuffer expected) {
      this.expected = expected;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      differs = differs
          || expected.remaining() < len
          || !ByteBuffer.wrap(b, off, len).equals(expected.slice(expected.position(), len));
      if (!differs) {
        expected.position(expected.position() + len);
      }
    }

    boolean matchedAll() {
      return !differs && !expected.hasRemaining();
    }
  }

  private static final java.lang.invoke.VarHandle INTS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

  private static void member(SnapshotOut out, MemberState m, Names names) throws IOException {
    out.writeUTF(m.id);
    date(out, m.joinedOn);
    out.writeInt(m.affiliations.size());
    for (MemberState.Affiliation a : m.affiliations) {
      date(out, a.from());
      nullable(out, a.team());
      nullable(out, a.grid());
    }
    out.writeInt(m.enrolments);
    out.writeLong(m.points);
    out.writeLong(m.minutes);
    out.writeLong(m.serviceMinutes);
    out.writeLong(m.backfilledMinutes);
    date(out, m.lastPosted);
    out.writeBoolean(m.everPosted);
    Lots lots = m.lots;
    out.writeInt(lots.size());
    for (int i = 0; i < lots.size(); i++) {
      out.writeLong(lots.seq(i));
      // the epoch day, or Long.MIN_VALUE for none, as date(out, ...) writes a LocalDate
      out.writeLong(lots.dateDay(i));
      out.writeLong(lots.expiresOnDay(i));
      out.writeLong(lots.original(i));
      out.writeLong(lots.remaining(i));
      out.writeBoolean(lots.expired(i));
      out.writeLong(lots.expiredPoints(i));
    }
    DayPoints days = m.dayPoints;
    out.writeInt(days.size());
    for (int i = 0; i < days.size(); i++) {
      date(out, days.day(i));
      out.writeLong(days.points(i));
    }
    Intervals intervals = m.intervals;
    out.writeInt(intervals.size());
    for (int i = 0; i < intervals.size(); i++) {
      out.writeLong(intervals.start(i));
      out.writeLong(intervals.end(i));
      out.writeLong(intervals.creditSeq(i));
    }
    Map<String, Long> monthly = new TreeMap<>(m.monthlyQuantity);
    out.writeInt(monthly.size());
    for (Map.Entry<String, Long> q : monthly.entrySet()) {
      out.writeUTF(q.getKey());
      out.writeLong(q.getValue());
    }
  }

  private static void info(SnapshotOut out, EntryInfo i, Names names) throws IOException {
    out.writeLong(i.seq());
    names.write(out, i.kind());
    date(out, i.date());
    out.writeLong(i.fingerprint());
    nullable(out, i.at() == null ? null : i.at().toString());
    nullable(out, i.reversedBy());
    if (i.credit() != null) {
      out.writeByte(1);
      EntryInfo.CreditInfo c = i.credit();
      names.write(out, c.member());
      out.writeLong(c.points());
      out.writeLong(c.minutes());
      out.writeBoolean(c.hourBased());
      names.write(out, c.importId());
      names.write(out, c.activity());
      names.write(out, c.team());
      names.write(out, c.grid());
    } else {
      out.writeByte(0);
      byte[] json = EntryCodec.toJson(i.entry());
      out.writeInt(json.length);
      out.write(json);
    }
  }

  /**
   * Whether {@code bytes} are a snapshot in this version's format. One in an older format is never
   * used (the ledger replays instead) and is replaced by the next checkpoint.
   */
  static boolean readable(ByteBuffer bytes) {
    return bytes.remaining() >= 4 && bytes.getInt(bytes.position()) == FORMAT;
  }

  /**
   * Why {@code bytes} cannot be an older version's snapshot either, or null when they are in this
   * format or an older one: what no version wrote is damage, not a snapshot to leave unread.
   */
  static String unknownFormat(ByteBuffer bytes) {
    if (bytes.remaining() < 4) {
      return "the stored state is " + bytes.remaining() + " bytes long, too short to be a snapshot";
    }
    int format = bytes.getInt(bytes.position());
    return format >= 1 && format <= FORMAT
        ? null
        : "the stored state's format " + format + " is none that this version knows (1 to " + FORMAT + ")";
  }

  static LedgerState decode(ByteBuffer bytes) {
    LedgerState s = new LedgerState();
    SnapshotIn in = new SnapshotIn(bytes);
    try {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException("checkpoint format " + format + " is not " + FORMAT);
      }
      String zone = in.readUTF();
      s.zone = zone.isEmpty() ? null : ZoneId.of(zone);
      s.seq = in.readLong();
      s.latestDate = date(in);
      int rules = in.readInt();
      List<RuleVersion> versions = new ArrayList<>();
      List<String> jsons = new ArrayList<>();
      for (int i = 0; i < rules; i++) {
        String json = text(in);
        jsons.add(json);
        versions.add(RuleVersions.fromCanonicalJson(json));
      }
      s.rules = List.copyOf(versions);
      s.rulesJson = List.copyOf(jsons);
      s.catalogVersions = in.readInt();
      int catalogVersion = in.readInt();
      int items = in.readInt();
      List<CatalogItem> list = new ArrayList<>();
      Map<String, Long> stock = new java.util.HashMap<>();
      Map<String, Long> since = new java.util.HashMap<>();
      for (int i = 0; i < items; i++) {
        String id = in.readUTF();
        String name = in.readUTF();
        String merchant = in.readUTF();
        long price = in.readLong();
        long st = in.readLong();
        long limit = in.readLong();
        long left = in.readLong();
        long from = in.readLong();
        list.add(new CatalogItem(id, name, merchant, price, st < 0 ? null : st, limit < 0 ? null : limit));
        if (left >= 0) {
          stock.put(id, left);
          since.put(id, from);
        }
      }
      Map<String, CatalogItem> byId = new java.util.LinkedHashMap<>();
      list.forEach(i -> byId.put(i.id(), i));
      s.catalog = new CatalogState(catalogVersion, Map.copyOf(byId), Map.copyOf(stock), Map.copyOf(since));
      Names names = new Names();
      int members = in.readInt();
      s.members = new java.util.concurrent.ConcurrentHashMap<>(members * 4 / 3 + 16);
      for (int i = 0; i < members; i++) {
        MemberState m = member(in, names);
        s.members.put(m.id, m);
      }
      int accounts = in.readInt();
      for (int i = 0; i < accounts; i++) {
        Account a = new Account(in.readUTF());
        s.accounts.put(a, new long[] {in.readLong(), in.readLong()});
      }
      int imports = in.readInt();
      for (int i = 0; i < imports; i++) {
        String id = in.readUTF();
        int n = in.readInt();
        if (n < 0 || n > in.remaining() / 16) {
          throw new IllegalArgumentException("checkpoint import " + id + " claims " + n + " runs of credits");
        }
        Seqs seqs = new Seqs();
        for (int r = 0; r < n; r++) {
          long first = in.readLong();
          long length = in.readLong();
          if (length < 1 || first < 1 || first - 1 > s.seq - length) {
            throw new IllegalArgumentException("checkpoint import " + id + " holds a run of " + length + " credits from " + first);
          }
          seqs.addRun(first, length);
        }
        s.imports.put(id, seqs);
      }
      int entries = in.readInt();
      if (entries < 0 || entries > in.remaining() / 16) {
        throw new IllegalArgumentException("checkpoint holds " + entries + " entries in " + in.remaining() + " bytes");
      }
      EntryIndex index = new EntryIndex(entries);
      s.entries = index;
      // Most of a large snapshot, and nothing else in the state refers to them: they are read on
      // another thread, which the first use of the index waits for.
      index.fillInBackground(() -> entries(in, names, index, entries));
    } catch (IOException e) {
      throw new IllegalArgumentException("checkpoint cannot be read: " + e, e);
    }
    return s;
  }

  private static void entries(SnapshotIn in, Names names, EntryIndex index, int entries) {
    try {
      long seq = 0;
      for (int i = 0; i < entries; i++) {
        if ((i & 4095) == 0 && index.fillStopped()) {
          throw new java.util.concurrent.CancellationException("the ledger was closed");
        }
        String id = in.readUTF();
        seq = info(in, names, index, id, seq);
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("checkpoint has bytes after the state");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("checkpoint cannot be read: " + e, e);
    }
  }

  private static MemberState member(SnapshotIn in, Names names) throws IOException {
    MemberState m = new MemberState(in.readUTF());
    m.joinedOn = names.day(in.readLong());
    int affiliations = in.readInt();
    for (int i = 0; i < affiliations; i++) {
      m.affiliations.add(new MemberState.Affiliation(names.day(in.readLong()), nullable(in), nullable(in)));
    }
    m.enrolments = in.readInt();
    m.points = in.readLong();
    m.minutes = in.readLong();
    m.serviceMinutes = in.readLong();
    m.backfilledMinutes = in.readLong();
    m.lastPosted = names.day(in.readLong());
    m.everPosted = in.readBoolean();
    int lots = in.readInt();
    for (int i = 0; i < lots; i++) {
      m.lots.append(
          in.readLong(),
          names.day(in.readLong()),
          names.day(in.readLong()),
          in.readLong(),
          in.readLong(),
          in.readBoolean(),
          in.readLong());
    }
    m.lots.trim();
    int days = in.readInt();
    m.dayPoints.reserve(Math.min(days, in.remaining() / 16));
    for (int i = 0; i < days; i++) {
      m.dayPoints.add(names.day(in.readLong()), in.readLong());
    }
    int intervals = in.readInt();
    m.intervals.reserve(Math.min(intervals, in.remaining() / 24));
    for (int i = 0; i < intervals; i++) {
      m.intervals.add(in.readLong(), in.readLong(), in.readLong());
    }
    int monthly = in.readInt();
    for (int i = 0; i < monthly; i++) {
      m.monthlyQuantity.put(in.readUTF(), in.readLong());
    }
    return m;
  }

  /** Reads what {@link #info(SnapshotOut, EntryInfo, Names)} wrote into a new slot of {@code index}. */
  private static long info(SnapshotIn in, Names names, EntryIndex index, String id, long after) throws IOException {
    long seq = in.readLong();
    if (seq <= after) {
      throw new IllegalArgumentException("checkpoint entries are not in journal order at " + id);
    }
    String kind = names.read(in);
    LocalDate date = names.day(in.readLong());
    long fingerprint = in.readLong();
    String text = nullable(in);
    LocalDateTime at = text == null ? null : LocalDateTime.parse(text);
    String reversedBy = nullable(in);
    byte form = in.readByte();
    if (form == 1) {
      int slot = index.addDecoded(id, seq, kind, date, fingerprint, at, reversedBy, null);
      index.setCredit(
          slot, names.read(in), in.readLong(), in.readLong(), in.readBoolean(),
          names.read(in), names.read(in), names.read(in), names.read(in));
      return seq;
    }
    int length = in.readInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("checkpoint entry " + id + " claims " + length + " bytes");
    }
    byte[] json = new byte[length];
    in.readFully(json);
    index.addDecoded(id, seq, kind, date, fingerprint, at, reversedBy, EntryCodec.fromJson(seq, json));
    return seq;
  }

  private static void date(SnapshotOut out, LocalDate d) throws IOException {
    out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
  }

  private static LocalDate date(SnapshotIn in) throws IOException {
    long v = in.readLong();
    return v == Long.MIN_VALUE ? null : Fold.day(LocalDate.ofEpochDay(v));
  }

  private static void nullable(SnapshotOut out, String s) throws IOException {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeUTF(s);
    }
  }

  private static String nullable(SnapshotIn in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  /** Text that may be longer than writeUTF's 64 KiB. */
  private static void text(SnapshotOut out, String s) throws IOException {
    byte[] b = Texts.utf8(s);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(SnapshotIn in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * Reads what {@link DataOutputStream} wrote, straight from the (often mapped) buffer: a snapshot
   * holds millions of numbers and ids, and a stream would copy each through another buffer.
   */
  private static final class SnapshotIn {
    private final ByteBuffer bytes;
    private final int end;
    private int at;
    private byte[] text = new byte[256];

    SnapshotIn(ByteBuffer bytes) {
      this.bytes = bytes;
      this.at = bytes.position();
      this.end = bytes.limit();
    }

    private int take(int n) throws EOFException {
      if (end - at < n) {
        throw new EOFException("the snapshot ends at byte " + (end - bytes.position()));
      }
      int from = at;
      at += n;
      return from;
    }

    int remaining() {
      return end - at;
    }

    /** The next byte, or -1 at the end. */
    int read() {
      return at < end ? bytes.get(at++) & 0xff : -1;
    }

    byte readByte() throws EOFException {
      return bytes.get(take(1));
    }

    boolean readBoolean() throws EOFException {
      return readByte() != 0;
    }

    int readInt() throws EOFException {
      return bytes.getInt(take(4));
    }

    long readLong() throws EOFException {
      return bytes.getLong(take(8));
    }

    void readFully(byte[] into) throws EOFException {
      bytes.get(take(into.length), into);
    }

    /** {@link DataInputStream#readUTF}, without a detour through chars for ASCII text. */
    String readUTF() throws IOException {
      int length = bytes.getShort(take(2)) & 0xffff;
      int from = take(length);
      if (text.length < length + 2) {
        text = new byte[length + 2];
      }
      bytes.get(from - 2, text, 0, length + 2);
      for (int i = 2; i < length + 2; i++) {
        if (text[i] <= 0) {
          return new DataInputStream(new ByteArrayInputStream(text, 0, length + 2)).readUTF();
        }
      }
      return new String(text, 2, length, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Names that repeat across millions of entries (kinds, members, imports, activities, teams,
   * grids) are written once and then by number, and days are shared, so that a large snapshot
   * reads quickly and shares its strings.
   */
  private static final class Names {
    /** Writing: each name's number, in the order the names first appear. */
    private final NameTable vocabulary = new NameTable(1024);
    private int count;
    private final List<String> names = new ArrayList<>();
    private final LocalDate[] days = new LocalDate[100_000];

    /** A member, kind, activity, team, grid or import name. */
    void write(SnapshotOut out, String name) throws IOException {
      if (name == null) {
        out.writeInt(-1);
        return;
      }
      int n = vocabulary.number(name);
      if (n >= 0) {
        out.writeInt(n);
      } else {
        out.writeInt(count);
        out.writeUTF(name);
        vocabulary.add(name, count++);
      }
    }

    String read(SnapshotIn in) throws IOException {
      int n = in.readInt();
      if (n == -1) {
        return null;
      }
      if (n == names.size()) {
        String name = in.readUTF();
        names.add(name);
        return name;
      }
      if (n < 0 || n > names.size()) {
        throw new IOException("name number " + n + " is out of order");
      }
      return names.get(n);
    }

    LocalDate day(long epochDay) {
      if (epochDay == Long.MIN_VALUE) {
        return null;
      }
      if (epochDay < 0 || epochDay >= days.length) {
        return Fold.day(LocalDate.ofEpochDay(epochDay));
      }
      LocalDate d = days[(int) epochDay];
      if (d == null) {
        d = Fold.day(LocalDate.ofEpochDay(epochDay));
        days[(int) epochDay] = d;
      }
      return d;
    }
  }
}

package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * The committed state's entries by id: what is kept of each, in columns.
 *
 * <p>Design: a ledger holds millions of entries, most of them credits. As records in a hash map each
 * costs four objects and about 170 bytes, which is also what a checkpoint has to allocate, and the
 * collector to copy, when a ledger opens. Here each field is a column indexed by the entry's slot
 * (the order it was first put), found through an open-addressing table of slots, so an entry costs
 * about 45 bytes and no objects of its own: the ids are bytes in shared pages rather than strings
 * (the rest of the state names an entry by its seq), kinds and names are numbers in columns of
 * their own ({@link NameColumn}), small counts are chars and seqs ints ({@link LongColumn}), and
 * dates are day numbers ({@link DateColumn}). Slots follow the entries' seqs, so an id is found by
 * seq too. Values are built on demand by {@link #get}; putting an id again (a reversal marks its
 * target) overwrites its slot. Entries are never removed. Not thread-safe: the state's lock
 * guards it, as it guarded the map before it. The one exception is a fill from a checkpoint on a
 * thread of its own ({@link #fillInBackground}), which every other use waits for.
 */
final class EntryIndex extends AbstractMap<String, EntryInfo> {
  private static final byte CREDIT = 1;
  private static final byte HOUR_BASED = 2;
  /** The slot has an entry in {@link #rests}: the map is asked only then. */
  private static final byte HAS_REST = 4;

  /** The rarely set fields of an entry, kept together: a plain credit has none of them. */
  private record Rest(LocalDateTime at, String reversedBy, org.huzhu.ledger.Entry entry) {}

  private static final int SLOT_BITS = 28;
  /** The most entries an index holds: a slot and a few bits of its hash share an int of the table. */
  static final int MAX_SLOTS = (1 << SLOT_BITS) - 1;
  /** How full {@link #table} may get: fuller would make a probe walk longer, emptier costs memory. */
  private static final double MAX_LOAD = 0.6;

  /** Pages of id bytes: a page fills up to {@link #PAGE} bytes before the next is started. */
  private static final int PAGE_BITS = 20;
  private static final int PAGE = 1 << PAGE_BITS;
  private static final int GROUP_BITS = 4;
  private static final int GROUP = 1 << GROUP_BITS;
  /** The length byte of an id kept in {@link #wideIds}, followed by its index there. */
  private static final int WIDE_ID = 0;

  private int size;
  /**
   * Each id's slot + 1 in the low {@link #SLOT_BITS} bits, 0 for free, and the top bits of its
   * spread hash above them, so that a probe rarely reads an id that is not the one it looks for; a
   * power of two at most {@link #MAX_LOAD} full.
   */
  private int[] table;
  /**
   * Each slot's id, in slot order, as a length byte (1 to 255) and its Latin-1 bytes, or as a 0 and
   * the big-endian index in {@link #wideIds} of an id that is empty, longer than 255 characters or
   * has a character beyond Latin-1 (only a damaged journal has one; the audit still folds it). A
   * page ends where the next id did not fit, at {@link #pageEnds}.
   */
  private byte[][] pages = {new byte[64]};
  private int pageFill;
  private int[] pageEnds = new int[1];
  private final java.util.List<String> wideIds = new java.util.ArrayList<>();
  /**
   * Where the id of every {@link #GROUP}th slot starts, {@code page << PAGE_BITS | position}; the
   * slots between are found by stepping over the ids before them. A place for every slot would
   * cost four bytes an entry.
   */
  private int[] groupPlaces;
  /** Whether the slots' seqs ascend, as the ledger puts them; {@link #slotOfSeq} relies on it. */
  private boolean seqOrdered = true;
  private final LongColumn seqs;
  private final NameColumn kinds;
  private final DateColumn dates;
  private long[] fingerprints;
  /**
   * The rarely set fields by slot: a credit has none until it is reversed, so a column would spend
   * a reference on every credit for the few other entries.
   */
  private final Map<Integer, Rest> rests = new java.util.HashMap<>();
  private byte[] flags;
  private final NameColumn members;
  private final LongColumn points;
  private final LongColumn minutes;
  private final NameColumn importIds;
  private final NameColumn activities;
  private final NameColumn teams;
  private final NameColumn grids;
  /**
   * While a snapshot's entries are still being read on another thread, what the first use of the
   * index waits for; null once its columns are complete.
   */
  private volatile CompletableFuture<Void> filling;
  private volatile boolean stopped;

  EntryIndex() {
    this(16);
  }

  /** An index that holds {@code expected} entries without growing (at most {@link #MAX_SLOTS}). */
  EntryIndex(int expected) {
    int capacity = capacityFor(expected);
    table = new int[tableFor(capacity)];
    groupPlaces = new int[groups(capacity)];
    seqs = new LongColumn(capacity, false);
    kinds = new NameColumn(capacity);
    dates = new DateColumn(capacity);
    fingerprints = new long[capacity];
    flags = new byte[capacity];
    members = new NameColumn(capacity);
    points = new LongColumn(capacity, true);
    minutes = new LongColumn(capacity, true);
    importIds = new NameColumn(capacity);
    activities = new NameColumn(capacity);
    teams = new NameColumn(capacity);
    grids = new NameColumn(capacity);
  }

  /**
   * Fills this index from {@code decoder} (which calls {@link #addDecoded} and {@link #setCredit})
   * on a thread of its own; any other use of the index waits until it is done. Opening a large
   * ledger then does not wait for the bulk of its checkpoint, which a read of a balance never uses,
   * and the command's own work runs beside it.
   */
  void fillInBackground(Runnable decoder) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    filling = done;
    Thread t =
        new Thread(
            () -> {
              try {
                decoder.run();
                done.complete(null);
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            },
            "huzhu-checkpoint-entries");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Waits for a background fill; returns whether the index is complete (false when the fill
   * failed or was stopped, and every use of the index then fails).
   */
  boolean filled() {
    try {
      ready();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Asks a background fill to stop: the index is no longer wanted (its ledger closed). */
  void stopFilling() {
    stopped = true;
  }

  /** Whether the ledger that was filling this index no longer wants it; read by the fill. */
  boolean fillStopped() {
    return stopped;
  }

  /** Waits for a background fill; a failed one fails every use of the index. */
  private void ready() {
    CompletableFuture<Void> f = filling;
    if (f != null) {
      try {
        f.join();
      } catch (CompletionException e) {
        throw new IllegalStateException("the checkpoint's entries cannot be read: " + e.getCause().getMessage(), e.getCause());
      } catch (java.util.concurrent.CancellationException e) {
        throw new IllegalStateException("the ledger was closed before its checkpoint's entries were read", e);
      }
      filling = null;
    }
  }

  /** The rows an index made for {@code expected} entries starts with. */
  static int capacityFor(int expected) {
    return Math.max(16, Math.min(expected, MAX_SLOTS));
  }

  /** The size of a table that holds {@code entries}, at most {@link #MAX_SLOTS}, no more than {@link #MAX_LOAD} full. */
  static int tableFor(int entries) {
    int size = 16;
    while (size * MAX_LOAD < Math.min(entries, MAX_SLOTS)) {
      size <<= 1;
    }
    return size;
  }

  /** A power of two at least twice {@code entries}: an open-addressing table at most half full. */
  static int tableSizeFor(int entries) {
    return Integer.highestOneBit(Math.max(8, entries) * 2 - 1) << 1;
  }

  @Override
  public int size() {
    ready();
    return size;
  }

  @Override
  public boolean containsKey(Object key) {
    ready();
    return key instanceof String id && slot(id) >= 0;
  }

  @Override
  public EntryInfo get(Object key) {
    ready();
    if (!(key instanceof String id)) {
      return null;
    }
    int slot = slot(id);
    return slot < 0 ? null : info(slot);
  }

  @Override
  public EntryInfo put(String id, EntryInfo info) {
    ready();
    int slot = slot(id);
    EntryInfo previous = null;
    if (slot >= 0) {
      previous = info(slot);
      if (seqs.get(slot) != info.seq()) {
        seqOrdered = false; // the ledger never does this; a test may
      }
    } else {
      slot = add(id, info.seq());
    }
    set(slot, info);
    return previous;
  }

  /** Copies another index's entries column by column, without building a value for each. */
  @Override
  public void putAll(Map<? extends String, ? extends EntryInfo> m) {
    ready();
    if (!(m instanceof EntryIndex other)) {
      // in journal order, so that the slots keep following the seqs
      m.entrySet().stream()
          .sorted(java.util.Comparator.comparingLong(e -> e.getValue().seq()))
          .forEach(e -> put(e.getKey(), e.getValue()));
      return;
    }
    other.ready();
    reserve(other.size);
    NameColumn.Copier kindsFrom = kinds.copierFrom(other.kinds);
    NameColumn.Copier membersFrom = members.copierFrom(other.members);
    NameColumn.Copier importIdsFrom = importIds.copierFrom(other.importIds);
    NameColumn.Copier activitiesFrom = activities.copierFrom(other.activities);
    NameColumn.Copier teamsFrom = teams.copierFrom(other.teams);
    NameColumn.Copier gridsFrom = grids.copierFrom(other.grids);
    for (int from = 0; from < other.size; from++) {
      String id = other.idAt(from);
      long seq = other.seqs.get(from);
      int to = slot(id);
      if (to < 0) {
        to = add(id, seq);
      } else if (seqs.get(to) != seq) {
        seqOrdered = false;
      }
      seqs.set(to, seq);
      kindsFrom.copy(to, from);
      dates.set(to, other.dates.get(from));
      fingerprints[to] = other.fingerprints[from];
      setRest(to, other.restAt(from));
      flags[to] = other.flags[from];
      membersFrom.copy(to, from);
      points.set(to, other.points.get(from));
      minutes.set(to, other.minutes.get(from));
      importIdsFrom.copy(to, from);
      activitiesFrom.copy(to, from);
      teamsFrom.copy(to, from);
      gridsFrom.copy(to, from);
    }
  }

  /**
   * Makes room for {@code more} entries beyond those held, in one step: growing a column at a time
   * from 16 to a million copies every column about twenty times.
   */
  void reserve(int more) {
    ready();
    long wanted = (long) size + more;
    if (wanted > flags.length) {
      grow((int) Math.min(wanted, MAX_SLOTS));
    }
  }

  /**
   * Adds an entry read from a snapshot, where every id appears once (refused otherwise): no values
   * built to be taken apart again.
   *
   * @return its slot, for {@link #setCredit}
   */
  int addDecoded(
      String id, long seq, String kind, LocalDate date, long fingerprint, LocalDateTime at, String reversedBy,
      org.huzhu.ledger.Entry entry) {
    growIfFull();
    int h = spread(id.hashCode());
    int mask = table.length - 1;
    int i = h & mask;
    int tag = h & ~MAX_SLOTS;
    // One walk both looks for the id and finds its free place.
    for (int t = table[i]; t != 0; t = table[i = (i + 1) & mask]) {
      if ((t & ~MAX_SLOTS) == tag && idEquals((t & MAX_SLOTS) - 1, id)) {
        throw new IllegalArgumentException("entry id " + id + " appears twice");
      }
    }
    noteSeq(seq);
    int slot = size++;
    store(slot, id);
    table[i] = tag | (slot + 1);
    seqs.set(slot, seq);
    kinds.set(slot, kind);
    dates.set(slot, date);
    fingerprints[slot] = fingerprint;
    setRest(slot, at == null && reversedBy == null && entry == null ? null : new Rest(at, reversedBy, entry));
    return slot;
  }

  /** Makes the entry at {@code slot} a credit; the fields are those of {@link EntryInfo.CreditInfo}. */
  void setCredit(
      int slot, String member, long points, long minutes, boolean hourBased, String importId, String activity,
      String team, String grid) {
    flags[slot] = (byte) ((flags[slot] & HAS_REST) | CREDIT | (hourBased ? HOUR_BASED : 0));
    creditColumns(slot, member, points, minutes, importId, activity, team, grid);
  }

  private void creditColumns(
      int slot, String member, long points, long minutes, String importId, String activity, String team, String grid) {
    members.set(slot, member);
    this.points.set(slot, points);
    this.minutes.set(slot, minutes);
    importIds.set(slot, importId);
    activities.set(slot, activity);
    teams.set(slot, team);
    grids.set(slot, grid);
  }

  /** A new slot for {@code id}, which is not in the index yet, of the entry {@code seq}. */
  private int add(String id, long seq) {
    growIfFull();
    noteSeq(seq);
    int slot = size++;
    store(slot, id);
    link(slot, spread(id.hashCode()));
    return slot;
  }

  private Rest restAt(int slot) {
    return (flags[slot] & HAS_REST) != 0 ? rests.get(slot) : null;
  }

  private void setRest(int slot, Rest rest) {
    if (rest == null) {
      if ((flags[slot] & HAS_REST) != 0) {
        rests.remove(slot);
        flags[slot] &= ~HAS_REST;
      }
    } else {
      rests.put(slot, rest);
      flags[slot] |= HAS_REST;
    }
  }

  private void growIfFull() {
    if (size == flags.length) {
      if (size == MAX_SLOTS) {
        throw new IllegalStateException("an index holds at most " + MAX_SLOTS + " entries");
      }
      grow(Math.min(MAX_SLOTS, flags.length + (flags.length >> 1)));
    }
  }

  private void noteSeq(long seq) {
    if (size > 0 && seqs.get(size - 1) >= seq) {
      seqOrdered = false;
    }
  }

  /** Stores the id of {@code slot}, the next slot, after the ids of the slots before it. */
  private void store(int slot, String id) {
    int n = id.length();
    boolean narrow = n >= 1 && n <= 255;
    for (int i = 0; i < n && narrow; i++) {
      narrow = id.charAt(i) <= 0xff;
    }
    int length = narrow ? n + 1 : 5;
    byte[] page = pages[pages.length - 1];
    if (page.length - pageFill < length) {
      if (page.length < PAGE) {
        page = Arrays.copyOf(page, Math.min(PAGE, Math.max(page.length * 2, pageFill + length)));
        pages[pages.length - 1] = page;
      }
      if (page.length - pageFill < length) {
        if (pages.length == 1 << (31 - PAGE_BITS)) {
          throw new IllegalStateException("an index holds at most 2 GiB of entry ids");
        }
        pageEnds[pages.length - 1] = pageFill;
        page = new byte[PAGE];
        pages = Arrays.copyOf(pages, pages.length + 1);
        pages[pages.length - 1] = page;
        pageEnds = Arrays.copyOf(pageEnds, pages.length);
        pageFill = 0;
      }
    }
    if ((slot & (GROUP - 1)) == 0) {
      groupPlaces[slot >>> GROUP_BITS] = (pages.length - 1) << PAGE_BITS | pageFill;
    }
    if (narrow) {
      page[pageFill] = (byte) n;
      for (int i = 0; i < n; i++) {
        page[pageFill + 1 + i] = (byte) id.charAt(i);
      }
    } else {
      int index = wideIds.size();
      wideIds.add(id);
      page[pageFill] = WIDE_ID;
      page[pageFill + 1] = (byte) (index >>> 24);
      page[pageFill + 2] = (byte) (index >>> 16);
      page[pageFill + 3] = (byte) (index >>> 8);
      page[pageFill + 4] = (byte) index;
    }
    pageFill += length;
  }

  /**
   * Where the id of {@code slot} is: {@code page << PAGE_BITS | position} of its length byte, or
   * {@code -1 - i} for {@code wideIds.get(i)}.
   */
  private int idPlace(int slot) {
    int at = groupPlaces[slot >>> GROUP_BITS];
    int page = at >>> PAGE_BITS;
    int pos = at & (PAGE - 1);
    byte[] bytes = pages[page];
    for (int k = slot & (GROUP - 1); k > 0; k--) {
      int n = bytes[pos] & 0xff;
      pos += n == WIDE_ID ? 5 : n + 1;
      if (page < pages.length - 1 && pos == pageEnds[page]) {
        bytes = pages[++page];
        pos = 0;
      }
    }
    if (bytes[pos] != WIDE_ID) {
      return page << PAGE_BITS | pos;
    }
    int index =
        (bytes[pos + 1] & 0xff) << 24 | (bytes[pos + 2] & 0xff) << 16 | (bytes[pos + 3] & 0xff) << 8
            | (bytes[pos + 4] & 0xff);
    return -1 - index;
  }

  private static int groups(int capacity) {
    return (capacity >>> GROUP_BITS) + 1;
  }

  private boolean idEquals(int slot, String id) {
    int at = idPlace(slot);
    if (at < 0) {
      return wideIds.get(-1 - at).equals(id);
    }
    byte[] page = pages[at >>> PAGE_BITS];
    int from = at & (PAGE - 1);
    int n = page[from] & 0xff;
    if (n != id.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if ((page[from + 1 + i] & 0xff) != id.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The slot of the entry {@code seq}, or -1 when the index has none. */
  private int slotOfSeq(long seq) {
    if (!seqOrdered) {
      for (int slot = 0; slot < size; slot++) {
        if (seqs.get(slot) == seq) {
          return slot;
        }
      }
      return -1;
    }
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long at = seqs.get(mid);
      if (at < seq) {
        lo = mid + 1;
      } else if (at > seq) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The id of the entry {@code seq}, or null when the index has none. */
  String idOfSeq(long seq) {
    ready();
    int slot = slotOfSeq(seq);
    return slot < 0 ? null : idAt(slot);
  }

  private int slot(String id) {
    int mask = table.length - 1;
    int h = spread(id.hashCode());
    int tag = h & ~MAX_SLOTS;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int t = table[i];
      if (t == 0) {
        return -1;
      }
      if ((t & ~MAX_SLOTS) == tag && idEquals((t & MAX_SLOTS) - 1, id)) {
        return (t & MAX_SLOTS) - 1;
      }
    }
  }

  /** Enters {@code slot}, whose id's spread hash is {@code h}, in the table. */
  private void link(int slot, int h) {
    int mask = table.length - 1;
    int i = h & mask;
    while (table[i] != 0) {
      i = (i + 1) & mask;
    }
    table[i] = (h & ~MAX_SLOTS) | (slot + 1);
  }

  /** The spread hash of the id in {@code slot}, as {@link String#hashCode} gives it, from its bytes. */
  private int hashAt(int slot) {
    int at = idPlace(slot);
    if (at < 0) {
      return spread(wideIds.get(-1 - at).hashCode());
    }
    byte[] page = pages[at >>> PAGE_BITS];
    int from = at & (PAGE - 1);
    int h = 0;
    for (int i = from + 1, end = from + 1 + (page[from] & 0xff); i < end; i++) {
      h = 31 * h + (page[i] & 0xff);
    }
    return spread(h);
  }

  /** Spreads a string's hash over the table's low bits, where the probing starts. */
  static int spread(int h) {
    return (h ^ (h >>> 16)) * 0x9E3779B9;
  }

  private void set(int slot, EntryInfo info) {
    seqs.set(slot, info.seq());
    kinds.set(slot, info.kind());
    dates.set(slot, info.date());
    fingerprints[slot] = info.fingerprint();
    setRest(
        slot,
        info.at() == null && info.reversedBy() == null && info.entry() == null
            ? null
            : new Rest(info.at(), info.reversedBy(), info.entry()));
    EntryInfo.CreditInfo c = info.credit();
    if (c == null) {
      flags[slot] &= HAS_REST;
      creditColumns(slot, null, 0, 0, null, null, null, null);
    } else {
      setCredit(slot, c.member(), c.points(), c.minutes(), c.hourBased(), c.importId(), c.activity(), c.team(), c.grid());
    }
  }

  /**
   * The slots in the order of their entries' sequence numbers, so that a snapshot walks the columns
   * in order: by id, each entry's columns are a cache miss apiece. Slots are filled nearly in that
   * order already (a group's entries arrive together), which the sort finds quickly.
   */
  int[] slotsBySeq() {
    ready();
    int[] order = new int[size];
    boolean sorted = true;
    long min = 0;
    long max = 0;
    for (int slot = 0; slot < size; slot++) {
      order[slot] = slot;
      long seq = seqs.get(slot);
      sorted &= slot == 0 || seqs.get(slot - 1) < seq;
      min = Math.min(min, seq);
      max = Math.max(max, seq);
    }
    if (sorted) {
      return order;
    }
    if (min >= 0 && max < 1L << 34 && size <= 1 << 29) {
      // A slot fits in 29 bits, so a seq and its slot share one long.
      long[] keyed = new long[size];
      for (int slot = 0; slot < size; slot++) {
        keyed[slot] = seqs.get(slot) << 29 | slot;
      }
      Arrays.sort(keyed);
      for (int i = 0; i < size; i++) {
        order[i] = (int) (keyed[i] & ((1 << 29) - 1));
      }
      return order;
    }
    return java.util.stream.IntStream.range(0, size)
        .boxed()
        .sorted(java.util.Comparator.comparingLong(seqs::get))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The id held in {@code slot}. */
  String idAt(int slot) {
    ready();
    int at = idPlace(slot);
    if (at < 0) {
      return wideIds.get(-1 - at);
    }
    byte[] page = pages[at >>> PAGE_BITS];
    int from = at & (PAGE - 1);
    return new String(page, from + 1, page[from] & 0xff, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** The entry held in {@code slot}, as {@link #get} builds it. */
  EntryInfo infoAt(int slot) {
    ready();
    return info(slot);
  }

  private EntryInfo info(int slot) {
    Rest rest = restAt(slot);
    EntryInfo.CreditInfo credit =
        (flags[slot] & CREDIT) == 0
            ? null
            : new EntryInfo.CreditInfo(
                members.get(slot), points.get(slot), minutes.get(slot), (flags[slot] & HOUR_BASED) != 0,
                importIds.get(slot), activities.get(slot), teams.get(slot), grids.get(slot));
    return new EntryInfo(
        seqs.get(slot), kinds.get(slot), dates.get(slot), fingerprints[slot],
        rest == null ? null : rest.at(), rest == null ? null : rest.reversedBy(),
        rest == null ? null : rest.entry(), credit);
  }

  private void grow(int capacity) {
    groupPlaces = Arrays.copyOf(groupPlaces, groups(capacity));
    seqs.resize(capacity);
    kinds.resize(capacity);
    dates.resize(capacity);
    fingerprints = Arrays.copyOf(fingerprints, capacity);
    flags = Arrays.copyOf(flags, capacity);
    members.resize(capacity);
    points.resize(capacity);
    minutes.resize(capacity);
    importIds.resize(capacity);
    activities.resize(capacity);
    teams.resize(capacity);
    grids.resize(capacity);
    if (table.length * MAX_LOAD < capacity) {
      table = new int[tableFor(capacity)];
      for (int s = 0; s < size; s++) {
        link(s, hashAt(s));
      }
    }
  }

  @Override
  public Set<String> keySet() {
    ready();
    return new Slots<>(this::idAt);
  }

  @Override
  public Set<Map.Entry<String, EntryInfo>> entrySet() {
    ready();
    return new Slots<>(s -> new SlotEntry(s, info(s)));
  }

  @Override
  public java.util.Collection<EntryInfo> values() {
    ready();
    return new Slots<>(this::info);
  }

  /** An entry of {@link #entrySet}: its id is made into a string only when asked for. */
  private final class SlotEntry implements Map.Entry<String, EntryInfo> {
    private final int slot;
    private final EntryInfo info;

    SlotEntry(int slot, EntryInfo info) {
      this.slot = slot;
      this.info = info;
    }

    @Override
    public String getKey() {
      return idAt(slot);
    }

    @Override
    public EntryInfo getValue() {
      return info;
    }

    @Override
    public EntryInfo setValue(EntryInfo value) {
      throw new UnsupportedOperationException("entries are put, not set");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && info.equals(e.getValue());
    }

    @Override
    public int hashCode() {
      return getKey().hashCode() ^ info.hashCode();
    }

    @Override
    public String toString() {
      return getKey() + "=" + info;
    }
  }

  /** A view of the slots in the order they were filled. */
  private final class Slots<T> extends AbstractSet<T> {
    private final IntFunction<T> at;

    Slots(IntFunction<T> at) {
      this.at = at;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Iterator<T> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public T next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          return at.apply(next++);
        }
      };
    }
  }
}

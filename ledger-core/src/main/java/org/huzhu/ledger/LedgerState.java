package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.rules.RuleVersion;

/**
 * The ledger's state: a fold over the journal's entries.
 *
 * <p>Design: a state is either the committed root or a child that overlays a parent. A child reads
 * through to its parent and copies a member (or any other mutable part) into itself on first
 * write, so the writer can decide a command or a whole import against a child and then either
 * merge it into the parent (after the journal made it durable) or drop it (a refusal, a dry run, an
 * all-or-nothing import with a rejected row). Replay applies entries to the root directly. Both
 * paths run the same {@link Fold#apply}, so live and replayed state cannot disagree.
 */
final class LedgerState {
  private final LedgerState parent;

  ZoneId zone;
  long seq;
  LocalDate latestDate;
  List<RuleVersion> rules;
  /** The canonical JSON of each version in {@link #rules}, in the same order. */
  List<String> rulesJson;
  CatalogState catalog;
  int catalogVersions;

  /**
   * The committed root's members and accounts are concurrent maps whose values are never changed
   * once published (a transaction changes copies, and merging replaces them), so a single balance
   * can be read without the read lock.
   */
  Map<String, MemberState> members;

  final Map<Account, long[]> accounts;
  /**
   * In the root, an {@link EntryIndex}; in a child, a map of what it added or changed (an index
   * too when it may add many, see {@link #indexEntries}).
   */
  Map<String, EntryInfo> entries;
  /** Each import's credits, by seq. */
  final Map<String, Seqs> imports = new HashMap<>();
  /** Entries posted to this child and not yet merged, in order. */
  final PendingEntries pending = new PendingEntries();

  LedgerState() {
    this(16);
  }

  /** An empty root sized for {@code expectedEntries} (a replay knows how many records it reads). */
  LedgerState(long expectedEntries) {
    this.parent = null;
    this.members = new java.util.concurrent.ConcurrentHashMap<>();
    this.accounts = new java.util.concurrent.ConcurrentHashMap<>();
    this.rules = List.of();
    this.rulesJson = List.of();
    this.catalog = CatalogState.EMPTY;
    this.entries = new EntryIndex((int) Math.min(expectedEntries, EntryIndex.MAX_SLOTS));
  }

  private LedgerState(LedgerState parent) {
    this.parent = parent;
    this.members = new HashMap<>();
    this.accounts = new HashMap<>();
    this.entries = new HashMap<>();
    this.zone = parent.zone;
    this.seq = parent.seq;
    this.latestDate = parent.latestDate;
    this.rules = parent.rules;
    this.rulesJson = parent.rulesJson;
    this.catalog = parent.catalog;
    this.catalogVersions = parent.catalogVersions;
  }

  /**
   * Keeps this child's entries in columns, as the root does: an import adds a million, which a
   * hash map of records would hold at about twice the size until it is merged.
   */
  void indexEntries() {
    if (!entries.isEmpty()) {
      throw new IllegalStateException("entries are indexed before any is added");
    }
    entries = new EntryIndex();
  }

  /** Makes room for {@code n} more entries in one step, when they are kept in columns. */
  void expectEntries(int n) {
    if (entries instanceof EntryIndex index) {
      index.reserve(n);
    }
  }

  boolean isChild() {
    return parent != null;
  }

  LedgerState child() {
    return new LedgerState(this);
  }

  /** Moves everything this child decided into its parent. */
  void mergeIntoParent() {
    LedgerState p = parent;
    p.zone = zone;
    p.seq = seq;
    p.latestDate = latestDate;
    p.rules = rules;
    p.rulesJson = rulesJson;
    p.catalog = catalog;
    p.catalogVersions = catalogVersions;
    p.members.putAll(members);
    p.accounts.putAll(accounts);
    p.entries.putAll(entries);
    p.imports.putAll(imports);
    if (p.parent != null) {
      p.pending.addAll(pending);
    }
  }

  MemberState member(String id) {
    MemberState m = members.get(id);
    if (m == null && parent != null) {
      m = parent.member(id);
    }
    return m;
  }

  /** Every enrolled member's id, sorted. */
  List<String> memberIds() {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>(members.keySet());
    if (parent != null) {
      ids.addAll(parent.memberIds());
    }
    return new ArrayList<>(ids);
  }

  /**
   * Waits until the entries read from a checkpoint are complete; false when they could not be read
   * (the state is then not to be used).
   */
  boolean entriesComplete() {
    return !(entries instanceof EntryIndex index) || index.filled();
  }

  /** Stops reading a checkpoint's entries that nothing will use any more. */
  void abandon() {
    if (entries instanceof EntryIndex index) {
      index.stopFilling();
    }
  }

  MemberState memberForUpdate(String id) {
    MemberState m = members.get(id);
    if (m == null && parent != null) {
      MemberState inherited = parent.member(id);
      if (inherited != null) {
        m = inherited.copy();
        members.put(id, m);
      }
    }
    return m;
  }

  void addMember(MemberState m) {
    members.put(m.id, m);
  }

  /** {points, minutes} of a non-member account; null when never posted to. */
  long[] account(Account a) {
    long[] v = accounts.get(a);
    if (v == null && parent != null) {
      v = parent.account(a);
    }
    return v;
  }

  long[] accountForUpdate(Account a) {
    long[] v = accounts.get(a);
    if (v == null) {
      long[] inherited = parent == null ? null : parent.account(a);
      v = inherited == null ? new long[2] : inherited.clone();
      accounts.put(a, v);
    }
    return v;
  }

  EntryInfo entry(String id) {
    EntryInfo e = entries.get(id);
    if (e == null && parent != null) {
      e = parent.entry(id);
    }
    return e;
  }

  /**
   * The id of the entry {@code seq}, or null when there is none: the state names entries by seq
   * (lots, intervals, imports) and keeps each id once, in the index.
   */
  String idOf(long seq) {
    if (parent != null && seq <= parent.seq) {
      return parent.idOf(seq); // what a transaction changed of an earlier entry keeps its id
    }
    if (entries instanceof EntryIndex index) {
      return index.idOfSeq(seq);
    }
    for (Map.Entry<String, EntryInfo> e : entries.entrySet()) {
      if (e.getValue().seq() == seq) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The seq of the entry {@code id}, or -1 when there is none. */
  long seqOf(String id) {
    EntryInfo e = entry(id);
    return e == null ? -1 : e.seq();
  }

  /** The seqs of the credits of import {@code importId}, or null when it credited none. */
  Seqs importCredits(String importId) {
    Seqs seqs = imports.get(importId);
    if (seqs == null && parent != null) {
      seqs = parent.importCredits(importId);
    }
    return seqs;
  }

  Seqs importCreditsForUpdate(String importId) {
    Seqs seqs = imports.get(importId);
    if (seqs == null) {
      Seqs inherited = parent == null ? null : parent.importCredits(importId);
      seqs = inherited == null ? new Seqs() : inherited.copy();
      imports.put(importId, seqs);
    }
    return seqs;
  }

  /**
   * The entry with id {@code id} posted in this transaction (or a parent's), if any; not one a
   * streaming transaction (an import) has already handed to its batch.
   */
  Entry pendingEntry(String id) {
    Entry e = pending.find(id);
    if (e != null) {
      return e;
    }
    return parent == null ? null : parent.pendingEntry(id);
  }

  /** The rule version in force on {@code day}: the highest whose effective date is not after it. */
  RuleVersion rulesInForce(LocalDate day) {
    RuleVersion best = null;
    for (RuleVersion r : rules) {
      if (!r.effectiveFrom().isAfter(day) && (best == null || r.version() > best.version())) {
        best = r;
      }
    }
    return best;
  }

  long hoursFloor(LocalDate day) {
    RuleVersion r = rulesInForce(day);
    return r == null ? 0 : -r.hoursCreditLimitMinutes();
  }
}

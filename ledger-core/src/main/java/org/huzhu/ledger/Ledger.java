package org.huzhu.ledger;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.huzhu.ledger.imports.MemberRow;
import org.huzhu.ledger.imports.MembersFile;
import org.huzhu.ledger.imports.ReadListener;
import org.huzhu.ledger.imports.SigninFiles;
import org.huzhu.ledger.imports.SortedSignins;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.JournalRecord;
import org.huzhu.ledger.journal.Journals;
import org.huzhu.ledger.rules.RuleVersion;
import org.huzhu.ledger.rules.RuleVersions;

/**
 * One community's books: an append-only, double-entry, hash-chained ledger of volunteer hours
 * (minutes) and points.
 *
 * <p>Writes are decided by a single writer and acknowledged only once durable; callers may call
 * from many threads, and concurrent commands share one force of the journal. Reads see every
 * acknowledged write and do not wait behind the journal. Every refusal is a {@link LedgerRefusal}
 * whose {@link Reason} the caller can switch on, and leaves nothing behind; storage faults are
 * {@link LedgerStorageException}s.
 *
 * <p>Besides those two, a caller sees {@link IllegalArgumentException} for a malformed argument
 * (the request records check theirs when made), {@link NullPointerException} naming a required
 * argument that is null, and {@link IllegalStateException} for a write to a ledger opened
 * read-only, or any use of a closed one.
 *
 * <p>Instances are thread-safe. Close them to release the journal.
 */
public final class Ledger implements AutoCloseable {
  private final Journal journal;
  private final LedgerState root;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Clock clock;
  private final Writer writer;
  /** Entries {@link #entries} reads from the journal at a time. */
  private static final int ENTRIES_READ_AT_ONCE = 4096;

  private final List<Consumer<Entry>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
  private final Checkpoints checkpoints;

  private Ledger(Journal journal, LedgerState root, Clock clock, Checkpoints checkpoints) {
    this.journal = journal;
    this.root = root;
    this.clock = clock;
    this.checkpoints = checkpoints;
    this.writer =
        journal.readOnly()
            ? null
            : new Writer(journal, root, lock, this::deliver, () -> checkpoints.maybeWrite(journal, root));
  }

  /**
   * Creates a new, empty ledger in {@code dir} with time zone {@code zone}, and opens it for
   * writing.
   *
   * @throws LedgerStorageException if a ledger already exists there or the directory cannot be
   *     written
   */
  public static Ledger create(Path dir, ZoneId zone, Clock clock) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    Journal j = Journals.create(dir);
    Ledger l;
    try {
      l = load(j, clock, Checkpoints.every(100_000));
    } catch (RuntimeException e) {
      j.close();
      throw e;
    }
    l.initialise(zone);
    return l;
  }

  /**
   * Opens the ledger in {@code dir} for writing: takes the writer's lock, cuts an incomplete tail
   * left by a crash (and logs what was cut), and rebuilds the state from the newest checkpoint and
   * the records after it. Opening checks those records and how every segment joins the next, not
   * every record before the checkpoint: that is the audit's full scan ({@link #audit}), so that
   * opening stays fast however long the journal.
   *
   * @throws LedgerStorageException if there is no ledger there, another process holds it, or a
   *     record it checks is damaged (naming the segment and offset)
   */
  public static Ledger open(Path dir, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Journal j = Journals.openWriter(dir);
    try {
      return load(j, clock, Checkpoints.every(100_000));
    } catch (RuntimeException e) {
      j.close();
      throw e;
    }
  }

  /**
   * Opens the ledger in {@code dir} for reading only: takes no lock, never writes, and sees every
   * record complete at the time of opening, so it works while another process writes.
   */
  public static Ledger openReadOnly(Path dir, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Journal j = Journals.openReader(dir);
    try {
      return load(j, clock, Checkpoints.never());
    } catch (RuntimeException e) {
      j.close();
      throw e;
    }
  }

  /** A new ledger kept in memory only: for tests and for apps that keep their own store. */
  public static Ledger inMemory(ZoneId zone, Clock clock) {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(clock, "clock");
    Ledger l = new Ledger(Journals.inMemory(), new LedgerState(), clock, Checkpoints.never());
    l.initialise(zone);
    return l;
  }

  /**
   * The time zone of the ledger in {@code dir}, read from its first entry without opening it, so
   * that a caller can build a clock in that zone before opening.
   *
   * @throws LedgerStorageException if there is no ledger there or its first entry cannot be read
   */
  public static ZoneId zoneOf(Path dir) {
    try (Journal j = Journals.openReader(dir)) {
      JournalRecord first =
          j.read(1).orElseThrow(() -> new LedgerStorageException("the ledger at " + dir + " has no entries", null));
      if (EntryCodec.fromJson(1, first.entryJson()).detail() instanceof EntryDetail.LedgerCreated c) {
        return c.zone();
      }
      throw new LedgerStorageException("the first entry of the ledger at " + dir + " does not name its zone", null);
    }
  }

  /** Whether a ledger exists in {@code dir}. */
  public static boolean exists(Path dir) {
    return Journals.exists(dir);
  }

  static Ledger load(Journal j, Clock clock, Checkpoints checkpoints) {
    Replay.Restored restored = Replay.restore(j);
    checkpoints.restoredFrom(restored.checkpointSeq());
    return new Ledger(j, restored.state(), clock, checkpoints);
  }

  /** Writes the ledger's first entry, naming its zone, unless the journal has one. */
  void initialise(ZoneId zone) {
    writer.submit(
        tx -> {
          if (tx.seq == 0) {
            Writer.post(
                tx,
                new Entry(0, "sys:ledger", LocalDate.of(1970, 1, 1), List.of(), new EntryDetail.LedgerCreated(zone)));
          }
          return Writer.Outcome.keep(null);
        },
        true);
  }

  /** The ledger's time zone, fixed when it was created. */
  public ZoneId zone() {
    return read(() -> root.zone);
  }

  /** The clock this ledger reads "now" from. */
  public Clock clock() {
    return clock;
  }

  /**
   * Subscribes {@code listener} to committed entries: called after each batch is durable, in
   * journal order, never for a refused or repeated command, on a thread of the ledger's own. A slow
   * or failing listener cannot stall or break the writer (what it throws is logged, and the other
   * listeners still hear every entry), but all listeners share that thread, so a slow one delays
   * the others. {@link #close} waits up to 10 seconds for deliveries still queued (not when a
   * listener closes the ledger); past that they go on after it returns, on that thread, which does
   * not keep the JVM alive. A read-only ledger never writes, so its listeners are never called.
   */
  public void subscribe(Consumer<Entry> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  private void deliver(PendingEntries committed) {
    List<Consumer<Entry>> now = List.copyOf(listeners);
    if (now.isEmpty()) {
      return;
    }
    Consumer<Entry> toAll =
        e -> {
          for (Consumer<Entry> l : now) {
            try {
              l.accept(e);
            } catch (Throwable ex) {
              // whatever a listener throws stays with it: the others still hear every entry
              org.slf4j.LoggerFactory.getLogger(Ledger.class).warn("entry listener failed on {}", e.id(), ex);
            }
          }
        };
    if (!committed.streamedAny()) {
      List<Entry> entries = List.copyOf(committed.held());
      writer.notifyListeners(() -> entries.forEach(toAll));
      return;
    }
    // A large batch was not kept in memory: its entries are read back from the journal, through a
    // copy that stays readable if the ledger is closed before a slow listener is through.
    long first = committed.firstSeq();
    long last = committed.lastSeq();
    Journal readBack = journal.readOnlyCopy();
    writer.notifyListeners(
        () -> {
          try (readBack) {
            EntryScan.entries(readBack, first, last, toAll);
          } catch (Throwable ex) {
            org.slf4j.LoggerFactory.getLogger(Ledger.class)
                .error("cannot read entries {} to {} back for the listeners", first, last, ex);
          }
        });
  }

  // ---------------------------------------------------------------- writes

  /**
   * Enrols members, all or nothing. A member already enrolled with the same joining date is
   * skipped; a change of team or grid is journaled (the latest wins).
   *
   * @return how many were enrolled, changed and unchanged
   * @throws LedgerRefusal {@code conflict} if a member is enrolled with another joining date
   */
  public EnrolmentSummary enrol(List<MemberRecord> members) {
    return enrol(members, null);
  }

  /** As {@link #enrol(List)}, a refusal naming where each record came from when {@code where} does. */
  private EnrolmentSummary enrol(List<MemberRecord> members, Commands.Lines where) {
    List<MemberRecord> copy = List.copyOf(Objects.requireNonNull(members, "members"));
    Commands.Enrolled r =
        submit(tx -> Writer.Outcome.keep(Commands.enrol(tx, copy, new Clocks(clock, tx.zone).now().toLocalDate(), where)));
    return new EnrolmentSummary(r.enrolled(), r.changed(), r.unchanged());
  }

  /**
   * Posts a manual correction or backfill.
   *
   * @throws LedgerRefusal with the contract's reasons: {@code conflict}, {@code in-future}, {@code
   *     unknown-member}, {@code before-joined}, {@code back-dated}, {@code bad-amount}, {@code
   *     insufficient-points}, {@code over-credit-limit}
   */
  public Receipt adjust(AdjustRequest request) {
    return submit(tx -> Writer.Outcome.keep(Commands.adjust(tx, request, new Clocks(clock, tx.zone).now())));
  }

  /**
   * Posts the exact opposite of an earlier credit, redemption, transfer, adjustment or settlement.
   *
   * @throws LedgerRefusal with the contract's reasons, among them {@code unknown-entry}, {@code
   *     not-reversible}, {@code already-reversed}, {@code lot-spent}, {@code lot-expired}
   */
  public Receipt reverse(ReverseRequest request) {
    return submit(
        tx -> Writer.Outcome.keep(Commands.reverse(tx, request, new Clocks(clock, tx.zone).now(), this::lookup)));
  }

  /**
   * Enrols the members of a members file ({@code member_id,joined_on[,team][,grid]}), all or
   * nothing.
   *
   * @throws LedgerRefusal {@code bad-file} naming line and field for any bad row, {@code conflict}
   *     for another joining date
   */
  public EnrolmentSummary enrolFile(Path file, Charset charset) {
    List<MemberRecord> members = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (MemberRow r : MembersFile.read(file, charset)) {
      members.add(new MemberRecord(r.memberId(), r.joinedOn(), r.team(), r.grid()));
      lines.add(r.line());
    }
    return enrol(members, new Commands.Lines(file.toString(), lines));
  }

  /**
   * Publishes a version of the accrual rules from a {@code rules.json} document. Publishing a
   * version identical to the latest is a no-op.
   *
   * @param fileName named in refusals
   * @throws LedgerRefusal {@code bad-file} naming the field, for an invalid document, a version not
   *     above the last or an effective date earlier than the last version's
   */
  public Publication publishRules(byte[] rulesJson, String fileName) {
    try {
      return publishRulesVersion(rulesJson, fileName);
    } catch (LedgerRefusal r) {
      throw JsonLines.located(r, rulesJson, fileName);
    }
  }

  private Publication publishRulesVersion(byte[] rulesJson, String fileName) {
    RuleVersion version = RuleVersions.parse(rulesJson, fileName);
    return submit(
        tx -> {
          RuleVersion latest = tx.rules.isEmpty() ? null : tx.rules.get(tx.rules.size() - 1);
          String id = "sys:rules:" + version.version();
          if (latest != null && RuleVersions.identical(latest, version)) {
            return Writer.Outcome.keep(new Publication("sys:rules:" + latest.version(), latest.version(), false));
          }
          if (latest != null) {
            RuleVersions.checkSuccessor(latest, version, fileName);
          }
          Writer.post(
              tx,
              new Entry(0, id, new Clocks(clock, tx.zone).now().toLocalDate(), List.of(),
                  new EntryDetail.RulesPublished(
                      version.version(), version.effectiveFrom(), RuleVersions.toCanonicalJson(version))));
          return Writer.Outcome.keep(new Publication(id, version.version(), true));
        });
  }

  /** The published rule versions, oldest first. */
  public List<RuleVersion> rules() {
    return read(() -> root.rules);
  }

  /**
   * Credits the sign-ins of a CSV or JSON-lines file ({@code .jsonl}): every row is credited,
   * skipped as a duplicate, or rejected with a reason. All accepted rows become durable together,
   * or none do. A progress listener in {@code given} that throws is logged and no longer called; the
   * import goes on.
   *
   * @throws LedgerRefusal {@code bad-file} for a file refused whole (a missing or repeated column,
   *     bytes invalid in the charset); nothing is written
   */
  public ImportSummary importSignins(Path file, ImportOptions given) {
    if (writer == null) {
      throw new IllegalStateException("this ledger was opened read-only");
    }
    ImportProgress progress = GuardedProgress.of(given.progress());
    ImportOptions options =
        new ImportOptions(given.charset(), given.importId(), given.dryRun(), given.allOrNothing(), progress);
    ZoneId zone = zone();
    long size;
    try {
      size = java.nio.file.Files.size(file);
    } catch (java.io.IOException e) {
      throw new LedgerRefusal(Reason.BAD_FILE, org.huzhu.ledger.imports.FileProblems.describe(e));
    }
    SortedSignins rows =
        SigninFiles.readSorted(
            file,
            options.charset(),
            zone,
            new ReadListener() {
              @Override
              public void progress(long rowsRead, long bytesRead) {
                if (progress != null) {
                  progress.read(rowsRead, bytesRead, size);
                }
              }

              @Override
              public void note(org.huzhu.ledger.imports.SigninRow row) {
                if (progress != null) {
                  progress.note(row.line(), row.signinId(), row.note());
                }
              }
            });
    String importId = options.importId() != null ? options.importId() : "import:" + rows.sha256().substring(0, 16);
    return writer.submit(
        tx -> {
          ImportSummary s =
              SigninImport.decide(tx, rows, options, new Clocks(clock, tx.zone).now().atZone(tx.zone), importId);
          return s.committed() ? Writer.Outcome.keep(s) : Writer.Outcome.discard(s);
        },
        true);
  }

  /**
   * Publishes a version of the catalog from a {@code catalog.json} document; it replaces the
   * catalog in force. Publishing a catalog whose items equal the latest is a no-op.
   *
   * @throws LedgerRefusal {@code bad-file} naming the item and field
   */
  public Publication publishCatalog(byte[] catalogJson, String fileName) {
    List<CatalogItem> items;
    try {
      items = Catalogs.parse(catalogJson, fileName);
    } catch (LedgerRefusal r) {
      throw JsonLines.located(r, catalogJson, fileName);
    }
    return submit(
        tx -> Writer.Outcome.keep(Exchange.publishCatalog(tx, items, new Clocks(clock, tx.zone).now().toLocalDate())));
  }

  /** The items of the catalog in force, sorted by id (see {@link #stockLeft} for stock). */
  public List<CatalogItem> catalog() {
    return read(
        () -> root.catalog.items().values().stream().sorted(Comparator.comparing(CatalogItem::id, Texts::compareUtf8)).toList());
  }

  /** Stock left of {@code item}, or empty when it is unlimited or not in the catalog. */
  public java.util.OptionalLong stockLeft(String item) {
    Objects.requireNonNull(item, "item");
    return read(
        () -> {
          Long left = root.catalog.stockLeft().get(item);
          return left == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(left);
        });
  }

  /**
   * Redeems points for a catalog item: decided against the member's points after virtually
   * expiring the lots due at its date; the due expiries and the redemption are written together.
   *
   * @throws LedgerRefusal {@code unknown-item}, {@code bad-quantity}, {@code out-of-stock}, {@code
   *     over-limit}, {@code insufficient-points}, and the common reasons
   */
  public Receipt redeem(RedeemRequest request) {
    return submit(tx -> Writer.Outcome.keep(Exchange.redeem(tx, request, new Clocks(clock, tx.zone).now())));
  }

  /**
   * Moves minutes between members or to and from the pool ({@code pool}).
   *
   * @throws LedgerRefusal {@code same-account}, {@code bad-amount}, {@code over-credit-limit},
   *     {@code pool-insufficient}, and the common reasons
   */
  public Receipt transfer(TransferRequest request) {
    return submit(tx -> Writer.Outcome.keep(Exchange.transfer(tx, request, new Clocks(clock, tx.zone).now())));
  }

  /**
   * Records that the community paid a merchant for points.
   *
   * @throws LedgerRefusal {@code bad-amount}, {@code insufficient-points} (more than the merchant
   *     is owed), and the common reasons
   */
  public Receipt settle(SettleRequest request) {
    return submit(tx -> Writer.Outcome.keep(Exchange.settle(tx, request, new Clocks(clock, tx.zone).now())));
  }

  /**
   * Expires the points left in every lot whose expiry date is on or before {@code asOf}: one entry
   * per lot, dated by its expiry date. Running it again writes nothing.
   *
   * @throws LedgerRefusal {@code in-future} when {@code asOf} is after today
   */
  public ExpiryResult expire(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return submit(
        tx -> Writer.Outcome.keep(Exchange.expire(tx, asOf, new Clocks(clock, tx.zone).now().toLocalDate())));
  }

  /**
   * Reverses every unreversed credit of one import in one batch (a wrong sheet), or none: refused
   * whole, with the first refusal, if any of them would be refused.
   *
   * @throws LedgerRefusal {@code unknown-import}, or the refusal of the first credit that cannot be
   *     reversed
   */
  public List<Receipt> reverseImport(String importId, String reason, java.time.LocalDateTime at) {
    String why = Requests.freeText("reason", reason, true);
    return submit(
        tx ->
            Writer.Outcome.keep(
                Exchange.reverseImport(tx, importId, why, at, new Clocks(clock, tx.zone).now(), this::lookup)));
  }

  /** The liability report: what members can still spend, by expiry month, and what merchants are owed. */
  public Reports.Liability liabilityReport() {
    return read(
        () -> ReportBuilder.liability(root, new Clocks(clock, root.zone).now().toLocalDate()));
  }

  /** Points redeemed per merchant in {@code month}, net of reversals, with settlements and what is owed. */
  public Reports.Merchants merchantsReport(java.time.YearMonth month) {
    Objects.requireNonNull(month, "month");
    return read(() -> ReportBuilder.merchants(root, month));
  }

  /** Minutes and points credited per team and per grid in {@code month}. */
  public Reports.Teams teamsReport(java.time.YearMonth month) {
    Objects.requireNonNull(month, "month");
    return read(() -> ReportBuilder.teams(root, month));
  }

  /** The {@code top} volunteers by credited minutes in {@code month} (ties share a rank). */
  public Reports.Leaderboard leaderboard(java.time.YearMonth month, int top) {
    Objects.requireNonNull(month, "month");
    if (top < 1) {
      throw new IllegalArgumentException("top must be at least 1: " + top);
    }
    return read(() -> ReportBuilder.leaderboard(root, month, top));
  }

  /**
   * A certificate of volunteer service for {@code member} from {@code from} to {@code to} (either
   * may be null).
   *
   * @throws LedgerRefusal {@code unknown-member}
   */
  public Reports.Certificate certificate(String member, LocalDate from, LocalDate to) {
    period(from, to);
    if (member(member).isEmpty()) {
      throw LedgerRefusal.of(Reason.UNKNOWN_MEMBER, "unknown-member", member);
    }
    return read(() -> ReportBuilder.certificate(root, member, from, to, head()));
  }

  private <T> T submit(Writer.Decision<T> d) {
    ensureOpen();
    if (writer == null) {
      throw new IllegalStateException("this ledger was opened read-only");
    }
    return writer.submit(d, false);
  }

  Entry lookup(LedgerState tx, String id) {
    Entry pending = tx.pendingEntry(id);
    if (pending != null) {
      return pending;
    }
    EntryInfo info = tx.entry(id);
    if (info == null) {
      return null;
    }
    if (info.entry() != null) {
      return info.entry();
    }
    return entryAt(info.seq());
  }

  Entry entryAt(long seq) {
    JournalRecord r =
        journal
            .read(seq)
            .orElseThrow(() -> new LedgerStorageException("entry " + seq + " is missing from the journal", null));
    return EntryCodec.fromJson(r.seq(), r.entryJson());
  }

  // ---------------------------------------------------------------- reads

  private static void period(LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("the period from " + from + " to " + to + " ends before it starts");
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the ledger is closed");
    }
  }

  private <T> T read(Supplier<T> reader) {
    ensureOpen();
    lock.readLock().lock();
    try {
      return reader.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The sequence number and hash of the last entry, as {@code SEQ:HASH}. */
  public String head() {
    return read(() -> root.seq + ":" + (writer != null ? writer.committedHash() : journal.lastHash()));
  }

  /**
   * The current balance of {@code account} (zeros when it was never posted to). Takes no lock: the
   * committed state replaces a member's or an account's values as a whole, never in place.
   */
  public Balance balance(Account account) {
    ensureOpen();
    if (account.isMember()) {
      MemberState m = root.members.get(account.ownerId());
      return m == null ? new Balance(account, 0, 0) : new Balance(account, m.points, m.minutes);
    }
    long[] v = root.accounts.get(account);
    return v == null ? new Balance(account, 0, 0) : new Balance(account, v[0], v[1]);
  }

  /** The member {@code memberId}, if enrolled. Takes no lock, like {@link #balance}. */
  public java.util.Optional<MemberSummary> member(String memberId) {
    ensureOpen();
    MemberState m = root.members.get(Objects.requireNonNull(memberId, "memberId"));
    return java.util.Optional.ofNullable(
        m == null
            ? null
            : new MemberSummary(
                m.id, m.joinedOn, m.team(), m.grid(), m.points, m.minutes, m.serviceMinutes, m.backfilledMinutes));
  }

  /**
   * One member's line of {@link #balances(LocalDate)}: the member with zeros when nothing was
   * posted to them by then.
   *
   * @param asOf the day, or null for every entry
   * @param memberId an enrolled member
   * @return a sheet of one account
   * @throws LedgerRefusal {@code unknown-member}
   */
  public BalanceSheet balances(LocalDate asOf, String memberId) {
    if (member(memberId).isEmpty()) {
      throw LedgerRefusal.of(Reason.UNKNOWN_MEMBER, "unknown-member", memberId);
    }
    Account account = Account.member(memberId);
    BalanceSheet all = balances(asOf);
    for (Balance b : all.accounts()) {
      if (b.account().equals(account)) {
        return new BalanceSheet(all.asOf(), List.of(b));
      }
    }
    return new BalanceSheet(all.asOf(), List.of(new Balance(account, 0, 0)));
  }

  /**
   * Balances at the end of {@code asOf} by effective date, or of every entry when {@code asOf} is
   * null (then dated the latest effective date or today, whichever is later).
   */
  public BalanceSheet balances(LocalDate asOf) {
    if (asOf == null) {
      return read(
          () -> {
            LocalDate today = new Clocks(clock, root.zone).now().toLocalDate();
            LocalDate day = root.latestDate != null && root.latestDate.isAfter(today) ? root.latestDate : today;
            List<Balance> out = new ArrayList<>();
            for (MemberState m : root.members.values()) {
              if (m.everPosted) {
                out.add(new Balance(Account.member(m.id), m.points, m.minutes));
              }
            }
            root.accounts.forEach((a, v) -> out.add(new Balance(a, v[0], v[1])));
            out.sort(Comparator.comparing(Balance::account));
            return new BalanceSheet(day, out);
          });
    }
    java.util.Map<Account, long[]> sums = new java.util.HashMap<>();
    forEachEntry(
        e -> {
          if (e.date().isAfter(asOf)) {
            return;
          }
          for (Posting p : e.postings()) {
            if (!p.isZero()) {
              long[] v = sums.computeIfAbsent(p.account(), a -> new long[2]);
              v[0] += p.points();
              v[1] += p.minutes();
            }
          }
        });
    List<Balance> out = new ArrayList<>();
    sums.forEach((a, v) -> out.add(new Balance(a, v[0], v[1])));
    out.sort(Comparator.comparing(Balance::account));
    return new BalanceSheet(asOf, out);
  }

  /**
   * A member's statement from {@code from} to {@code to} (either may be null: unbounded).
   *
   * @throws LedgerRefusal {@code unknown-member} if the member is not enrolled
   */
  public Statement statement(String memberId, LocalDate from, LocalDate to) {
    period(from, to);
    if (member(memberId).isEmpty()) {
      throw LedgerRefusal.of(Reason.UNKNOWN_MEMBER, "unknown-member", memberId);
    }
    Account account = Account.member(memberId);
    long[] opening = new long[2];
    List<Statement.Line> lines = new ArrayList<>();
    forEachEntry(
          e -> {
            Posting p = e.postingTo(account);
            boolean concerns = !p.isZero() || Explanations.concerns(e, memberId);
            if (!concerns) {
              return;
            }
            if (from != null && e.date().isBefore(from)) {
              opening[0] += p.points();
              opening[1] += p.minutes();
            } else if (to == null || !e.date().isAfter(to)) {
              lines.add(new Statement.Line(e, p.points(), p.minutes(), Explanations.of(e)));
            }
          });
    lines.sort(Comparator.comparing((Statement.Line l) -> l.entry().date()).thenComparingLong(l -> l.entry().seq()));
    long points = opening[0];
    long minutes = opening[1];
    for (Statement.Line l : lines) {
      points += l.points();
      minutes += l.minutes();
    }
    return new Statement(
        memberId, from, to, new Balance(account, opening[0], opening[1]), lines, new Balance(account, points, minutes));
  }

  /**
   * Hands every committed entry to {@code consumer}, in journal order. Records the writer appended
   * but has not yet merged into the state are left out, so readers see the state and the journal
   * agree.
   */
  void forEachEntry(Consumer<Entry> consumer) {
    long committed = read(() -> root.seq);
    EntryScan.entries(
        journal,
        1,
        committed,
        consumer);
  }

  /**
   * Every entry committed when this is called, from sequence number {@code fromSeq} on, in journal
   * order. The stream reads the journal as it is consumed, a few thousand entries at a time, so
   * streaming millions of entries takes little memory. A stream is consumed by one thread.
   *
   * @throws IllegalArgumentException if {@code fromSeq} is below 1
   * @throws LedgerStorageException (while consuming) if the journal is damaged
   */
  public Stream<Entry> entries(long fromSeq) {
    if (fromSeq < 1) {
      throw new IllegalArgumentException("fromSeq must be at least 1: " + fromSeq);
    }
    long committed = read(() -> root.seq);
    Iterator<Entry> chunks =
        new Iterator<>() {
          private final java.util.ArrayDeque<Entry> read = new java.util.ArrayDeque<>();
          private long next = fromSeq;

          @Override
          public boolean hasNext() {
            if (read.isEmpty() && next <= committed) {
              long to = Math.min(committed, next + ENTRIES_READ_AT_ONCE - 1);
              EntryScan.entries(journal, next, to, read::add);
              next = read.isEmpty() ? committed + 1 : read.peekLast().seq() + 1;
            }
            return !read.isEmpty();
          }

          @Override
          public Entry next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            return read.poll();
          }
        };
    return java.util.stream.StreamSupport.stream(
        java.util.Spliterators.spliteratorUnknownSize(
            chunks, java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL),
        false);
  }

  /**
   * Verifies the whole journal from scratch, never repairing anything: the hash chain and every
   * record, that every entry balances, that the state rebuilt from the start equals the stored
   * one, floors, reversals and overlaps.
   *
   * @param expectHead an anchor {@code SEQ:HASH} kept elsewhere, or null
   * @throws IllegalArgumentException if the anchor is not a sequence number, a colon and 64 hex
   *     digits
   */
  public AuditReport verify(String expectHead) {
    ensureOpen();
    return Audit.run(journal, expectHead);
  }

  /**
   * Audits the journal in {@code dir} without opening it as a ledger, so that a journal too
   * damaged to open is still audited as far as it reads. Takes no lock and writes nothing.
   *
   * @throws LedgerStorageException if there is no journal there
   */
  public static AuditReport audit(Path dir, String expectHead) {
    try (Journal j = Journals.openReader(dir)) {
      return Audit.run(j, expectHead);
    }
  }

  /** Points left per lot of {@code member}, by lot id, for comparing with a model. */
  java.util.Map<String, Long> lotsOf(String member) {
    return read(
        () -> {
          java.util.Map<String, Long> out = new java.util.TreeMap<>();
          Lots lots = root.member(member).lots;
          for (int i = 0; i < lots.size(); i++) {
            out.put(root.idOf(lots.seq(i)), lots.remaining(i));
          }
          return out;
        });
  }

  /** The state's snapshot bytes, for comparing live and replayed state. */
  byte[] stateSnapshot() {
    return read(() -> StateCodec.encode(root));
  }

  /**
   * Finishes the commands already given, writes a checkpoint and releases the journal. A second
   * caller returns once the first is through, so that the ledger is released when any close
   * returns.
   *
   * @throws IllegalStateException when called from an import's progress listener
   */
  @Override
  public void close() {
    if (writer != null) {
      writer.refuseOnWriterThread("close the ledger");
    }
    if (!closing.compareAndSet(false, true)) {
      com.google.common.util.concurrent.Uninterruptibles.awaitUninterruptibly(released);
      return;
    }
    closed = true;
    try {
      if (writer != null) {
        writer.close();
        checkpoints.writeOnClose(journal, root, lock);
      }
      root.abandon();
      journal.close();
    } finally {
      released.countDown();
    }
  }
}

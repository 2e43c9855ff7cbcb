package org.huzhu.ledger;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Prints the ledger's speed figures beside baselines measured in the same process, as ratios,
 * because absolute figures on shared machines are noisy. Not a test.
 *
 * <pre>
 * mvn -B -q -pl ledger-core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.huzhu.ledger.LedgerBench [-Dexec.args="1000000"]
 * </pre>
 */
public final class LedgerBench {
  private LedgerBench() {}

  /** Members of the bench's community: v0 … v9999. */
  static final int MEMBERS = 10_000;

  /** The bench's rules: the tests' rules, in force from the members' joining day. */
  static final String RULES = SigninImportTest.RULES.replace("2026-01-01", "2025-01-01");

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("--files")) {
      writeFiles(Path.of(args[1]), Integer.parseInt(args[2]));
      return;
    }
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path tmp = Files.createTempDirectory("huzhu-bench");
    try {
      run(tmp, rows);
    } finally {
      deleteTree(tmp);
    }
  }

  /** Deletes {@code dir} and everything in it. */
  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * Writes the bench's community as a user would bring it ({@code members.csv}, {@code rules.json},
   * {@code signins.csv} of {@code rows} rows) into {@code dir}, for timing the command line.
   */
  static void writeFiles(Path dir, int rows) throws IOException {
    Files.createDirectories(dir);
    StringBuilder members = new StringBuilder("member_id,joined_on,team,grid\n");
    for (MemberRecord m : members()) {
      members.append(m.memberId()).append(',').append(m.joinedOn()).append(',').append(m.team())
          .append(',').append(m.grid()).append('\n');
    }
    Files.writeString(dir.resolve("members.csv"), members, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("rules.json"), RULES, StandardCharsets.UTF_8);
    writeSheet(dir.resolve("signins.csv"), rows, MEMBERS);
  }

  static List<MemberRecord> members() {
    return members(MEMBERS);
  }

  /** Members v0 … v{@code n - 1}, in 20 teams and 7 grids. */
  static List<MemberRecord> members(int n) {
    List<MemberRecord> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new MemberRecord("v" + i, LocalDate.of(2025, 1, 1), "team" + (i % 20), "grid" + (i % 7)));
    }
    return list;
  }

  static void print(String what, double value, String unit, String ratio) {
    System.out.printf(Locale.ROOT, "%-58s %14.0f %-10s %s%n", what, value, unit, ratio);
  }

  static void run(Path tmp, int rows) throws Exception {
    double fsync = rawFsyncRate(tmp);
    print("raw: write 200 B + force, one thread (baseline)", fsync, "/s", "");
    // The journal writes into room it keeps written ahead of its end: the same force without growing the file.
    Beside overRoom = alternating(tmp, r -> rawIntoRoom(tmp.resolve("room-" + r), RAW_PER_ROUND));
    print("raw: write 200 B into bytes written ahead + force", overRoom.rate(), "/s", overRoom.vsRaw());
    Beside ceiling1 = alternating(tmp, r -> MinimalGroupCommit.run(tmp.resolve("minimal-1-" + r), 1, 400));
    print("minimal group commit, no ledger work, 1 thread", ceiling1.rate(), "/s", ceiling1.vsRaw());
    Beside ceiling8 = alternating(tmp, r -> MinimalGroupCommit.run(tmp.resolve("minimal-8-" + r), 8, 250));
    print("minimal group commit, no ledger work, 8 threads", ceiling8.rate(), "/s", ceiling8.vsRaw());

    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 12, 31, 20, 0));
    Path book = tmp.resolve("book");
    int members = MEMBERS;
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      l.enrol(members());
      l.publishRules(RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      l.publishCatalog(ExchangeTest.CATALOG.replace("\"stock\": 3", "\"stock\": 100000000").getBytes(StandardCharsets.UTF_8), "catalog.json");

      // Warms the command path up, and gives the members that redeem points enough to spend.
      commits(l, 8, 125, "warm", 1_000_000);
      Beside one = alternating(tmp, r -> commits(l, 1, 200, "one" + r + "-", 25));
      print("adjust acknowledged one at a time, 1 thread", one.rate(), "/s",
          one.vsRaw() + ", " + ratio(one.rate(), ceiling1.rate(), "minimal"));
      Beside eight = alternating(tmp, r -> commits(l, 8, 200, "eight" + r + "-", 25));
      print("adjust acknowledged one at a time, 8 threads (group commit)", eight.rate(), "/s",
          eight.vsRaw() + ", " + ratio(eight.rate(), ceiling8.rate(), "minimal"));
      Beside mixed = alternating(tmp, r -> redeemsAndTransfers(l, 8, 200, "x" + r + "-"));
      print("redeem/transfer one at a time, 8 threads", mixed.rate(), "/s",
          mixed.vsRaw() + ", " + ratio(mixed.rate(), ceiling8.rate(), "minimal"));

      Path sheet = tmp.resolve("signins.csv");
      writeSheet(sheet, rows, members);
      long t0 = System.nanoTime();
      ImportSummary s = l.importSignins(sheet, ImportOptions.defaults());
      double importRate = rows / seconds(t0);
      print("import " + rows + " sign-ins (read, decide, durable)", importRate, "rows/s",
          "credited " + s.credited() + ", rejected " + s.rejected());

      Account[] accounts = new Account[1024];
      for (int i = 0; i < accounts.length; i++) {
        accounts[i] = Account.member("v" + (i * 7 % members));
      }
      double best = 0;
      for (int round = 0; round < 3; round++) { // the first round also warms the code up
        long lookups = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 1_000_000_000L) {
          for (int i = 0; i < 1024; i++) {
            lookups += l.balance(accounts[i]).points() >= 0 ? 1 : 0;
          }
        }
        best = Math.max(best, lookups / seconds(t0));
      }
      print("balance(member) lookups, 1 thread, best of 3 seconds", best, "/s", "");

      YearMonth month = YearMonth.of(2026, 6);
      t0 = System.nanoTime();
      l.liabilityReport();
      print("report liability", seconds(t0) * 1000, "ms", "");
      t0 = System.nanoTime();
      l.merchantsReport(month);
      print("report merchants over the whole journal", seconds(t0) * 1000, "ms", "");
      t0 = System.nanoTime();
      l.teamsReport(month);
      print("report teams over the whole journal", seconds(t0) * 1000, "ms", "");
      t0 = System.nanoTime();
      l.leaderboard(month, 10);
      print("report leaderboard over the whole journal", seconds(t0) * 1000, "ms", "");
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      print("heap used after GC with the ledger open", heap / 1e6, "MB", "");
    }
    long entries;
    long t0 = System.nanoTime();
    try (Ledger l = Ledger.openReadOnly(book, clock)) {
      double openSeconds = seconds(t0);
      entries = Long.parseLong(l.head().split(":")[0]);
      print("open " + entries + " entries from a checkpoint", openSeconds * 1000, "ms", "entry index still filling");
      l.leaderboard(YearMonth.of(2026, 3), 10);
      print("  then a first report (waits for the entry index)", seconds(t0) * 1000, "ms", "since the open began");
      t0 = System.nanoTime();
      AuditReport audit = l.verify(null);
      double verifySeconds = seconds(t0);
      print("verify (full replay and every check)", entries / verifySeconds, "entries/s", audit.ok() ? "ok" : "FAILED");
    }
    replayBreakdown(book, entries);
    try (Stream<Path> s = Files.list(book.resolve("checkpoints"))) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    t0 = System.nanoTime();
    try (Ledger l = Ledger.openReadOnly(book, clock)) {
      print("open by full replay (no checkpoint)", entries / seconds(t0), "entries/s", l.head().startsWith(entries + ":") ? "" : "MISMATCH");
    }
  }

  /**
   * What a full replay is made of: reading and hash-checking the records, then on top of that
   * building each entry, once with the general JSON parser and once as a replay does (credits read
   * straight from their bytes), so that the two are compared in the same run.
   */
  static void replayBreakdown(Path book, long entries) {
    try (org.huzhu.ledger.journal.Journal j = org.huzhu.ledger.journal.Journals.openReader(book)) {
      long[] tokens = new long[1];
      for (int pass = 0; pass < 6; pass++) {
        int s = pass / 2; // each step twice: the first pass also warms its code up
        long t0 = System.nanoTime();
        j.scan(
            1,
            new org.huzhu.ledger.journal.RecordVisitor() {
              @Override
              public boolean record(org.huzhu.ledger.journal.JournalRecord r) {
                if (s == 1) {
                  tokens[0] += EntryCodec.parse(r.seq(), r.entryJson()).postings().size();
                } else if (s == 2) {
                  tokens[0] += EntryCodec.fromJson(r.seq(), r.entryJson()).postings().size();
                }
                return true;
              }

              @Override
              public void damage(org.huzhu.ledger.journal.JournalDamage d) {
                throw new IllegalStateException(d.toString());
              }
            });
        String[] what = {
          "replay part: read and hash-check every record",
          "replay part: + build every entry with the JSON parser",
          "replay part: + build every entry as a replay does"
        };
        if (pass % 2 == 1) {
          print(what[s], entries / seconds(t0), "entries/s", "second pass");
        }
      }
      if (tokens[0] == 0) {
        throw new IllegalStateException("nothing was read");
      }
      for (int pass = 0; pass < 2; pass++) {
        double folding = foldAlone(j, entries);
        if (pass == 1) {
          print("replay part: the fold alone, entries built beforehand", entries / folding, "entries/s", "second pass");
        }
      }
    }
  }

  /**
   * Seconds spent folding every entry of {@code j} into a new state on this thread, entries and
   * their fingerprints built beforehand in chunks and not timed: what a replay's consuming thread
   * does, which must see the entries one by one, in order.
   */
  static double foldAlone(org.huzhu.ledger.journal.Journal j, long entries) {
    LedgerState state = new LedgerState(entries);
    int chunk = 65_536;
    List<Entry> built = new ArrayList<>(chunk);
    long[] fingerprints = new long[chunk];
    long[] nanos = new long[1];
    Runnable fold =
        () -> {
          long t0 = System.nanoTime();
          for (int i = 0; i < built.size(); i++) {
            Fold.apply(state, built.get(i), fingerprints[i]);
          }
          nanos[0] += System.nanoTime() - t0;
          built.clear();
        };
    j.scan(
        1,
        new org.huzhu.ledger.journal.RecordVisitor() {
          @Override
          public boolean record(org.huzhu.ledger.journal.JournalRecord r) {
            Entry e = EntryCodec.fromJson(r.seq(), r.entryJson());
            fingerprints[built.size()] = Fold.fingerprint(e.detail());
            built.add(e);
            if (built.size() == chunk) {
              fold.run();
            }
            return true;
          }

          @Override
          public void damage(org.huzhu.ledger.journal.JournalDamage d) {
            throw new IllegalStateException(d.toString());
          }
        });
    fold.run();
    if (state.seq != entries) {
      throw new IllegalStateException("folded " + state.seq + " of " + entries);
    }
    return nanos[0] / 1e9;
  }

  static String ratio(double a, double b, String of) {
    return String.format(Locale.ROOT, "%.2f× %s", a / b, of);
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** A rate, and the raw fsync rate measured in turns with it. */
  record Beside(double rate, double raw) {
    String vsRaw() {
      return ratio(rate, raw, String.format(Locale.ROOT, "raw fsync (%.0f/s beside it)", raw));
    }
  }

  /** Calls that wrote something, and the seconds they took. */
  record Run(long wrote, double seconds) {
    double rate() {
      return wrote / seconds;
    }
  }

  /** The {@code round}-th part of a measurement. */
  interface Round {
    Run run(int round) throws Exception;
  }

  private static final int ROUNDS = 10;
  private static final int RAW_PER_ROUND = 100;

  /**
   * Runs {@link #ROUNDS} rounds of {@code round}, each after {@link #RAW_PER_ROUND} raw forces, and
   * returns both rates. The machine's disk drifts by more than the ratios asked for within a
   * minute, so a baseline taken once, even just before and after, misled by up to a third; in turns,
   * both see the same disk.
   */
  static Beside alternating(Path dir, Round round) throws Exception {
    long wrote = 0;
    double seconds = 0;
    double rawSeconds = 0;
    try (RawForces raw = new RawForces(dir)) {
      for (int r = 0; r < ROUNDS; r++) {
        rawSeconds += raw.seconds(RAW_PER_ROUND);
        Run run = round.run(r);
        wrote += run.wrote();
        seconds += run.seconds();
      }
    }
    return new Beside(wrote / seconds, ROUNDS * RAW_PER_ROUND / rawSeconds);
  }

  /** Forces per second, 500 of them, as {@link RawForces} makes them. */
  static double rawFsyncRate(Path dir) throws IOException {
    try (RawForces raw = new RawForces(dir)) {
      return 500 / raw.seconds(500);
    }
  }

  /** 200-byte records written, each forced, over bytes of the file written and forced first. */
  static Run rawIntoRoom(Path file, int n) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.allocate(n * 200), 0);
      ch.force(true);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        ch.write(ByteBuffer.wrap(new byte[200]), i * 200L);
        ch.force(false);
      }
      return new Run(n, seconds(t0));
    }
  }

  /** The baseline: 200-byte records appended to a new file in a directory, each forced. */
  private static final class RawForces implements AutoCloseable {
    private final RandomAccessFile file;
    private final FileChannel channel;
    private final byte[] record = new byte[200];

    RawForces(Path dir) throws IOException {
      file = new RandomAccessFile(Files.createTempFile(dir, "raw", ".dat").toFile(), "rw");
      channel = file.getChannel();
    }

    /** Seconds that {@code n} appends, each forced, took. */
    double seconds(int n) throws IOException {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        channel.write(ByteBuffer.wrap(record));
        channel.force(false);
      }
      return LedgerBench.seconds(t0);
    }

    @Override
    public void close() throws IOException {
      channel.close();
      file.close();
    }
  }

  /** One caller's {@code i}-th command; returns whether it wrote something. */
  interface Call {
    boolean run(int thread, int i) throws Exception;
  }

  /**
   * {@code threads} callers each making {@code perThread} calls one after another; returns the calls
   * that wrote something and the time they took.
   */
  static Run concurrently(int threads, int perThread, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicLong wrote = new AtomicLong();
      long t0 = System.nanoTime();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        fs.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    if (call.run(thread, i)) {
                      wrote.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
      return new Run(wrote.get(), seconds(t0));
    } finally {
      pool.shutdown();
    }
  }

  /** {@code threads} threads each adjusting members {@code v0 ...} by {@code points}; returns the adjustments and their time. */
  static Run commits(Ledger l, int threads, int perThread, String prefix, long points) throws Exception {
    return concurrently(
        threads,
        perThread,
        (thread, i) -> {
          l.adjust(new AdjustRequest(prefix + thread + "-" + i, "v" + (thread * 125 + i) % 10_000, points, 0, "bench", "admin", null));
          return true;
        });
  }

  static Run redeemsAndTransfers(Ledger l, int threads, int perThread, String prefix) throws Exception {
    return concurrently(
        threads,
        perThread,
        (thread, i) -> {
          String m = "v" + (thread * 31 + i) % 1_000; // members that hold points
          String id = prefix + thread + "-" + i;
          try {
            if (i % 2 == 0) {
              l.transfer(new TransferRequest(id, m, "pool", 1, null, null));
            } else {
              l.redeem(new RedeemRequest(id, m, "rice", 1, null)); // no stock or monthly limit
            }
            return true;
          } catch (LedgerRefusal refused) {
            return false; // a refusal is acknowledged too, but writes nothing: not counted
          }
        });
  }

  static void writeSheet(Path f, int rows, int members) throws IOException {
    writeSheet(f, 0, rows, members);
  }

  /**
   * Rows {@code from} … {@code from + rows - 1} of the bench's endless sheet: sign-in {@code i} is
   * member {@code i % members}'s, so that sheets written part by part add up to one.
   */
  static void writeSheet(Path f, int from, int rows, int members) throws IOException {
    try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
      w.write(SigninImportTest.HEADER);
      String[] acts = {"elderly-care", "cleanup", "flood-patrol", "report-issue"};
      LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
      for (int i = from; i < from + rows; i++) {
        int member = i % members;
        int slot = i / members; // each member's sign-ins follow one another, two hours apart
        LocalDateTime in = start.plusHours(2L * slot + (slot / 6) * 12L);
        String act = acts[(i / 7) % acts.length];
        String out = act.equals("report-issue") ? "" : in.plusMinutes(30 + (i % 7) * 15).toString();
        String verifier = i % 50 == 0 ? "" : "g" + (i % 3);
        w.write("S" + i + ",v" + member + "," + act + "," + in + "," + out + "," + verifier + ",,,\n");
      }
    }
  }
}

package org.huzhu.ledger;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Prints what a large ledger's state costs: builds a community of {@code MEMBERS} members and
 * {@code MILLIONS} imports of 1,000,000 generated sign-ins each, closes it, and opens it read-only
 * in a fresh JVM (serial collector), which prints how long the open and a first report took, the
 * heap used after a collection and the process's resident memory. Not a test. Needs free disk of
 * about 1 GB per million entries (journal and two checkpoints).
 *
 * <pre>
 * mvn -B -q -pl ledger-core test-compile exec:java -Dexec.skip=false -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.huzhu.ledger.ScaleBench [-Dexec.args="MEMBERS MILLIONS"]
 * </pre>
 *
 * The defaults, 100,000 members and 10 million entries, are the size the memory target names.
 */
public final class ScaleBench {
  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--open")) {
      open(Path.of(args[1]));
      return;
    }
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int millions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path tmp = Files.createTempDirectory("huzhu-scale");
    try {
      Path book = tmp.resolve("book");
      build(book, tmp.resolve("part.csv"), members, millions);
      System.out.printf(Locale.ROOT, "journal %.2f GB, checkpoints %.2f GB%n",
          size(book.resolve("segments")) / 1e9, size(book.resolve("checkpoints")) / 1e9);
      int status = openInFreshJvm(book);
      if (status != 0) {
        throw new IllegalStateException("the opening JVM exited with " + status);
      }
    } finally {
      LedgerBench.deleteTree(tmp);
    }
  }

  private static void build(Path book, Path sheet, int members, int millions) throws Exception {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 12, 31, 20, 0));
    try (Ledger l = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      l.enrol(LedgerBench.members(members));
      l.publishRules(LedgerBench.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      for (int part = 0; part < millions; part++) {
        LedgerBench.writeSheet(sheet, part * 1_000_000, 1_000_000, members);
        long t0 = System.nanoTime();
        ImportSummary s = l.importSignins(sheet, ImportOptions.defaults());
        System.out.printf(Locale.ROOT, "import %d of %d: %.1f s, %d credited, %d rejected%n",
            part + 1, millions, LedgerBench.seconds(t0), s.credited(), s.rejected());
      }
    }
  }

  private static int openInFreshJvm(Path book) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(classPath());
    command.add(ScaleBench.class.getName());
    command.add("--open");
    command.add(book.toString());
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  /** This class's class path: under {@code exec:java} it is not the JVM's. */
  private static String classPath() throws URISyntaxException {
    if (ScaleBench.class.getClassLoader() instanceof URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (URL u : loader.getURLs()) {
        entries.add(Path.of(u.toURI()).toString());
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  private static void open(Path book) throws Exception {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 12, 31, 20, 0));
    long t0 = System.nanoTime();
    try (Ledger l = Ledger.openReadOnly(book, clock)) {
      double open = LedgerBench.seconds(t0);
      l.teamsReport(YearMonth.of(2026, 1));
      double report = LedgerBench.seconds(t0);
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(Locale.ROOT,
          "fresh JVM: open %.1f s, first report %.1f s from the start; heap used after GC %.2f GB, %s%n",
          open, report, heap / 1e9, residentMemory());
    }
  }

  /** The process's resident and peak resident memory, from Linux's /proc; elsewhere, a note. */
  private static String residentMemory() throws Exception {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "RSS not measured (no /proc)";
    }
    String rss = "?";
    String peak = "?";
    for (String line : Files.readAllLines(status)) {
      String[] f = line.split("\\s+");
      if (f[0].equals("VmRSS:")) {
        rss = String.format(Locale.ROOT, "%.2f GB", Long.parseLong(f[1]) / 1e6);
      } else if (f[0].equals("VmHWM:")) {
        peak = String.format(Locale.ROOT, "%.2f GB", Long.parseLong(f[1]) / 1e6);
      }
    }
    return "RSS " + rss + " (peak " + peak + ", the mapped checkpoint included)";
  }

  private static long size(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}

package org.huzhu.ledger.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Random;

/**
 * Times reading a million-row sign-in CSV: once streaming row by row, once reading and sorting for
 * import. Run with {@code mvn -B -q -pl ledger-core test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.huzhu.ledger.imports.SigninReadBench}; an
 * optional argument sets the row count.
 */
public final class SigninReadBench {
  private SigninReadBench() {}

  /**
   * Generates the file in the temporary directory, then reads it a few times.
   *
   * @param args optional: the number of rows (default 1,000,000)
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path file = Files.createTempFile("signins-bench", ".csv");
    try {
      generate(file, rows);
      long size = Files.size(file);
      ZoneId zone = ZoneId.of("Asia/Shanghai");
      System.out.printf(
          Locale.ROOT, "%,d rows, %,d bytes (%.1f bytes/row)%n", rows, size, (double) size / rows);
      SortedSignins sorted = null;
      for (int round = 1; round <= 4; round++) {
        sorted = null; // so that the heap measured below holds only this round's rows
        long c0 = cpu();
        long t0 = System.nanoTime();
        long n = 0;
        try (SigninReader r = SigninFiles.open(file, StandardCharsets.UTF_8, zone)) {
          while (r.hasNext()) {
            if (r.next() instanceof SigninRow) {
              n++;
            }
          }
        }
        long t1 = System.nanoTime();
        long c1 = cpu();
        System.gc();
        long before = usedHeap();
        long c2 = cpu();
        long t2a = System.nanoTime();
        sorted = SigninFiles.readSorted(file, StandardCharsets.UTF_8, zone);
        long t2 = System.nanoTime();
        long c3 = cpu();
        System.gc();
        long retained = usedHeap() - before;
        long iterated = 0;
        for (SigninRow row : sorted) {
          iterated += row.line() > 0 ? 1 : 0;
        }
        long t3 = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "round %d: stream %,d rows in %d ms wall, %d ms CPU (%,.0f rows/s, %,.0f MB/s of CPU);"
                + " read+sort %d ms wall, %d ms CPU; iterate sorted %d ms; retained ~%d bytes/row;"
                + " malformed %d%n",
            round,
            n,
            (t1 - t0) / 1_000_000,
            (c1 - c0) / 1_000_000,
            n * 1e9 / (c1 - c0),
            size * 1e3 / (c1 - c0),
            (t2 - t2a) / 1_000_000,
            (c3 - c2) / 1_000_000,
            (t3 - t2) / 1_000_000,
            retained / Math.max(1, sorted.size()),
            sorted.malformed().size());
        if (iterated != sorted.size()) {
          throw new IllegalStateException("iterated " + iterated + " of " + sorted.size());
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** CPU time of this thread: the machine may be busy with other work, wall time would lie. */
  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** About 100 bytes a row, in roughly time order with some shuffling, as sheets come. */
  private static void generate(Path file, int rows) throws IOException {
    Random random = new Random(42);
    LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
    String[] activities = {"elderly-care", "cleanup", "flood-patrol", "report-issue"};
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("signin_id,member_id,activity,check_in,check_out,verified_by,team\n");
      for (int i = 0; i < rows; i++) {
        LocalDateTime in = start.plusMinutes(i / 4 + random.nextInt(120));
        LocalDateTime out = in.plusMinutes(30 + random.nextInt(240));
        w.write("S-");
        w.write(Integer.toString(1_000_000 + i));
        w.write(",member-");
        w.write(Integer.toString(random.nextInt(50_000)));
        w.write(',');
        w.write(activities[random.nextInt(activities.length)]);
        w.write(',');
        w.write(in.toString());
        w.write(':');
        w.write(String.format(Locale.ROOT, "%02d", random.nextInt(60)));
        w.write(',');
        w.write(out.toString());
        w.write(",organiser-");
        w.write(Integer.toString(random.nextInt(300)));
        w.write(",team-");
        w.write(Integer.toString(random.nextInt(40)));
        w.write('\n');
      }
    }
  }
}

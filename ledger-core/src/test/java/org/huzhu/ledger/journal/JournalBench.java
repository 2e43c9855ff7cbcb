package org.huzhu.ledger.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the journal against the raw I/O it is built on (a benchmark, not a test). Prints a
 * table. Argument: a directory to work in (default: a new one under /tmp), deleted afterwards.
 */
public final class JournalBench {
  private static final int FSYNC_COUNT = 2_000;
  private static final int PIPELINE_COUNT = 1_000_000;
  private static final int BATCH = 10_000;
  private static final int BATCHED_COUNT = 1_000_000;
  private static final int SINGLE_COUNT = 2_000;

  private JournalBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path work =
        args.length > 0
            ? Files.createDirectories(Path.of(args[0]))
            : Files.createTempDirectory(Path.of("/tmp"), "journal-bench");
    try {
      run(work, out);
    } finally {
      JournalProperties.delete(work);
    }
  }

  private static void run(Path work, PrintStream out) throws IOException {
    List<byte[]> entries = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      entries.add(entry(i));
    }
    int lineLength = RecordCodec.maxLineLength(entries.get(0).length) - 2 * 19 + 2 * 7;

    double fsyncRate = rawFsync(work.resolve("raw-fsync"));
    double pipelineRate = rawPipeline(work.resolve("raw-pipeline"), entries);

    Path batched = work.resolve("batched");
    double batchedRate;
    try (Journal j = Journals.create(batched)) {
      j.append(entries.subList(0, 100)); // warm up
      long t0 = System.nanoTime();
      while (j.lastSeq() < BATCHED_COUNT) {
        j.append(entries);
      }
      batchedRate = rate(j.lastSeq() - 100, t0);
    }
    double singleRate;
    try (Journal j = Journals.create(work.resolve("single"))) {
      List<byte[]> one = List.of(entries.get(0));
      j.append(one);
      long t0 = System.nanoTime();
      for (int i = 0; i < SINGLE_COUNT; i++) {
        j.append(one);
      }
      singleRate = rate(SINGLE_COUNT, t0);
    }
    double firstScan = 0;
    double bestScan = 0;
    long scanned = 0;
    try (Journal r = Journals.openReader(batched)) {
      for (int round = 0; round < 4; round++) {
        long[] count = new long[1];
        long t0 = System.nanoTime();
        r.scan(1, new RecordVisitor() {
          @Override
          public boolean record(JournalRecord record) {
            count[0]++;
            return true;
          }

          @Override
          public void damage(JournalDamage damage) {
            throw new IllegalStateException(damage.toString());
          }
        });
        double rate = rate(count[0], t0);
        scanned = count[0];
        firstScan = round == 0 ? rate : firstScan;
        out.printf(Locale.ROOT, "scan round %d: %,.0f records/s%n", round, rate);
        bestScan = Math.max(bestScan, rate);
      }
    }

    out.printf(Locale.ROOT, "journal benchmark in %s, %d cores, entry %d bytes, record ~%d bytes%n",
        work, Runtime.getRuntime().availableProcessors(), entries.get(0).length, lineLength);
    out.printf(Locale.ROOT, "%-58s %14s %8s%n", "measure", "rate/s", "ratio");
    row(out, "(a) raw write 200 B + force per record (fsyncs)", fsyncRate, "");
    row(out, "(a) raw format+SHA-256+write, force per 4096 (records)", pipelineRate, "");
    row(out, "(b) Journal.append, batches of 10,000 (records)", batchedRate,
        String.format(Locale.ROOT, "%.2f", batchedRate / pipelineRate));
    row(out, "(c) Journal.append, one record per call (acks)", singleRate,
        String.format(Locale.ROOT, "%.2f", singleRate / fsyncRate));
    row(out, "(d) full verifying scan of " + scanned + " records, first", firstScan, "");
    row(out, "(d) full verifying scan, best of 4", bestScan, "");
  }

  private static void row(PrintStream out, String what, double rate, String ratio) {
    out.printf(Locale.ROOT, "%-58s %,14.0f %8s%n", what, rate, ratio);
  }

  private static double rate(long count, long t0) {
    return count / ((System.nanoTime() - t0) / 1e9);
  }

  private static byte[] entry(int i) {
    String head = "{\"id\":\"signin:2026-03-14:" + (100000 + i) + "\",\"kind\":\"credit\","
        + "\"member\":\"m-" + (i % 5000) + "\",\"activity\":\"elderly-care\",\"points\":12,"
        + "\"minutes\":90,\"rules\":2,\"at\":\"2026-03-14T09:30:00+08:00\",\"note\":\"";
    StringBuilder b = new StringBuilder(head);
    while (b.length() < 248) {
      b.append('x');
    }
    return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static double rawFsync(Path file) throws IOException {
    ByteBuffer record = ByteBuffer.wrap(new byte[200]);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long t0 = System.nanoTime();
      for (int i = 0; i < FSYNC_COUNT; i++) {
        record.clear();
        ch.write(record);
        ch.force(false);
      }
      return rate(FSYNC_COUNT, t0);
    }
  }

  /** The least a hash-chained line journal must do: format, hash, write, force per 4,096. */
  private static double rawPipeline(Path file, List<byte[]> entries) throws IOException {
    RecordCodec codec = new RecordCodec();
    byte[] prev = RecordCodec.bytes(RecordCodec.ZERO_HASH);
    byte[] buf = new byte[4096 * (RecordCodec.maxLineLength(entries.get(0).length) + 8)];
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long t0 = System.nanoTime();
      int at = 0;
      int inBuffer = 0;
      for (int i = 1; i <= PIPELINE_COUNT; i++) {
        at = codec.format(buf, at, i, prev, i, entries.get(i % entries.size()), prev);
        if (++inBuffer == 4096 || i == PIPELINE_COUNT) {
          ByteBuffer b = ByteBuffer.wrap(buf, 0, at);
          while (b.hasRemaining()) {
            ch.write(b);
          }
          ch.force(false);
          at = 0;
          inBuffer = 0;
        }
      }
      return rate(PIPELINE_COUNT, t0);
    }
  }
}

package org.huzhu.ledger.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Entries, scans and file helpers shared by the journal tests. */
final class JournalFixtures {
  private JournalFixtures() {}

  /** A deterministic entry for {@code seq}, of varying length. */
  static byte[] entryFor(long seq) {
    int pad = (int) ((seq * 7919) % 180);
    return ("{\"id\":\"e-" + seq + "\",\"kind\":\"credit\",\"points\":" + (seq % 97) + ",\"pad\":\""
            + "x".repeat(pad) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static List<byte[]> entries(long firstSeq, int count) {
    List<byte[]> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(entryFor(firstSeq + i));
    }
    return out;
  }

  /** What a full scan saw. */
  static final class Seen implements RecordVisitor {
    final List<JournalRecord> records = new ArrayList<>();
    final List<JournalDamage> damage = new ArrayList<>();

    @Override
    public boolean record(JournalRecord record) {
      records.add(record);
      return true;
    }

    @Override
    public void damage(JournalDamage d) {
      damage.add(d);
    }
  }

  static Seen scan(Journal journal, long fromSeq) {
    Seen seen = new Seen();
    journal.scan(fromSeq, seen);
    return seen;
  }

  static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("segments"))) {
      return s.sorted().toList();
    }
  }

  static Path lastSegment(Path dir) throws IOException {
    List<Path> files = segmentFiles(dir);
    return files.get(files.size() - 1);
  }

  /** All bytes of all segments, in order, for comparing journals. */
  static byte[] allSegmentBytes(Path dir) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Path p : segmentFiles(dir)) {
      out.write(p.getFileName().toString().getBytes(StandardCharsets.US_ASCII));
      out.write(Files.readAllBytes(p));
    }
    return out.toByteArray();
  }

  static void flip(Path file, long position, int mask) throws IOException {
    byte[] b = Files.readAllBytes(file);
    b[(int) position] ^= (byte) mask;
    Files.write(file, b);
  }

  /** The command that starts a JVM running {@code main} with the test class path. */
  static List<String> javaCommand(Class<?> main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xshare:auto");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Xmx128m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }
}

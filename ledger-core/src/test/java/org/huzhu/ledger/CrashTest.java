package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a ledger process with SIGKILL at random moments while it imports sheets and adjusts
 * balances. After every kill the reopened ledger holds every acknowledged command, each import
 * whole or not at all, and passes the audit.
 */
class CrashTest {
  static final int MEMBERS = 40;
  static final int ROUNDS = 25;
  static final int SHEETS_PER_ROUND = 4;
  static final int ROWS_PER_SHEET = 480;

  @TempDir Path dir;

  @Test
  void acknowledgedWorkSurvivesSigkillAndImportsAreAllOrNothing() throws Exception {
    Path book = dir.resolve("book");
    Random random = new Random(42);
    Map<String, Integer> sheetRows = new LinkedHashMap<>();
    List<String> acknowledged = new ArrayList<>();
    int day = 0;
    for (int round = 0; round < ROUNDS; round++) {
      List<String> args = new ArrayList<>(List.of(book.toString()));
      for (int s = 0; s < SHEETS_PER_ROUND; s++) {
        String id = "r" + round + "s" + s;
        args.add(writeSheet(id, day++).toString());
        sheetRows.put(id, ROWS_PER_SHEET);
      }
      int killAfter = random.nextInt(2 * SHEETS_PER_ROUND + 1);
      acknowledged.addAll(runAndKill(args, killAfter));
      check(book, sheetRows, acknowledged);
    }
  }

  private Path writeSheet(String id, int day) throws IOException {
    StringBuilder sb = new StringBuilder(SigninImportTest.HEADER);
    LocalDateTime base = LocalDateTime.of(2026, 1, 5, 6, 0).plusDays(day);
    for (int i = 0; i < ROWS_PER_SHEET; i++) {
      LocalDateTime in = base.plusMinutes(30L * (i / MEMBERS));
      sb.append(id).append('-').append(i).append(",v").append(i % MEMBERS).append(",cleanup,")
          .append(in).append(',').append(in.plusMinutes(30)).append(",g1,,,\n");
    }
    Path f = dir.resolve(id + ".csv");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    return f;
  }

  /** Starts the child, kills it after {@code killAfter} acknowledgements; returns what it acknowledged. */
  private List<String> runAndKill(List<String> args, int killAfter) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CrashChild.class.getName());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    List<String> acks = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      int seen = 0;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          acks.add(line.split(" ")[1]);
          seen++;
        }
        if (line.equals("READY") && killAfter == 0 || seen >= killAfter && seen > 0) {
          p.destroyForcibly();
          break;
        }
      }
    } finally {
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    return acks;
  }

  private static void check(Path book, Map<String, Integer> sheetRows, List<String> acknowledged) {
    if (!Ledger.exists(book)) {
      assertTrue(acknowledged.isEmpty());
      return;
    }
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 11, 23, 18, 0));
    try (Ledger l = Ledger.open(book, clock)) {
      Map<String, Integer> creditsPerImport = new HashMap<>();
      java.util.Set<String> ids = new java.util.HashSet<>();
      l.entries(1)
          .forEach(
              e -> {
                ids.add(e.id());
                if (e.detail() instanceof EntryDetail.Credit c) {
                  creditsPerImport.merge(c.importId(), 1, Integer::sum);
                }
              });
      for (String ack : acknowledged) {
        assertTrue(ids.contains(ack) || creditsPerImport.containsKey(ack), "acknowledged " + ack + " was lost");
      }
      creditsPerImport.forEach(
          (importId, n) -> assertEquals(sheetRows.get(importId), n, "import " + importId + " is only partly there"));
      AuditReport audit = l.verify(null);
      assertTrue(audit.ok(), audit::toString);
    }
  }
}

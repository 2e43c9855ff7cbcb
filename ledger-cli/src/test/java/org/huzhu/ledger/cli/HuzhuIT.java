package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar as a user does: {@code java -jar huzhu.jar ...}, one process per command. */
class HuzhuIT {
  @TempDir Path tmp;

  record Result(int exit, String out, String err) {}

  private String now = "2026-03-10T09:00";

  private Result huzhu(String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("huzhu.jar", "target/huzhu.jar");
    assertTrue(Files.isRegularFile(Path.of(jar)), "the shaded jar is built: " + jar);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar);
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  private Result exec(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("HUZHU_JOURNAL", tmp.resolve("books").toString());
    pb.environment().put("HUZHU_NOW", now);
    Path out = tmp.resolve("stdout.txt");
    Path err = tmp.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void aFullDiskBehindStandardOutputIsAnError() throws Exception {
    assertEquals(0, huzhu("init").exit());
    Path full = Path.of("/dev/full");
    assertTrue(Files.exists(full), "this test needs /dev/full (Linux)");
    String jar = Path.of(System.getProperty("huzhu.jar", "target/huzhu.jar")).toAbsolutePath().toString();
    for (String command : List.of("balance", "export")) {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, command));
      if (command.equals("export")) {
        cmd.add("jsonl");
      }
      Path err = tmp.resolve("err.txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(full.toFile()).redirectError(err.toFile());
      pb.environment().put("HUZHU_JOURNAL", tmp.resolve("books").toString());
      pb.environment().put("HUZHU_NOW", now);
      assertEquals(3, pb.start().waitFor(), command);
      assertTrue(Files.readString(err).contains("standard output cannot be written"), command + ": " + Files.readString(err));
    }
  }

  @Test
  void anExportToDevStdoutGoesThroughAPipeAndAppendsToAFile() throws Exception {
    assertEquals(0, huzhu("init").exit());
    String jar = System.getProperty("huzhu.jar", "target/huzhu.jar");
    List<String> cmd =
        List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Path.of(jar).toAbsolutePath().toString(),
            "export", "csv", "--output", "/dev/stdout");
    ProcessBuilder piped = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    piped.environment().put("HUZHU_JOURNAL", tmp.resolve("books").toString());
    Process p = piped.start();
    byte[] bytes = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), "export through a pipe");
    assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("\uFEFFseq,id,kind"));

    Path all = Files.writeString(tmp.resolve("all.csv"), "kept\n");
    ProcessBuilder appended = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(ProcessBuilder.Redirect.appendTo(all.toFile()));
    appended.environment().put("HUZHU_JOURNAL", tmp.resolve("books").toString());
    assertEquals(0, appended.start().waitFor());
    String text = Files.readString(all, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("kept\n\uFEFFseq,id,kind"), "what the file held is kept: " + text);
  }

  @Test
  void initImportAdjustBalanceAudit() throws Exception {
    Result init = huzhu("init", "--zone", "Asia/Shanghai");
    assertEquals(0, init.exit(), init::toString);

    Path members = tmp.resolve("members.csv");
    Files.writeString(members, "\uFEFFmember_id,joined_on,team\nv1,2026-01-01,红队\nv2,2026-01-02,\n", StandardCharsets.UTF_8);
    Result imported = huzhu("members", "import", members.toString(), "--format", "json");
    assertEquals(0, imported.exit(), imported::toString);
    assertEquals("{\"read\":2,\"enrolled\":2,\"changed\":0,\"unchanged\":0}", imported.out().strip());

    Result adjust =
        huzhu("adjust", "--member", "v1", "--points", "120", "--reason", "backfill", "--approved-by", "org1", "--id", "A-1", "--at", "2026-03-01");
    assertEquals(0, adjust.exit(), adjust::toString);

    Result balance = huzhu("--format", "json", "balance");
    assertEquals(0, balance.exit(), balance::toString);
    assertEquals(
        "{\"as_of\":\"2026-03-10\",\"accounts\":[{\"account\":\"community:issued\",\"points\":-120,\"minutes\":0},"
            + "{\"account\":\"member:v1\",\"points\":120,\"minutes\":0}]}",
        balance.out().strip());

    Result refused =
        huzhu("adjust", "--member", "v2", "--points", "-1", "--reason", "x", "--approved-by", "org1", "--id", "A-2", "--format", "json");
    assertEquals(3, refused.exit(), refused::toString);
    assertTrue(refused.out().startsWith("{\"refused\":\"insufficient-points\""), refused::toString);

    Result audit = huzhu("audit", "--format", "json");
    assertEquals(0, audit.exit(), audit::toString);
    assertTrue(audit.out().startsWith("{\"ok\":true,\"entries\":4,\"seq\":4,\"head\":\""), audit::toString);
    assertEquals("", audit.err());
  }

  @Test
  void theLauncherRunsTheJar() throws Exception {
    Path launcher = Path.of(System.getProperty("huzhu.jar", "target/huzhu.jar")).toAbsolutePath().getParent().getParent().getParent().resolve("bin/huzhu");
    assertTrue(Files.isRegularFile(launcher), launcher::toString);
    Result r = exec(List.of("sh", launcher.toString(), "--version"));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("huzhu "), r::toString);
  }

  /**
   * A tool on the PATH, or null. Without it the test is skipped, except on CI ({@code CI=true}),
   * where a missing tool fails the test: CI must prove the export is accepted.
   */
  private static Path tool(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(name + " is not on the PATH; CI=true requires it to check `huzhu export ledger` (install " + name + ")");
    }
    org.junit.jupiter.api.Assumptions.abort(name + " is not installed");
    return null;
  }

  private Path exportedJournal() throws Exception {
    assertEquals(0, huzhu("init").exit());
    Path members = tmp.resolve("members.csv");
    Files.writeString(members, "member_id,joined_on\nv1,2026-01-01\n", StandardCharsets.UTF_8);
    assertEquals(0, huzhu("members", "import", members.toString()).exit());
    assertEquals(0, huzhu("adjust", "--member", "v1", "--points", "120", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--at", "2026-03-01").exit());
    assertEquals(0, huzhu("adjust", "--member", "v1", "--minutes", "90", "--reason", "r", "--approved-by", "o", "--id", "A-2", "--at", "2026-03-02").exit());
    assertEquals(0, huzhu("transfer", "--from", "v1", "--to", "pool", "--minutes", "30", "--id", "T-1", "--at", "2026-03-03").exit());
    Path journal = tmp.resolve("books.journal");
    assertEquals(0, huzhu("export", "ledger", "--output", journal.toString()).exit());
    return journal;
  }

  /** hledger accepts the exported journal and its balances. */
  @Test
  void hledgerReadsTheExport() throws Exception {
    Path hledger = tool("hledger");
    Path journal = exportedJournal();
    Result bal = exec(List.of(hledger.toString(), "-f", journal.toString(), "balance", "member:v1", "--flat", "--no-total"));
    assertEquals(0, bal.exit(), bal::toString);
    assertTrue(bal.out().contains("120 PTS") && bal.out().contains("60 MIN"), bal::toString);
  }

  /** ledger-cli accepts the exported journal and its balances. */
  @Test
  void ledgerCliReadsTheExport() throws Exception {
    Path ledger = tool("ledger");
    Path journal = exportedJournal();
    Result bal = exec(List.of(ledger.toString(), "-f", journal.toString(), "balance", "member:v1"));
    assertEquals(0, bal.exit(), bal::toString);
    assertTrue(bal.out().contains("120 PTS") && bal.out().contains("60 MIN"), bal::toString);
  }

  private Path example(String name) throws IOException {
    return Run.example(tmp, name);
  }

  /** The example community end to end, one process per command, as a coordinator runs it. */
  @Test
  void theExampleCommunityEndToEnd() throws Exception {
    now = "2026-11-23T18:00";
    assertEquals(0, huzhu("init").exit());
    Result members = huzhu("members", "import", example("members.csv").toString(), "--format", "json");
    assertEquals("{\"read\":43,\"enrolled\":43,\"changed\":0,\"unchanged\":0}", members.out().strip(), members::toString);
    Result v1 = huzhu("rules", "publish", example("rules-v1.json").toString(), "--format", "json");
    assertEquals("{\"id\":\"sys:rules:1\",\"version\":1,\"published\":true}", v1.out().strip(), v1::toString);
    Result v2 = huzhu("rules", "publish", example("rules-v2.json").toString(), "--format", "json");
    assertEquals("{\"id\":\"sys:rules:2\",\"version\":2,\"published\":true}", v2.out().strip(), v2::toString);
    Result catalog = huzhu("catalog", "publish", example("catalog.json").toString());
    assertEquals(0, catalog.exit(), catalog::toString);

    Path rejects = tmp.resolve("rejects.csv");
    Result imported = huzhu("import", example("signins.csv").toString(), "--rejects", rejects.toString(), "--format", "json");
    assertEquals(4, imported.exit(), imported::toString);
    assertTrue(imported.out().startsWith("{\"read\":1276,\"credited\":1267,\"duplicates\":0,\"rejected\":9,\"points\":19491,\"minutes\":114615,\"by_reason\":{"), imported::toString);
    assertEquals("", imported.err(), "no progress bar when stderr is not a terminal");
    byte[] bytes = Files.readAllBytes(rejects);
    assertTrue(bytes.length > 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF, "a BOM");
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFFline,signin_id,reason,detail\r\n"), text);
    assertEquals(10, text.split("\r\n").length, text);

    Result again = huzhu("import", example("signins-gb18030.csv").toString(), "--encoding", "GB18030", "--format", "json");
    assertEquals(4, again.exit(), again::toString);
    assertTrue(again.out().contains("\"credited\":0,\"duplicates\":1267,"), again::toString);

    Result balance = huzhu("balance", "--format", "json", "--member", "v003");
    assertEquals("{\"as_of\":\"2026-11-23\",\"accounts\":[{\"account\":\"member:v003\",\"points\":471,\"minutes\":2580}]}", balance.out().strip(), balance::toString);

    Result redeem = huzhu("redeem", "--member", "v003", "--item", "haircut", "--id", "R-1", "--format", "json");
    assertEquals(0, redeem.exit(), redeem::toString);
    assertTrue(redeem.out().startsWith("{\"entry\":{\"id\":\"R-1\","), redeem::toString);
    Result transfer = huzhu("transfer", "--from", "v003", "--to", "pool", "--minutes", "60", "--id", "T-1", "--format", "json");
    assertEquals(0, transfer.exit(), transfer::toString);
    assertTrue(transfer.out().endsWith("\"repeated\":false}\n"), transfer::toString);

    Result teams = huzhu("report", "teams", "--month", "2026-10");
    assertEquals(0, teams.exit(), teams::toString);
    assertTrue(teams.out().contains("\n义剪服务队       37  45:30     511\n"), teams::toString);

    Result certificate = huzhu("certificate", "--member", "v003", "--format", "json");
    assertEquals(0, certificate.exit(), certificate::toString);
    assertTrue(certificate.out().matches("(?s)\\{\"member\":\"v003\",.*\"head\":\"1316:[0-9a-f]{64}\"}\\s*"), certificate::toString);

    Result audit = huzhu("audit", "--format", "json");
    assertEquals(0, audit.exit(), audit::toString);
    assertTrue(audit.out().startsWith("{\"ok\":true,\"entries\":1316,\"seq\":1316,"), audit::toString);

    // `huzhu export jsonl | head -1`: a reader that stops reading is no failure
    String jar = Path.of(System.getProperty("huzhu.jar", "target/huzhu.jar")).toAbsolutePath().toString();
    Path err = tmp.resolve("head-err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "export", "jsonl")
            .directory(tmp.toFile())
            .redirectError(err.toFile());
    pb.environment().put("HUZHU_JOURNAL", tmp.resolve("books").toString());
    Process p = pb.start();
    try (java.io.BufferedReader first = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertTrue(first.readLine().startsWith("{\"id\":\"sys:ledger\""));
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), () -> "export into a closed pipe: " + readQuietly(err));
    assertEquals("", Files.readString(err));

    Result demo = huzhu("demo");
    assertEquals(0, demo.exit(), demo::toString);
    assertTrue(demo.out().endsWith("\naudit: ok\n"), demo::toString);
  }

  @Test
  void aBadFileAndARefusedCommandExit3() throws Exception {
    assertEquals(0, huzhu("init").exit());
    Path members = tmp.resolve("members.csv");
    Files.writeString(members, "member_id,joined_on\nv1,2026-01-01\nv2,2026-13-01\n", StandardCharsets.UTF_8);
    Result bad = huzhu("members", "import", members.toString());
    assertEquals(3, bad.exit(), bad::toString);
    assertEquals(1, bad.err().strip().lines().count(), bad::toString);
    assertTrue(bad.err().contains("line 3") && bad.err().contains("joined_on"), bad::toString);

    Files.writeString(members, "member_id,joined_on\nv1,2026-01-01\n", StandardCharsets.UTF_8);
    assertEquals(0, huzhu("members", "import", members.toString()).exit());
    Path sheet = tmp.resolve("signins.csv");
    Files.writeString(sheet, "signin_id,member_id,activity,check_in,check_out,verified_by,verified_by\n", StandardCharsets.UTF_8);
    Result badSheet = huzhu("import", sheet.toString());
    assertEquals(3, badSheet.exit(), badSheet::toString);
    assertEquals(1, badSheet.err().strip().lines().count(), badSheet::toString);
    assertTrue(badSheet.err().contains("signins.csv") && badSheet.err().contains("verified_by"), badSheet::toString);

    Result refused = huzhu("transfer", "--from", "pool", "--to", "v1", "--minutes", "5", "--id", "T-1", "--format", "json");
    assertEquals(3, refused.exit(), refused::toString);
    assertTrue(refused.out().startsWith("{\"refused\":\"pool-insufficient\",\"detail\":"), refused::toString);
    assertEquals(1, refused.err().strip().lines().count(), refused::toString);
  }

  private static String readQuietly(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return e.toString();
    }
  }
}

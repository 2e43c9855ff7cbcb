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
    pb.environment().put("HUZHU_NOW", "2026-03-10T09:00");
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

  /** When hledger is installed, it accepts the exported journal and its balances. */
  @Test
  void hledgerReadsTheExport() throws Exception {
    Path hledger = Path.of("/usr/bin/hledger");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(hledger), "hledger is not installed");
    assertEquals(0, huzhu("init").exit());
    Path members = tmp.resolve("members.csv");
    Files.writeString(members, "member_id,joined_on\nv1,2026-01-01\n", StandardCharsets.UTF_8);
    assertEquals(0, huzhu("members", "import", members.toString()).exit());
    assertEquals(0, huzhu("adjust", "--member", "v1", "--points", "120", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--at", "2026-03-01").exit());
    assertEquals(0, huzhu("adjust", "--member", "v1", "--minutes", "90", "--reason", "r", "--approved-by", "o", "--id", "A-2", "--at", "2026-03-02").exit());
    Path journal = tmp.resolve("books.journal");
    assertEquals(0, huzhu("export", "ledger", "--output", journal.toString()).exit());
    Result bal = exec(List.of(hledger.toString(), "-f", journal.toString(), "balance", "member:v1", "--flat", "--no-total"));
    assertEquals(0, bal.exit(), bal::toString);
    assertTrue(bal.out().contains("120 PTS") && bal.out().contains("90 MIN"), bal::toString);
  }
}

package org.huzhu.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path tmp;
  Run.Books books;

  @BeforeEach
  void setUp() {
    books = new Run.Books(tmp.resolve("books"));
  }

  private static void ok(Run r) {
    assertEquals(0, r.exit, r::toString);
  }

  private static void oneLineError(Run r) {
    assertEquals(1, r.err.strip().lines().count(), r::toString);
    assertFalse(r.err.contains("\tat "), r::toString);
  }

  @Test
  void aMissingInputFileReadsTheSameForEveryCommand() throws java.io.IOException {
    books.withMembers(tmp);
    String missing = tmp.resolve("nothing-here.csv").toString();
    String[][] commands = {
      {"import", missing},
      {"members", "import", missing},
      {"rules", "publish", missing},
      {"catalog", "publish", missing},
    };
    for (String[] command : commands) {
      String[] args = java.util.Arrays.copyOf(command, command.length + 2);
      args[command.length] = "--format";
      args[command.length + 1] = "json";
      Run r = books.run(args);
      assertEquals(3, r.exit, r::toString);
      assertEquals(
          "{\"refused\":\"bad-file\",\"detail\":\"no such file or directory: " + missing.replace("\\", "\\\\") + "\"}",
          r.out.strip(), r::toString);
      oneLineError(books.run(command));
    }
  }

  @Test
  void anArgumentHoldingALineBreakStillGivesAOneLineError() throws IOException {
    books.withMembers(tmp);
    Run[] runs = {
      books.run("balance", "--member", "v0\n03"),
      books.run("redeem", "--member", "v1", "--item", "haircut", "--id", "R\r1"),
      books.run("bal\nance"),
      books.run("statement", "--member", "v1", "--from", "2026\n"),
      books.run("reverse", "--entry", "a\nb", "--reason", "x"),
    };
    for (Run r : runs) {
      assertTrue(r.exit == 2 || r.exit == 3, r::toString);
      oneLineError(r);
      assertFalse(r.err.strip().contains("\r"), r::toString);
      assertTrue(r.err.contains("\\u000"), r::toString); // the break is shown, escaped
    }
  }

  // ------------------------------------------------------------------ completion

  @Test
  void generateCompletionPrintsABashAndZshCompletionScript() {
    Run r = Run.run(Map.of(), "generate-completion");
    ok(r);
    assertTrue(r.out.contains("complete -F _complete_huzhu") || r.out.contains("_complete_huzhu"), r::toString);
    assertTrue(r.out.contains("redeem") && r.out.contains("--journal"), r::toString);
  }

  // ------------------------------------------------------------------ global behaviour

  @Test
  void aJournalDirectoryMayBeCalledLikeACommand() {
    Path export = tmp.resolve("export");
    Run r = Run.run(Map.of("HUZHU_NOW", "2026-03-10T09:00"), "--journal", export.toString(), "init");
    ok(r);
    Run named = Run.run(Map.of("HUZHU_NOW", "2026-03-10T09:00"), "--journal", "audit", "--format", "json", "audit");
    assertEquals(5, named.exit, named::toString); // no ledger in ./audit, but read as the directory
    assertTrue(named.err.contains("audit"), named::toString);
  }

  @Test
  void outputThatCannotBeWrittenIsAnErrorUnlessTheCommandWroteTheLedger() throws IOException {
    books.withMembers(tmp);
    Run balance = runWithBrokenOutput("balance");
    assertEquals(3, balance.exit, balance::toString);
    assertTrue(balance.err.contains("standard output cannot be written: the output is lost"), balance::toString);
    oneLineError(balance);
    Run adjust =
        runWithBrokenOutput("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "p", "--id", "A-1");
    assertEquals(0, adjust.exit, adjust::toString);
    assertTrue(adjust.err.contains("but the command was carried out"), adjust::toString);
    assertTrue(books.run("balance", "--member", "v1", "--format", "json").out.contains("\"points\":5"));
  }

  @Test
  void aFileThatCannotBeWrittenIsToldInTheSystemsWords() throws IOException {
    books.withMembers(tmp);
    assertTrue(Files.exists(Path.of("/dev/full")), "this test needs /dev/full (Linux)");
    Run r = books.run("export", "csv", "--output", "/dev/full");
    assertEquals(3, r.exit, r::toString);
    oneLineError(r);
    assertTrue(r.err.strip().endsWith("cannot write /dev/full: No space left on device"), r::toString);
  }

  private Run runWithBrokenOutput(String... args) {
    java.io.OutputStream full =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    java.io.StringWriter err = new java.io.StringWriter();
    int exit =
        Huzhu.commandLine(
                new java.io.PrintWriter(new java.io.OutputStreamWriter(full, StandardCharsets.UTF_8), true),
                new java.io.PrintWriter(err, true),
                books.env)
            .execute(args);
    return Run.of(exit, "", err.toString());
  }

  // ------------------------------------------------------------------ init

  @Test
  void initCreatesALedgerAndRefusesASecondTime() {
    Run r = books.run("init", "--format", "json");
    ok(r);
    assertTrue(r.out.startsWith("{\"journal\":"), r::toString);
    assertTrue(r.out.contains("\"zone\":\"Asia/Shanghai\""), r::toString);
    Run again = books.run("init");
    assertEquals(5, again.exit, again::toString);
    oneLineError(again);
    assertTrue(again.err.contains("already"), again::toString);
  }

  @Test
  void initWithAnUnknownZoneIsAUsageError() {
    Run r = books.run("init", "--zone", "Mars/Olympus");
    assertEquals(2, r.exit, r::toString);
    oneLineError(r);
    assertFalse(Files.exists(books.dir.resolve("segments")));
  }

  @Test
  void commandsOnAMissingLedgerExit5() {
    for (String[] args :
        List.of(
            new String[] {"balance"},
            new String[] {"audit"},
            new String[] {"statement", "--member", "v1"},
            new String[] {"export", "jsonl"},
            new String[] {"adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A"})) {
      Run r = books.run(args);
      assertEquals(5, r.exit, r::toString);
      oneLineError(r);
      assertTrue(r.err.contains(books.dir.toString()), r::toString);
    }
  }

  @Test
  void aLedgerHeldByAnotherWriterExits5AndReadsStillWork() throws IOException {
    books.withMembers(tmp);
    try (org.huzhu.ledger.Ledger held =
        org.huzhu.ledger.Ledger.open(books.dir, java.time.Clock.fixed(java.time.Instant.parse("2026-03-10T01:00:00Z"), java.time.ZoneOffset.UTC))) {
      Run r = books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-1");
      assertEquals(5, r.exit, r::toString);
      oneLineError(r);
      ok(books.run("balance"));
      ok(books.run("audit"));
      assertTrue(held.head().startsWith("3:"));
    }
    ok(books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-1"));
  }

  // ------------------------------------------------------------------ members import

  @Test
  void membersImportEnrolsAndRepeatsAsUnchanged() throws IOException {
    ok(books.run("init"));
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "\uFEFFteam, joined_on ,member_id,extra\r\n\"A, B\",2026-01-01,v1,x\r\n\r\n,2026-01-02,v2,\r\n");
    Run r = books.run("members", "import", csv.toString(), "--format", "json");
    ok(r);
    assertEquals("{\"read\":2,\"enrolled\":2,\"changed\":0,\"unchanged\":0}", r.out.strip());
    Run again = books.run("members", "import", csv.toString(), "--format", "json");
    ok(again);
    assertEquals("{\"read\":2,\"enrolled\":0,\"changed\":0,\"unchanged\":2}", again.out.strip());
  }

  @Test
  void membersImportRefusesABadFileNamingLineAndField() throws IOException {
    ok(books.run("init"));
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "member_id,joined_on\nv1,2026-01-01\nv2,2026-02-30\n");
    Run r = books.run("--format", "json", "members", "import", csv.toString());
    assertEquals(3, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"refused\":\"bad-file\",\"detail\":\""), r::toString);
    assertTrue(r.out.contains("m.csv: line 3: joined_on"), r::toString);
    oneLineError(r);
    Run bal = books.run("balance", "--member", "v1");
    assertEquals(3, bal.exit, "nothing was enrolled: " + bal);
  }

  @Test
  void membersImportRefusesAMissingColumnAndBadBytes() throws IOException {
    ok(books.run("init"));
    Path csv = tmp.resolve("m.csv");
    Files.writeString(csv, "member_id,team\nv1,a\n");
    Run r = books.run("members", "import", csv.toString());
    assertEquals(3, r.exit, r::toString);
    assertTrue(r.err.contains("joined_on"), r::toString);

    Path gb = tmp.resolve("gb.csv");
    Files.write(gb, "member_id,joined_on,team\nv1,2026-01-01,红队\n".getBytes(Charset.forName("GB18030")));
    Run bad = books.run("members", "import", gb.toString());
    assertEquals(3, bad.exit, bad::toString);
    assertTrue(bad.err.contains("line 2") && bad.err.contains("--encoding"), bad::toString);
    ok(books.run("members", "import", gb.toString(), "--encoding", "GB18030"));
  }

  @Test
  void membersImportOfAMissingFileIsUnreadableInput() {
    ok(books.run("init"));
    Run r = books.run("members", "import", tmp.resolve("nope.csv").toString());
    assertEquals(3, r.exit, r::toString);
    oneLineError(r);
    assertTrue(r.err.contains("nope.csv"), r::toString);
  }

  // ------------------------------------------------------------------ adjust

  @Test
  void adjustPrintsTheEntryInEachFormat() throws IOException {
    books.withMembers(tmp);
    Run json =
        books.run("adjust", "--member", "v1", "--points", "120", "--reason", "backfill", "--approved-by", "org1", "--id", "A-1", "--at", "2026-03-01", "--format", "json");
    ok(json);
    assertEquals(
        "{\"entry\":{\"id\":\"A-1\",\"seq\":4,\"kind\":\"adjustment\",\"date\":\"2026-03-01\",\"postings\":["
            + "{\"account\":\"community:issued\",\"points\":-120,\"minutes\":0},"
            + "{\"account\":\"member:v1\",\"points\":120,\"minutes\":0}]},\"repeated\":false}",
        json.out.strip());

    Run csv =
        books.run("adjust", "--member", "v1", "--minutes", "90", "--reason", "=backfill", "--approved-by", "org1", "--id", "A-2", "--format", "csv");
    ok(csv);
    assertEquals(
        List.of(
            "id,seq,kind,date,account,points,minutes,repeated",
            "A-2,5,adjustment,2026-03-10,community:issued,0,-90,false",
            "A-2,5,adjustment,2026-03-10,member:v1,0,90,false"),
        csv.outLines());
    assertTrue(csv.out.contains("\r\n"));

    Run table =
        books.run("adjust", "--member", "v2", "--points", "7", "--reason", "r", "--approved-by", "org1", "--id", "A-3");
    ok(table);
    assertTrue(table.out.contains("A-3"), table::toString);
    assertTrue(table.out.contains("member:v2"), table::toString);
  }

  @Test
  void repeatingAnAdjustmentIsANoOpAndOtherArgumentsAConflict() throws IOException {
    books.withMembers(tmp);
    String[] args = {"adjust", "--member", "v1", "--points", "10", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--format", "json"};
    ok(books.run(args));
    Run again = books.run(args);
    ok(again);
    assertTrue(again.out.endsWith("\"repeated\":true}\n") || again.out.strip().endsWith("\"repeated\":true}"), again::toString);
    Run conflict =
        books.run("adjust", "--member", "v1", "--points", "11", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--format", "json");
    assertEquals(3, conflict.exit, conflict::toString);
    assertTrue(conflict.out.startsWith("{\"refused\":\"conflict\",\"detail\":"), conflict::toString);
  }

  @Test
  void refusalsExit3AndPrintJsonOnStdout() throws IOException {
    books.withMembers(tmp);
    Run r =
        books.run("--format", "json", "adjust", "--member", "v1", "--points", "-5", "--reason", "r", "--approved-by", "o", "--id", "A-1");
    assertEquals(3, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"refused\":\"insufficient-points\",\"detail\":\""), r::toString);
    oneLineError(r);
    assertTrue(r.err.contains("insufficient-points"), r::toString);

    Run unknown =
        books.run("adjust", "--member", "nobody", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-2");
    assertEquals(3, unknown.exit, unknown::toString);
    assertTrue(unknown.err.contains("unknown-member"), unknown::toString);
    assertEquals("", unknown.out, "no JSON refusal in table format");

    Run future =
        books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-3", "--at", "2026-03-11");
    assertEquals(3, future.exit, future::toString);
    assertTrue(future.err.contains("in-future"), future::toString);

    Run huge =
        books.run("adjust", "--member", "v1", "--points", "99999999999999999999999", "--reason", "r", "--approved-by", "o", "--id", "A-4");
    assertEquals(3, huge.exit, huge::toString);
    assertTrue(huge.err.contains("bad-amount"), huge::toString);
    // Too large for a long: shown as at least the largest long, in words that read in any language.
    assertTrue(huge.err.contains("points ≥9223372036854775807 is beyond 10^12"), huge::toString);
  }

  @Test
  void malformedArgumentsAreUsageErrors() throws IOException {
    books.withMembers(tmp);
    List<String[]> cases =
        List.of(
            new String[] {"adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "bad id"},
            new String[] {"adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "sys:x"},
            new String[] {"adjust", "--member", "v1", "--points", "5", "--minutes", "5", "--reason", "r", "--approved-by", "o", "--id", "A"},
            new String[] {"adjust", "--member", "v1", "--reason", "r", "--approved-by", "o", "--id", "A"},
            new String[] {"adjust", "--member", "v1", "--points", "1.5", "--reason", "r", "--approved-by", "o", "--id", "A"},
            new String[] {"adjust", "--member", "v1", "--points", "5", "--reason", "x".repeat(201), "--approved-by", "o", "--id", "A"},
            new String[] {"adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A", "--at", "yesterday"},
            new String[] {"adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A", "--at", "2026-02-30"},
            new String[] {"reverse", "--entry", "A", "--reason", "r", "--id", "reversal:A"},
            new String[] {"balance", "--as-of", "2026-13-01"},
            new String[] {"balance", "--member", "v 1"},
            new String[] {"audit", "--expect-head", "nonsense"},
            new String[] {"export", "xml"},
            new String[] {"balance", "--format", "yaml"},
            new String[] {"frobnicate"},
            new String[] {});
    for (String[] args : cases) {
      Run r = books.run(args);
      assertEquals(2, r.exit, () -> String.join(" ", args) + "\n" + r);
      oneLineError(r);
    }
    Run bal = books.run("balance", "--format", "json");
    ok(bal);
    assertEquals("{\"as_of\":\"2026-03-10\",\"accounts\":[]}", bal.out.strip(), "nothing was written");
  }

  @Test
  void stackTracesOnlyWithDebug() throws IOException {
    books.withMembers(tmp);
    String[] args = {"adjust", "--member", "v1", "--points", "-5", "--reason", "r", "--approved-by", "o", "--id", "A-1"};
    Run quiet = books.run(args);
    assertFalse(quiet.err.contains("\tat "), quiet::toString);
    String[] debug = java.util.Arrays.copyOf(args, args.length + 1);
    debug[args.length] = "--debug";
    Run loud = books.run(debug);
    assertEquals(3, loud.exit);
    assertTrue(loud.err.contains("\tat "), loud::toString);
  }

  // ------------------------------------------------------------------ HUZHU_NOW

  @Test
  void nowComesFromHuzhuNowInTheLedgersZone() throws IOException {
    books.withMembers(tmp);
    books.now("2026-04-02");
    Run r = books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--format", "json");
    ok(r);
    assertTrue(r.out.contains("\"date\":\"2026-04-02\""), r::toString);
    Run bal = books.run("balance", "--format", "json");
    assertTrue(bal.out.startsWith("{\"as_of\":\"2026-04-02\""), bal::toString);

    books.now("2026-04-02T23:30:00");
    Run late = books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-2", "--at", "2026-04-02T23:00", "--format", "json");
    ok(late);
    assertTrue(late.out.contains("\"date\":\"2026-04-02\""), late::toString);
  }

  @Test
  void huzhuNowWithAnOffsetIsAnInstant() throws IOException {
    books.withMembers(tmp);
    books.now("2026-04-02T17:30:00Z"); // 2026-04-03T01:30 in Shanghai
    Run r = books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--format", "json");
    ok(r);
    assertTrue(r.out.contains("\"date\":\"2026-04-03\""), r::toString);
  }

  @Test
  void anUnreadableHuzhuNowIsAUsageError() throws IOException {
    books.withMembers(tmp);
    books.now("next tuesday");
    Run r = books.run("adjust", "--member", "v1", "--points", "5", "--reason", "r", "--approved-by", "o", "--id", "A-1");
    assertEquals(2, r.exit, r::toString);
    assertTrue(r.err.contains("HUZHU_NOW"), r::toString);
  }

  // ------------------------------------------------------------------ global options

  @Test
  void globalOptionsWorkBeforeAndAfterTheCommand() throws IOException {
    Path other = tmp.resolve("other");
    Map<String, String> env = Map.of("HUZHU_NOW", "2026-03-10T09:00");
    ok(Run.run(env, "--journal", other.toString(), "init"));
    ok(Run.run(env, "init", "--journal", tmp.resolve("third").toString()));
    Run before = Run.run(env, "--journal", other.toString(), "--format", "json", "balance");
    Run after = Run.run(env, "balance", "--journal", other.toString(), "--format", "json");
    ok(before);
    ok(after);
    assertEquals(before.out, after.out);
    assertEquals("{\"as_of\":\"2026-03-10\",\"accounts\":[]}", after.out.strip());
    Run mixed = Run.run(env, "--format", "csv", "balance", "--journal", other.toString(), "--lang", "zh");
    ok(mixed);
    assertEquals("as_of,account,points,minutes", mixed.out.strip());
  }

  @Test
  void journalDefaultsToTheEnvironment() throws IOException {
    books.withMembers(tmp);
    Run r = Run.run(Map.of("HUZHU_JOURNAL", books.dir.toString(), "HUZHU_NOW", "2026-03-10"), "balance", "--member", "v2", "--format", "json");
    ok(r);
    assertEquals("{\"as_of\":\"2026-03-10\",\"accounts\":[{\"account\":\"member:v2\",\"points\":0,\"minutes\":0}]}", r.out.strip());
  }

  // ------------------------------------------------------------------ balance and statement

  @Test
  void balanceInEachFormat() throws IOException {
    books.withMembers(tmp);
    ok(books.run("adjust", "--member", "v1", "--points", "120", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--at", "2026-03-01"));
    ok(books.run("adjust", "--member", "v1", "--minutes", "90", "--reason", "r", "--approved-by", "o", "--id", "A-2", "--at", "2026-03-05"));
    Run json = books.run("balance", "--format", "json");
    ok(json);
    assertEquals(
        "{\"as_of\":\"2026-03-10\",\"accounts\":[{\"account\":\"community:issued\",\"points\":-120,\"minutes\":-90},"
            + "{\"account\":\"member:v1\",\"points\":120,\"minutes\":90}]}",
        json.out.strip());
    Run asOf = books.run("balance", "--as-of", "2026-03-02", "--format", "json", "--member", "v1");
    assertEquals("{\"as_of\":\"2026-03-02\",\"accounts\":[{\"account\":\"member:v1\",\"points\":120,\"minutes\":0}]}", asOf.out.strip());
    Run csv = books.run("balance", "--format", "csv");
    assertEquals(
        List.of("as_of,account,points,minutes", "2026-03-10,community:issued,-120,-90", "2026-03-10,member:v1,120,90"),
        csv.outLines());
    Run table = books.run("balance");
    ok(table);
    assertEquals(
        List.of(
            "Balances as of 2026-03-10",
            "Account           Points  Hours",
            "----------------  ------  -----",
            "community:issued    -120  -1:30",
            "member:v1            120   1:30"),
        table.outLines());
    Run unknown = books.run("balance", "--member", "v9", "--format", "json");
    assertEquals(3, unknown.exit, unknown::toString);
    assertTrue(unknown.out.startsWith("{\"refused\":\"unknown-member\""), unknown::toString);
  }

  @Test
  void chineseHeadersWithLangZh() throws IOException {
    books.withMembers(tmp);
    Run r = books.run("balance", "--lang", "zh", "--member", "v1");
    ok(r);
    assertEquals(List.of("截至 2026-03-10 的余额", "账户       积分  时长", "---------  ----  ----", "member:v1     0  0:00"), r.outLines());
    Run json = books.run("--lang", "zh", "balance", "--format", "json", "--member", "v1");
    assertTrue(json.out.contains("\"account\":\"member:v1\""), "JSON keys never change with --lang");
    Run refused = books.run("--lang", "zh", "balance", "--member", "v9");
    assertTrue(refused.err.contains("已拒绝") && refused.err.contains("unknown-member"), refused::toString);
    assertTrue(refused.err.contains("成员 v9 尚未登记"), "the detail is told in Chinese too: " + refused);
    Run jsonRefused = books.run("--lang", "zh", "--format", "json", "balance", "--member", "v9");
    assertEquals("{\"refused\":\"unknown-member\",\"detail\":\"成员 v9 尚未登记\"}", jsonRefused.out.strip());
    Run english = books.run("--lang", "en", "balance", "--member", "v9");
    assertTrue(english.err.contains("member v9 is not enrolled"), english::toString);
    Run statement = books.run("--lang", "zh", "statement", "--member", "v1");
    assertTrue(statement.out.contains("登记加入，加入日期"), "explanations are told in Chinese: " + statement);
  }

  @Test
  void langDefaultsToChineseOnAChineseSystem() throws IOException {
    books.withMembers(tmp);
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.SIMPLIFIED_CHINESE);
      Run zh = books.run("balance");
      assertTrue(zh.out.startsWith("截至 2026-03-10 的余额"), zh::toString);
      Run en = books.run("balance", "--lang", "en");
      assertTrue(en.out.startsWith("Balances as of 2026-03-10"), en::toString);
    } finally {
      java.util.Locale.setDefault(before);
    }
    Run tr = books.run("balance");
    assertTrue(tr.out.startsWith("Balances as of"), "a Turkish system gets English: " + tr);
  }

  @Test
  void aDirectoryGivenAsAFileIsNamedAndEveryCommandHasAVersion() throws IOException {
    books.withMembers(tmp);
    Run dir = books.run("rules", "publish", tmp.toString());
    assertEquals(3, dir.exit, dir::toString);
    assertTrue(dir.err.contains(tmp.toString()) && !dir.err.contains("IOException"), dir::toString);
    Run version = books.run("balance", "--version");
    assertEquals(0, version.exit, version::toString);
    assertTrue(version.out.startsWith("huzhu "), version::toString);
  }

  @Test
  void statementInEachFormat() throws IOException {
    books.withMembers(tmp);
    ok(books.run("adjust", "--member", "v1", "--points", "120", "--reason", "-backfill", "--approved-by", "o", "--id", "A-1", "--at", "2026-02-01"));
    ok(books.run("adjust", "--member", "v1", "--points", "-20", "--reason", "fix", "--approved-by", "o", "--id", "A-2", "--at", "2026-03-01"));
    Run json = books.run("statement", "--member", "v1", "--from", "2026-03-01", "--format", "json");
    ok(json);
    assertTrue(json.out.startsWith("{\"member\":\"v1\",\"from\":\"2026-03-01\",\"to\":null,\"opening\":{\"points\":120,\"minutes\":0},\"lines\":[{\"id\":\"A-2\""), json::toString);
    assertTrue(json.out.contains("\"closing\":{\"points\":100,\"minutes\":0}"), json::toString);
    Run table = books.run("statement", "--member", "v1");
    ok(table);
    assertTrue(table.out.contains("A-1") && table.out.contains("A-2") && table.out.contains("100"), table::toString);
    Run csv = books.run("statement", "--member", "v1", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv");
    ok(csv);
    assertEquals(
        List.of(
            "date,id,kind,points,minutes,explanation",
            "2026-03-01,,opening,120,0,",
            "2026-03-01,A-2,adjustment,-20,0,adjustment -20 points: fix (approved by o)",
            "2026-03-10,sys:member:v1,enrolment,0,0,\"enrolled, joined 2026-01-01, team 红队\"",
            "2026-03-31,,closing,100,0,"),
        csv.outLines());
    List<String> whole = books.run("statement", "--member", "v1", "--format", "csv").outLines();
    assertEquals(",,opening,0,0,", whole.get(1), whole::toString);
    assertEquals(",,closing,100,0,", whole.get(whole.size() - 1), whole::toString);
    Run unknown = books.run("statement", "--member", "v9");
    assertEquals(3, unknown.exit, unknown::toString);
  }

  // ------------------------------------------------------------------ reverse

  @Test
  void reverseAndRepeat() throws IOException {
    books.withMembers(tmp);
    ok(books.run("adjust", "--member", "v1", "--points", "30", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--at", "2026-03-01"));
    Run r = books.run("reverse", "--entry", "A-1", "--reason", "entered twice", "--format", "json");
    ok(r);
    assertTrue(r.out.startsWith("{\"entry\":{\"id\":\"reversal:A-1\",\"seq\":5,\"kind\":\"reversal\",\"date\":\"2026-03-10\""), r::toString);
    Run again = books.run("reverse", "--entry", "A-1", "--reason", "entered twice", "--format", "json");
    ok(again);
    assertTrue(again.out.contains("\"repeated\":true"), again::toString);
    Run missing = books.run("reverse", "--entry", "nope", "--reason", "r", "--format", "json");
    assertEquals(3, missing.exit, missing::toString);
    assertTrue(missing.out.startsWith("{\"refused\":\"unknown-entry\""), missing::toString);
  }

  // ------------------------------------------------------------------ audit

  @Test
  void auditOfAGoodJournal() throws IOException {
    books.withMembers(tmp);
    Run r = books.run("audit", "--format", "json");
    ok(r);
    assertTrue(r.out.matches("\\{\"ok\":true,\"entries\":3,\"seq\":3,\"head\":\"[0-9a-f]{64}\",\"findings\":\\[\\]}\\s*"), r::toString);
    Run table = books.run("audit");
    ok(table);
    assertTrue(table.out.startsWith("Audit passed: 3 entries, head 3:"), table::toString);
  }

  @Test
  void auditOfAJournalWithOneFlippedByteExits1() throws IOException {
    books.withMembers(tmp);
    ok(books.run("adjust", "--member", "v1", "--points", "30", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--at", "2026-03-01"));
    Path segment;
    try (var s = Files.list(books.dir.resolve("segments"))) {
      segment = s.sorted().findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("sys:member:v2") + 11;
    bytes[at] ^= 0x01;
    Files.write(segment, bytes);
    Run r = books.run("audit", "--format", "json");
    assertEquals(1, r.exit, r::toString);
    assertTrue(r.out.startsWith("{\"ok\":false,"), r::toString);
    assertTrue(r.out.contains("\"check\":"), r::toString);
    Run table = books.run("audit");
    assertEquals(1, table.exit, table::toString);
    assertTrue(table.out.contains("Check"), table::toString);
  }

  @Test
  void auditWithAWrongAnchorFindsIt() throws IOException {
    books.withMembers(tmp);
    Run r = books.run("audit", "--expect-head", "2:" + "0".repeat(64), "--format", "json");
    assertEquals(1, r.exit, r::toString);
    assertTrue(r.out.contains("\"check\":\"anchor\""), r::toString);
  }

  // ------------------------------------------------------------------ export

  @Test
  void exportLedgerJsonlAndCsv() throws IOException {
    books.withMembers(tmp);
    ok(books.run("adjust", "--member", "v1", "--points", "120", "--reason", "r", "--approved-by", "o", "--id", "A-1", "--at", "2026-03-01"));
    ok(books.run("adjust", "--member", "v1", "--minutes", "90", "--reason", "r", "--approved-by", "o", "--id", "A-2", "--at", "2026-03-02"));
    Run ledger = books.run("export", "ledger");
    ok(ledger);
    assertTrue(ledger.out.contains("2026-03-01 * (A-1) adjustment"), ledger::toString);
    assertTrue(ledger.out.contains("    member:v1    120 PTS\n"), ledger::toString);
    assertTrue(ledger.out.contains("    member:v1    90 MIN\n"), ledger::toString);
    assertTrue(ledger.out.contains(" (sys:member:v1) enrolment"), ledger::toString);
    assertFalse(ledger.out.startsWith("\uFEFF"));

    Run jsonl = books.run("export", "jsonl");
    ok(jsonl);
    List<String> lines = jsonl.outLines();
    assertEquals(5, lines.size(), jsonl::toString);
    assertTrue(lines.get(3).startsWith("{\"id\":\"A-1\",\"seq\":4,\"kind\":\"adjustment\",\"date\":\"2026-03-01\",\"postings\":["), jsonl::toString);

    Run csv = books.run("export", "csv", "--format", "json");
    ok(csv);
    assertEquals(
        List.of(
            "seq,id,kind,date,account,points,minutes",
            "1,sys:ledger,ledger,1970-01-01,,,",
            "2,sys:member:v1,enrolment,2026-03-10,,,",
            "3,sys:member:v2,enrolment,2026-03-10,,,",
            "4,A-1,adjustment,2026-03-01,community:issued,-120,0",
            "4,A-1,adjustment,2026-03-01,member:v1,120,0",
            "5,A-2,adjustment,2026-03-02,community:issued,0,-90",
            "5,A-2,adjustment,2026-03-02,member:v1,0,90"),
        csv.outLines());
  }

  @Test
  void exportToAFileStartsWithABom() throws IOException {
    books.withMembers(tmp);
    Path file = tmp.resolve("出口.csv");
    Run r = books.run("export", "csv", "--output", file.toString());
    ok(r);
    assertEquals("", r.out);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("\uFEFFseq,id,kind"));
  }

  @Test
  void exportKeepsTheTargetsPermissionsAndFollowsALink() throws IOException {
    books.withMembers(tmp);
    Path file = Files.writeString(tmp.resolve("private.csv"), "old");
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    ok(books.run("export", "csv", "--output", file.toString()));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).startsWith("\uFEFFseq,"));

    Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), tmp.resolve("not-yet.csv"));
    ok(books.run("export", "csv", "--output", link.toString()));
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertTrue(Files.readString(tmp.resolve("not-yet.csv"), StandardCharsets.UTF_8).startsWith("\uFEFFseq,"));

    ok(books.run("export", "csv", "--output", "/dev/null"));
    assertFalse(Files.isRegularFile(Path.of("/dev/null")), "a device is written through, never replaced");

    Path loop = Files.createSymbolicLink(tmp.resolve("loop.csv"), tmp.resolve("loop.csv"));
    Run looped = books.run("export", "csv", "--output", loop.toString());
    assertEquals(3, looped.exit, looped::toString);
    assertTrue(looped.err.contains("too many levels of symbolic links"), looped::toString);
  }

  @Test
  void exportToAnUnwritablePlaceExits3AndLeavesNothing() throws IOException {
    books.withMembers(tmp);
    Path file = tmp.resolve("no-such-dir").resolve("out.csv");
    Run r = books.run("export", "csv", "--output", file.toString());
    assertEquals(3, r.exit, r::toString);
    oneLineError(r);
    assertTrue(r.err.contains("no-such-dir"), r::toString);
    assertFalse(Files.exists(file.getParent()));

    Run dir = books.run("export", "csv", "--output", tmp.toString());
    assertEquals(2, dir.exit, dir::toString);
    oneLineError(dir);
    assertTrue(dir.err.contains("is a directory"), dir::toString);
  }

  // ------------------------------------------------------------------ help and version

  @Test
  void helpOnEveryCommandHasAnExample() {
    List<String[]> cases =
        List.of(
            new String[] {"--help"},
            new String[] {"init", "--help"},
            new String[] {"members", "--help"},
            new String[] {"members", "import", "--help"},
            new String[] {"balance", "--help"},
            new String[] {"statement", "--help"},
            new String[] {"adjust", "--help"},
            new String[] {"reverse", "--help"},
            new String[] {"audit", "--help"},
            new String[] {"export", "--help"});
    for (String[] args : cases) {
      Run r = books.run(args);
      ok(r);
      assertTrue(r.out.contains("Example:"), () -> String.join(" ", args) + "\n" + r);
      assertTrue(r.out.contains("--journal"), () -> "global options listed: " + String.join(" ", args) + "\n" + r);
    }
    Run zh = books.run("adjust", "--help", "--lang", "zh");
    ok(zh);
    assertTrue(zh.out.contains("示例：") && zh.out.contains("人工更正或补录") && zh.out.contains("批准人"), zh::toString);
    Run v = books.run("--version");
    ok(v);
    assertTrue(v.out.startsWith("huzhu "), v::toString);
  }
}

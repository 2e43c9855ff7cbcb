package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

class SigninImportProperties {
  static final String[] MEMBERS = {"v1", "v2", "v3"};
  static final String[] ACTIVITIES = {"elderly-care", "cleanup", "flood-patrol", "report-issue", "escort", "dancing"};
  static final String[] VERIFIERS = {"g1", "g2", "", "v1"};

  record Row(int member, int activity, int day, int startQuarter, int minutes, int verifier) {
    String csv(String id) {
      LocalDateTime in = LocalDateTime.of(2026, 7, 1, 6, 0).plusDays(day).plusMinutes(startQuarter * 15L);
      String out = ACTIVITIES[activity].equals("report-issue") && minutes % 2 == 0 ? "" : in.plusMinutes(minutes).toString();
      return String.join(",", id, MEMBERS[member], ACTIVITIES[activity], in.toString(), out, VERIFIERS[verifier], "", "", "");
    }
  }

  private Path tmp;
  private final MutableClock clock = new MutableClock(LocalDateTime.of(2026, 11, 23, 18, 0));

  @BeforeTry
  void makeDir() throws IOException {
    tmp = Files.createTempDirectory("huzhu-import");
  }

  @AfterTry
  void removeDir() throws IOException {
    try (var files = Files.walk(tmp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<List<Row>> sheets() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.integers().between(0, MEMBERS.length - 1),
                Arbitraries.integers().between(0, ACTIVITIES.length - 1),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(-5, 400),
                Arbitraries.frequency(net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(8, 1), net.jqwik.api.Tuple.of(1, 2), net.jqwik.api.Tuple.of(1, 3)))
            .as(Row::new);
    return row.list().ofMinSize(1).ofMaxSize(60);
  }

  Ledger ledger() {
    Ledger l = Ledger.inMemory(MutableClock.SHANGHAI, clock);
    List<MemberRecord> members = new ArrayList<>();
    for (String m : MEMBERS) {
      members.add(new MemberRecord(m, LocalDate.of(2026, 1, 1), null, null));
    }
    l.enrol(members);
    l.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
    return l;
  }

  Path write(String name, List<String> lines) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, SigninImportTest.HEADER + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return f;
  }

  static List<String> lines(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      out.add(rows.get(i).csv("S" + i));
    }
    return out;
  }

  static ImportOptions named(String id) {
    return new ImportOptions(StandardCharsets.UTF_8, id, false, false, null);
  }

  @Property(tries = 50)
  void importingASheetAgainChangesNothing(@ForAll("sheets") List<Row> rows) throws IOException {
    try (Ledger l = ledger()) {
      Path f = write("s.csv", lines(rows));
      ImportSummary first = l.importSignins(f, ImportOptions.defaults());
      byte[] before = l.stateSnapshot();
      String head = l.head();
      ImportSummary again = l.importSignins(f, ImportOptions.defaults());
      assertEquals(0, again.credited());
      assertEquals(first.credited(), again.duplicates());
      assertEquals(head, l.head());
      assertArrayEquals(before, l.stateSnapshot());
      AuditReport audit = l.verify(null);
      assertTrue(audit.ok(), audit::toString);
    }
  }

  @Property(tries = 50)
  void anyOrderOfTheSameRowsGivesTheSameLedger(@ForAll("sheets") List<Row> rows, @ForAll long seed)
      throws IOException {
    List<String> lines = lines(rows);
    List<String> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(seed));
    try (Ledger a = ledger();
        Ledger b = ledger()) {
      ImportSummary sa = a.importSignins(write("a.csv", lines), named("sheet"));
      ImportSummary sb = b.importSignins(write("b.csv", shuffled), named("sheet"));
      assertEquals(sa.credited(), sb.credited());
      assertEquals(sa.byReason(), sb.byReason());
      assertArrayEquals(a.stateSnapshot(), b.stateSnapshot());
      assertEquals(a.head(), b.head());
    }
  }

  @Property(tries = 50)
  void splittingASheetByMemberGivesTheSameBalances(@ForAll("sheets") List<Row> rows) throws IOException {
    List<String> lines = lines(rows);
    try (Ledger whole = ledger();
        Ledger split = ledger()) {
      whole.importSignins(write("all.csv", lines), ImportOptions.defaults());
      var byMember = lines.stream().collect(Collectors.groupingBy(l -> l.split(",", -1)[1]));
      for (var e : byMember.entrySet()) {
        split.importSignins(write(e.getKey() + ".csv", e.getValue()), ImportOptions.defaults());
      }
      assertEquals(whole.balances(null), split.balances(null));
      assertTrue(split.verify(null).ok());
    }
  }

  @Property(tries = 100)
  void garbageIsRefusedOrRejectedAndNeverHalfCommitted(@ForAll("garbage") byte[] bytes, @ForAll boolean jsonLines)
      throws IOException {
    try (Ledger l = ledger()) {
      Path f = tmp.resolve(jsonLines ? "g.jsonl" : "g.csv");
      Files.write(f, bytes);
      String head = l.head();
      try {
        ImportSummary s = l.importSignins(f, new ImportOptions(StandardCharsets.UTF_8, null, false, true, null));
        if (s.committed()) {
          assertEquals(0, s.rejected(), "all or nothing committed an import with rejected rows");
        } else {
          assertEquals(head, l.head());
        }
      } catch (LedgerRefusal refused) {
        assertEquals(Reason.BAD_FILE, refused.reason());
        assertEquals(head, l.head());
      }
      assertTrue(l.verify(null).ok());
    }
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    Arbitrary<byte[]> truncated =
        sheets()
            .flatMap(
                rows -> {
                  byte[] whole = (SigninImportTest.HEADER + String.join("\n", lines(rows))).getBytes(StandardCharsets.UTF_8);
                  return Arbitraries.integers().between(0, whole.length).map(n -> java.util.Arrays.copyOf(whole, n));
                });
    Arbitrary<byte[]> gb18030 =
        sheets().map(rows -> (SigninImportTest.HEADER + "x,v1,cleanup,2026-07-01T09:00,2026-07-01T10:00,g1,,,帮王奶奶买菜\n" + String.join("\n", lines(rows))).getBytes(java.nio.charset.Charset.forName("GB18030")));
    Arbitrary<byte[]> huge =
        Arbitraries.integers().between(5_000, 50_000).map(n -> (SigninImportTest.HEADER + "x".repeat(n) + ",v1\n").getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(random, truncated, gb18030, huge);
  }
}

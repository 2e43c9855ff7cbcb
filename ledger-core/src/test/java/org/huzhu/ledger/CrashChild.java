package org.huzhu.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The process {@link CrashTest} kills: it imports the sheets named on its command line one after
 * another, and adjusts a balance between them, printing each acknowledged command as soon as the
 * ledger returns.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    Path book = Path.of(args[0]);
    Clock clock = Clock.fixed(LocalDateTime.of(2026, 11, 23, 18, 0).atZone(MutableClock.SHANGHAI).toInstant(), MutableClock.SHANGHAI);
    try (Ledger ledger =
        Ledger.exists(book) ? Ledger.open(book, clock) : Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      List<MemberRecord> members = new ArrayList<>();
      for (int i = 0; i < CrashTest.MEMBERS; i++) {
        members.add(new MemberRecord("v" + i, LocalDate.of(2025, 1, 1), null, null));
      }
      ledger.enrol(members);
      ledger.publishRules(SigninImportTest.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      System.out.println("READY");
      System.out.flush();
      for (int i = 1; i < args.length; i++) {
        Path sheet = Path.of(args[i]);
        String id = sheet.getFileName().toString().replace(".csv", "");
        ImportSummary s = ledger.importSignins(sheet, new ImportOptions(StandardCharsets.UTF_8, id, false, false, null));
        System.out.println("ACK " + id + " " + s.credited());
        System.out.flush();
        Receipt r = ledger.adjust(new AdjustRequest("adj-" + id, "v0", 1, 0, "round bonus", "admin", null));
        System.out.println("ACK " + r.entry().id() + " 1");
        System.out.flush();
      }
      Files.writeString(book.resolve("child-done"), "done");
    }
  }
}

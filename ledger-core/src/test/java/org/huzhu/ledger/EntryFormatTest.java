package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden bytes of every kind of entry. An entry's JSON is hashed into the chain, so a change to it
 * is a change of the journal format, never a side effect of tidying the codec.
 */
class EntryFormatTest {
  @TempDir Path dir;

  @Test
  void everyKindOfEntryKeepsItsBytes() throws IOException {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));
    String journal;
    String explanations;
    try (Ledger l = Ledger.inMemory(MutableClock.SHANGHAI, clock)) {
      l.enrol(
          List.of(
              new MemberRecord("v1", LocalDate.of(2025, 1, 1), "care", "g1"),
              new MemberRecord("v2", LocalDate.of(2025, 1, 1), null, null)));
      l.publishRules(
          SigninImportTest.RULES.replace("2026-01-01", "2025-01-01").getBytes(StandardCharsets.UTF_8), "rules.json");
      l.publishCatalog(ExchangeTest.CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
      Path sheet = dir.resolve("signins.csv");
      Files.writeString(
          sheet,
          SigninImportTest.HEADER
              + "S1,v1,elderly-care,2025-03-08 09:00,2025-03-08 11:10,g1,,,\n"
              + "S2,v2,report-issue,2026-03-01T08:00+08:00,,g1,t9,g9,\n"
              + "S3,v1,flood-patrol,2025-03-09T01:00Z,2025-03-09T02:00Z,g2,,,\n",
          StandardCharsets.UTF_8);
      l.importSignins(sheet, ImportOptions.defaults());
      l.adjust(new AdjustRequest("A-1", "v2", 60, 0, "paper sheet", "admin", LocalDateTime.of(2026, 3, 2, 9, 0)));
      l.adjust(new AdjustRequest("A-2", "v1", 0, 45, "backfill", "admin", null));
      l.redeem(new RedeemRequest("R-1", "v2", "haircut", 1, null));
      l.transfer(new TransferRequest("T-1", "v1", "pool", 30, "donation", null));
      l.transfer(new TransferRequest("T-2", "v1", "v2", 15, null, LocalDateTime.of(2026, 3, 10, 8, 0)));
      l.settle(new SettleRequest("P-1", "m-barber", 19, null));
      l.settle(new SettleRequest("P-2", "m-barber", 1, LocalDateTime.of(2026, 3, 10, 9, 30)));
      l.reverse(new ReverseRequest("T-1", "wrong member", null, null));
      l.redeem(new RedeemRequest("R-2", "v2", "haircut", 1, null));
      l.reverse(new ReverseRequest("R-2", "not given", "U-1", LocalDateTime.of(2026, 3, 10, 12, 0)));
      l.expire(LocalDate.of(2026, 3, 10));
      journal = l.entries(1).map(e -> new String(EntryCodec.toJson(e), StandardCharsets.UTF_8) + "\n").collect(Collectors.joining());
      explanations = l.entries(1).map(e -> e.id() + "\t" + e.explanation() + "\n").collect(Collectors.joining());
    }
    try (InputStream in = getClass().getResourceAsStream("golden-explanations.txt")) {
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), explanations, "what a statement tells a volunteer");
    }
    try (InputStream in = getClass().getResourceAsStream("golden-entries.jsonl")) {
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), journal);
    }
  }
}

package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  @TempDir Path dir;

  @Test
  void eightThreadsRedeemingAndTransferringNeverCrossAFloorOrLoseAnEntry() throws Exception {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));
    Path book = dir.resolve("book");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean floorCrossed = new AtomicBoolean();
    byte[] live;
    try (Ledger ledger = Ledger.create(book, MutableClock.SHANGHAI, clock)) {
      ledger.enrol(
          List.of(
              new MemberRecord("v1", LocalDate.of(2025, 1, 1), null, null),
              new MemberRecord("v2", LocalDate.of(2025, 1, 1), null, null),
              new MemberRecord("v3", LocalDate.of(2025, 1, 1), null, null)));
      ledger.publishRules(ModelProperties.RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      ledger.publishCatalog(ExchangeTest.CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");
      for (String m : List.of("v1", "v2", "v3")) {
        ledger.adjust(new AdjustRequest("seed-" + m, m, 300, 0, "opening", "admin", null));
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  Random random = new Random(thread);
                  String[] parties = {"v1", "v2", "v3", "pool"};
                  for (int i = 0; i < 150; i++) {
                    String id = "T" + thread + "-" + i;
                    try {
                      Receipt r =
                          switch (random.nextInt(3)) {
                            case 0 -> ledger.redeem(new RedeemRequest(id, parties[random.nextInt(3)], random.nextBoolean() ? "rice" : "haircut", 1, null));
                            case 1 -> ledger.transfer(new TransferRequest(id, parties[random.nextInt(4)], parties[random.nextInt(4)], 1 + random.nextInt(40), null, null));
                            default -> ledger.adjust(new AdjustRequest(id, parties[random.nextInt(3)], -1 - random.nextInt(30), 0, "spend", "admin", null));
                          };
                      acknowledged.add(r.entry().id());
                    } catch (LedgerRefusal expected) {
                      // contention makes refusals likely; they must leave no trace
                    }
                    for (String m : List.of("v1", "v2", "v3")) {
                      Balance b = ledger.balance(Account.member(m));
                      if (b.points() < 0 || b.minutes() < -LedgerModel.CREDIT_LIMIT) {
                        floorCrossed.set(true);
                      }
                    }
                    if (ledger.balance(Account.POOL).minutes() < 0) {
                      floorCrossed.set(true);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();
      live = ledger.stateSnapshot();
      assertTrue(ledger.verify(null).ok());
    }
    assertTrue(acknowledged.size() > 100, "too few commands went through: " + acknowledged.size());
    assertTrue(!floorCrossed.get(), "a reader saw a floor crossed");
    try (Ledger reopened = Ledger.openReadOnly(book, clock)) {
      assertArrayEquals(live, reopened.stateSnapshot());
      Set<String> journaled = ConcurrentHashMap.newKeySet();
      reopened.entries(1).forEach(e -> journaled.add(e.id()));
      assertTrue(journaled.containsAll(acknowledged));
      assertEquals(0, Ledger.audit(book, null).findings().size());
    }
  }
}

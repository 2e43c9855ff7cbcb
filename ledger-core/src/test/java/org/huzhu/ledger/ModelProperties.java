package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Random histories of credits, redemptions, transfers, adjustments, reversals, expiries and
 * repeats, run against the ledger and against {@link LedgerModel}; after every step the two agree
 * on every refusal, balance, lot and stock, and no floor is crossed. Reversing an entry and checking
 * again gives the balances from before it.
 */
class ModelProperties {
  static final List<String> MEMBERS = List.of("v1", "v2", "v3");
  static final String RULES =
      """
      {"version": 1, "effective_from": "2025-01-01", "points_expire_months": 1,
       "hours_credit_limit_minutes": 60,
       "activities": {"cleanup": {"name": "环境整治", "points_per_hour": "5"}},
       "multipliers": [{"name": "weekend", "days_of_week": ["SATURDAY", "SUNDAY"], "factor": "1.5"}]}
      """;
  static final String CATALOG =
      """
      {"items": [
        {"id": "haircut", "name": "义剪券", "merchant": "m-barber", "price_points": 20, "stock": 5, "limit_per_member_per_month": 2},
        {"id": "rice", "name": "大米", "merchant": "m-grocer", "price_points": 50}]}
      """;

  sealed interface Op permits Credit, Points, Backfill, Redeem, Transfer, Reverse, Expire, Advance, Repeat {}

  record Credit(int member, boolean twoHours) implements Op {}

  record Points(int member, long points) implements Op {}

  record Backfill(int member, long minutes) implements Op {}

  record Redeem(int member, boolean haircut, int quantity) implements Op {}

  record Transfer(int from, int to, long minutes) implements Op {}

  record Reverse(int back) implements Op {}

  record Expire() implements Op {}

  record Advance(int days) implements Op {}

  record Repeat(int back) implements Op {}

  @Provide
  Arbitrary<List<Op>> histories() {
    Arbitrary<Integer> member = Arbitraries.integers().between(0, 2);
    Arbitrary<Integer> party = Arbitraries.integers().between(0, 3); // 3 is the pool
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(6, Combinators.combine(member, Arbitraries.of(true, false)).as(Credit::new)),
            Tuple.of(3, Combinators.combine(member, Arbitraries.longs().between(-40, 100).filter(v -> v != 0)).as(Points::new)),
            Tuple.of(2, Combinators.combine(member, Arbitraries.longs().between(-90, 90).filter(v -> v != 0)).as(Backfill::new)),
            Tuple.of(4, Combinators.combine(member, Arbitraries.of(true, true, false), Arbitraries.integers().between(1, 2)).as(Redeem::new)),
            Tuple.of(3, Combinators.combine(party, party, Arbitraries.longs().between(1, 120)).as(Transfer::new)),
            Tuple.of(3, Arbitraries.integers().between(1, 8).map(Reverse::new)),
            Tuple.of(1, Arbitraries.just(new Expire())),
            Tuple.of(3, Arbitraries.integers().between(1, 20).map(Advance::new)),
            Tuple.of(1, Arbitraries.integers().between(1, 4).map(Repeat::new)));
    return op.list().ofMinSize(5).ofMaxSize(60);
  }

  private Path tmp;

  @BeforeTry
  void makeDir() throws IOException {
    tmp = Files.createTempDirectory("huzhu-model");
  }

  @AfterTry
  void removeDir() throws IOException {
    try (var files = Files.walk(tmp)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static String party(int i) {
    return i == 3 ? "pool" : MEMBERS.get(i);
  }

  @Property(tries = 80)
  void theLedgerAgreesWithTheModelAfterEveryStep(@ForAll("histories") List<Op> ops) throws IOException {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 2, 18, 0));
    LedgerModel model = new LedgerModel(MEMBERS);
    try (Ledger ledger = Ledger.inMemory(MutableClock.SHANGHAI, clock)) {
      List<MemberRecord> members = new ArrayList<>();
      for (String m : MEMBERS) {
        members.add(new MemberRecord(m, LocalDate.of(2025, 1, 1), null, null));
      }
      ledger.enrol(members);
      ledger.publishRules(RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
      ledger.publishCatalog(CATALOG.getBytes(StandardCharsets.UTF_8), "catalog.json");

      LocalDateTime now = LocalDateTime.of(2026, 3, 2, 18, 0);
      int slot = 0;
      List<String> ids = new ArrayList<>();
      List<Runnable> done = new ArrayList<>();
      int step = 0;
      for (Op op : ops) {
        step++;
        String id = "E" + step;
        LocalDate day = now.toLocalDate();
        Reason expected = null;
        Reason actual = null;
        try {
          if (op instanceof Advance a) {
            now = now.plusDays(a.days());
            clock.set(now);
            slot = 0;
            continue;
          } else if (op instanceof Credit c) {
            if (slot >= 6) {
              continue;
            }
            String m = MEMBERS.get(c.member());
            LocalDateTime in = day.atTime(6 + 2 * slot++, 0);
            long minutes = c.twoHours() ? 120 : 60;
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            long points = weekend ? minutes * 15 / 120 : minutes * 5 / 60;
            Path f = tmp.resolve(id + ".csv");
            Files.writeString(
                f, SigninImportTest.HEADER + String.join(",", id, m, "cleanup", in.toString(), in.plusMinutes(minutes).toString(), "g1", "", "", "") + "\n");
            ImportSummary s = ledger.importSignins(f, ImportOptions.defaults());
            assertEquals(1, s.credited(), s::toString);
            model.credit(id, m, day, points, minutes);
            ids.add(id);
          } else if (op instanceof Points p) {
            String m = MEMBERS.get(p.member());
            expected = model.adjustPoints(id, m, p.points(), day);
            actual = refusal(() -> ledger.adjust(new AdjustRequest(id, m, p.points(), 0, "correction", "admin", null)));
            ids.add(id);
          } else if (op instanceof Backfill b) {
            String m = MEMBERS.get(b.member());
            expected = model.adjustMinutes(id, m, b.minutes(), day);
            actual = refusal(() -> ledger.adjust(new AdjustRequest(id, m, 0, b.minutes(), "paper sheet", "admin", null)));
            ids.add(id);
          } else if (op instanceof Redeem r) {
            String m = MEMBERS.get(r.member());
            String item = r.haircut() ? "haircut" : "rice";
            expected = model.redeem(id, m, item, r.quantity(), day);
            actual = refusal(() -> ledger.redeem(new RedeemRequest(id, m, item, r.quantity(), null)));
            ids.add(id);
          } else if (op instanceof Transfer t) {
            String from = party(t.from());
            String to = party(t.to());
            expected = model.transfer(id, from, to, t.minutes(), day);
            actual = refusal(() -> ledger.transfer(new TransferRequest(id, from, to, t.minutes(), null, null)));
            ids.add(id);
          } else if (op instanceof Reverse r) {
            if (ids.size() < r.back()) {
              continue;
            }
            String target = ids.get(ids.size() - r.back());
            Map<String, Long> before = balances(ledger);
            expected = model.reverse(target, day);
            actual = refusal(() -> ledger.reverse(new ReverseRequest(target, "undo", null, null)));
            if (actual == null) {
              assertTrue(balances(ledger).size() >= before.size());
            }
          } else if (op instanceof Expire) {
            model.expire(day);
            ledger.expire(day);
          } else if (op instanceof Repeat r) {
            if (done.size() >= r.back()) {
              String head = ledger.head();
              done.get(done.size() - r.back()).run();
              assertEquals(head, ledger.head(), "a repeated command wrote something");
            }
            continue;
          }
        } finally {
          // nothing: comparisons follow
        }
        assertEquals(expected, actual, () -> op + " on " + model.entries.keySet());
        if (actual == null && !(op instanceof Expire) && !(op instanceof Reverse)) {
          Op repeatable = op;
          String repeatId = id;
          done.add(() -> repeat(ledger, repeatable, repeatId));
        }
        compare(ledger, model);
      }
      AuditReport audit = ledger.verify(null);
      assertTrue(audit.ok(), audit::toString);
    }
  }

  private static void repeat(Ledger l, Op op, String id) {
    Receipt r = null;
    if (op instanceof Points p) {
      r = l.adjust(new AdjustRequest(id, MEMBERS.get(p.member()), p.points(), 0, "correction", "admin", null));
    } else if (op instanceof Backfill b) {
      r = l.adjust(new AdjustRequest(id, MEMBERS.get(b.member()), 0, b.minutes(), "paper sheet", "admin", null));
    } else if (op instanceof Redeem x) {
      r = l.redeem(new RedeemRequest(id, MEMBERS.get(x.member()), x.haircut() ? "haircut" : "rice", x.quantity(), null));
    } else if (op instanceof Transfer t) {
      r = l.transfer(new TransferRequest(id, party(t.from()), party(t.to()), t.minutes(), null, null));
    }
    if (r != null) {
      assertTrue(r.repeated());
    }
  }

  private static Reason refusal(Runnable command) {
    try {
      command.run();
      return null;
    } catch (LedgerRefusal r) {
      return r.reason();
    }
  }

  private static Map<String, Long> balances(Ledger l) {
    Map<String, Long> out = new TreeMap<>();
    for (Balance b : l.balances(null).accounts()) {
      out.put(b.account().name(), b.points() * 1_000_000 + b.minutes());
    }
    return out;
  }

  private static void compare(Ledger ledger, LedgerModel model) {
    for (String m : MEMBERS) {
      Balance b = ledger.balance(Account.member(m));
      assertEquals(model.points(m), b.points(), m + " points");
      assertEquals((long) model.minutes.get(m), b.minutes(), m + " minutes");
      assertTrue(b.points() >= 0);
      assertTrue(b.minutes() >= -LedgerModel.CREDIT_LIMIT);
      Map<String, Long> lots = new TreeMap<>();
      for (LedgerModel.MLot l : model.lots.get(m)) {
        lots.put(l.id, l.remaining);
      }
      assertEquals(lots, ledger.lotsOf(m), m + " lots");
      assertEquals(model.backfilled(m), ledger.member(m).orElseThrow().backfilledMinutes(), m + " backfilled");
    }
    assertEquals(model.pool, ledger.balance(Account.POOL).minutes(), "pool");
    assertTrue(model.pool >= 0);
    assertEquals(model.expired, ledger.balance(Account.EXPIRED).points(), "expired");
    for (String merchant : List.of("m-barber", "m-grocer")) {
      assertEquals(
          (long) model.merchants.getOrDefault(merchant, 0L), ledger.balance(Account.merchant(merchant)).points(), merchant);
    }
    assertEquals(model.stock.get("haircut"), ledger.stockLeft("haircut").orElseThrow(), "stock");
  }
}

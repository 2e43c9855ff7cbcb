package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Stock counts from the catalog version that set it (the item's stock at its merchant), whatever
 * else later versions change, and
 * reversals give back only what was taken from that stock: checked against a model that counts
 * from scratch (the stock less the quantity of unreversed redemptions made since it was set).
 */
class CatalogStockProperties {
  sealed interface Step permits Publish, Redeem, Reverse {}

  /** A catalog version: the haircut's stock (null: unlimited, or absent from the catalog). */
  record Publish(Long stock, boolean listed, String name, String merchant, boolean rice) implements Step {}

  record Redeem(int member, long quantity) implements Step {}

  /** Reverses the redemption with this index, modulo those made so far. */
  record Reverse(int which) implements Step {}

  /** A redemption as the model keeps it. */
  private static final class Sale {
    final String id;
    final long quantity;
    final int epoch;
    boolean reversed;

    Sale(String id, long quantity, int epoch) {
      this.id = id;
      this.quantity = quantity;
      this.epoch = epoch;
    }
  }

  @Property(tries = 150)
  void stockLeftIsTheStockLessWhatWasTakenSinceItWasSet(@ForAll("histories") List<Step> steps) {
    MutableClock clock = new MutableClock(LocalDateTime.of(2026, 3, 10, 18, 0));
    try (Ledger ledger = Ledger.inMemory(MutableClock.SHANGHAI, clock)) {
      ledger.enrol(
          List.of(
              new MemberRecord("v1", LocalDate.of(2025, 1, 1), null, null),
              new MemberRecord("v2", LocalDate.of(2025, 1, 1), null, null)));
      ledger.publishRules(
          SigninImportTest.RULES.replace("2026-01-01", "2025-01-01").getBytes(StandardCharsets.UTF_8), "rules.json");
      ledger.adjust(new AdjustRequest("g1", "v1", 1_000_000, 0, "bonus", "admin", null));
      ledger.adjust(new AdjustRequest("g2", "v2", 1_000_000, 0, "bonus", "admin", null));

      // the model: the haircut as last published, and every sale with the stock epoch it was made in
      boolean listed = false;
      Long stock = null;
      String merchant = null;
      int epoch = 0;
      List<Sale> sales = new ArrayList<>();
      int n = 0;
      for (Step step : steps) {
        n++;
        if (step instanceof Publish p) {
          String json = catalog(p);
          boolean changesStock =
              !p.listed() || !listed || !java.util.Objects.equals(stock, p.stock()) || !p.merchant().equals(merchant);
          boolean written = ledger.publishCatalog(json.getBytes(StandardCharsets.UTF_8), "catalog.json").published();
          if (written && changesStock) {
            epoch++;
          }
          listed = p.listed();
          stock = p.listed() ? p.stock() : null;
          merchant = p.listed() ? p.merchant() : null;
        } else if (step instanceof Redeem r) {
          String id = "R" + n;
          long left = left(stock, epoch, sales);
          try {
            ledger.redeem(new RedeemRequest(id, "v" + r.member(), "haircut", r.quantity(), null));
            assertTrue(listed && (stock == null || r.quantity() <= left), "sold " + r + " with " + left + " left");
            sales.add(new Sale(id, r.quantity(), epoch));
          } catch (LedgerRefusal refused) {
            Reason expected = !listed ? Reason.UNKNOWN_ITEM : Reason.OUT_OF_STOCK;
            assertEquals(expected, refused.reason(), refused.getMessage());
            assertTrue(!listed || (stock != null && r.quantity() > left));
          }
        } else if (step instanceof Reverse v && !sales.isEmpty()) {
          Sale s = sales.get(Math.floorMod(v.which(), sales.size()));
          if (!s.reversed) {
            ledger.reverse(new ReverseRequest(s.id, "returned", null, null));
            s.reversed = true;
          }
        }
        OptionalLong actual = ledger.stockLeft("haircut");
        if (listed && stock != null) {
          long expected = left(stock, epoch, sales);
          assertEquals(expected, actual.orElseThrow(), "after " + step);
          assertTrue(expected >= 0 && expected <= stock);
        } else {
          assertTrue(actual.isEmpty(), "after " + step);
        }
      }
      assertTrue(ledger.verify(null).ok());
    }
  }

  private static long left(Long stock, int epoch, List<Sale> sales) {
    if (stock == null) {
      return Long.MAX_VALUE;
    }
    long taken = 0;
    for (Sale s : sales) {
      if (s.epoch == epoch && !s.reversed) {
        taken += s.quantity;
      }
    }
    return stock - taken;
  }

  private static String catalog(Publish p) {
    List<String> items = new ArrayList<>();
    if (p.listed()) {
      items.add(
          "{\"id\":\"haircut\",\"name\":\"" + p.name() + "\",\"merchant\":\"" + p.merchant() + "\",\"price_points\":20"
              + (p.stock() == null ? "" : ",\"stock\":" + p.stock()) + "}");
    }
    if (p.rice() || items.isEmpty()) {
      items.add("{\"id\":\"rice\",\"name\":\"大米\",\"merchant\":\"m-grocer\",\"price_points\":50,\"stock\":7}");
    }
    return "{\"items\":[" + String.join(",", items) + "]}";
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> publish =
        Combinators.combine(
                Arbitraries.of(2L, 3L, 5L).injectNull(0.2),
                Arbitraries.of(true, true, true, false),
                Arbitraries.of("义剪券", "理发券"),
                Arbitraries.of("m-barber", "m-barber", "m-salon"),
                Arbitraries.of(true, false))
            .as(Publish::new);
    Arbitrary<Step> redeem =
        Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.longs().between(1, 3)).as(Redeem::new);
    Arbitrary<Step> reverse = Arbitraries.integers().between(0, 20).map(Reverse::new);
    Arbitrary<Step> first =
        Combinators.combine(Arbitraries.of(2L, 3L, 5L), Arbitraries.of(true, false))
            .as((stock, rice) -> new Publish(stock, true, "义剪券", "m-barber", rice));
    Arbitrary<Step> step = Arbitraries.frequencyOf(Tuple.of(2, publish), Tuple.of(5, redeem), Tuple.of(3, reverse));
    return Combinators.combine(first, step.list().ofMinSize(1).ofMaxSize(25))
        .as(
            (head, tail) -> {
              List<Step> all = new ArrayList<>();
              all.add(head);
              all.addAll(tail);
              return all;
            });
  }
}

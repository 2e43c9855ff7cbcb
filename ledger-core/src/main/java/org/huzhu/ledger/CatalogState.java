package org.huzhu.ledger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The catalog in force and the stock left of each item. Immutable: a redemption replaces it, so a
 * transaction that is discarded leaves the committed one untouched.
 *
 * <p>An item's stock counts from the version that set it: the first that gave the item its
 * current {@code stock} at its current merchant (another merchant's shelf is another stock). A version that repeats an item's stock carries the count on (adding an
 * item or fixing a name must not refill every shelf), and only redemptions made since the stock
 * was set give it back when reversed, so the stock left never passes the stock.
 *
 * @param stockSince per item with a stock, the sequence number of the catalog entry it counts from
 */
record CatalogState(
    int version, Map<String, CatalogItem> items, Map<String, Long> stockLeft, Map<String, Long> stockSince) {
  static final CatalogState EMPTY = new CatalogState(0, Map.of(), Map.of(), Map.of());

  /** The catalog {@code items} published as {@code version} by the entry {@code seq}, after {@code previous}. */
  static CatalogState published(int version, List<CatalogItem> items, CatalogState previous, long seq) {
    Map<String, CatalogItem> byId = new LinkedHashMap<>();
    Map<String, Long> stock = new HashMap<>();
    Map<String, Long> since = new HashMap<>();
    for (CatalogItem i : items) {
      byId.put(i.id(), i);
      if (i.stock() == null) {
        continue;
      }
      CatalogItem before = previous.items().get(i.id());
      Long left = previous.stockLeft().get(i.id());
      if (before != null
          && Objects.equals(before.stock(), i.stock())
          && before.merchant().equals(i.merchant())
          && left != null) {
        stock.put(i.id(), left);
        since.put(i.id(), previous.stockSince().get(i.id()));
      } else {
        stock.put(i.id(), i.stock());
        since.put(i.id(), seq);
      }
    }
    return new CatalogState(version, Map.copyOf(byId), Map.copyOf(stock), Map.copyOf(since));
  }

  /** The stock left after {@code delta} more (negative) or fewer (positive) items are out. */
  CatalogState withStockChange(String item, long delta) {
    Long left = stockLeft.get(item);
    if (left == null) {
      return this;
    }
    Map<String, Long> stock = new HashMap<>(stockLeft);
    stock.put(item, left + delta);
    return new CatalogState(version, items, Map.copyOf(stock), stockSince);
  }

  /** Whether reversing the redemption {@code seq} of {@code item} gives its quantity back to the stock left. */
  boolean takesBack(String item, long seq) {
    Long since = stockSince.get(item);
    return items.containsKey(item) && since != null && seq > since;
  }
}

package org.huzhu.ledger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog in force and the stock left of each item. Immutable: a redemption replaces it, so a
 * transaction that is discarded leaves the committed one untouched.
 */
record CatalogState(int version, Map<String, CatalogItem> items, Map<String, Long> stockLeft) {
  static final CatalogState EMPTY = new CatalogState(0, Map.of(), Map.of());

  static CatalogState published(int version, List<CatalogItem> items) {
    Map<String, CatalogItem> byId = new LinkedHashMap<>();
    Map<String, Long> stock = new HashMap<>();
    for (CatalogItem i : items) {
      byId.put(i.id(), i);
      if (i.stock() != null) {
        stock.put(i.id(), i.stock());
      }
    }
    return new CatalogState(version, Map.copyOf(byId), Map.copyOf(stock));
  }

  /** The stock left after {@code delta} more (negative) or fewer (positive) items are out. */
  CatalogState withStockChange(String item, long delta) {
    Long left = stockLeft.get(item);
    if (left == null) {
      return this;
    }
    Map<String, Long> stock = new HashMap<>(stockLeft);
    stock.put(item, left + delta);
    return new CatalogState(version, items, Map.copyOf(stock));
  }
}

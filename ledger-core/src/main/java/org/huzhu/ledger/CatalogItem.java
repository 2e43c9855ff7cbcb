package org.huzhu.ledger;

import java.util.Objects;

/**
 * An item of the catalog: goods or a service a merchant gives for points.
 *
 * @param id the item's id
 * @param name its display name
 * @param merchant the merchant's id
 * @param pricePoints its price, at least 1
 * @param stock how many can be redeemed in all from this catalog version on, or null for unlimited
 * @param limitPerMemberPerMonth how many one member may redeem in a calendar month, or null
 */
public record CatalogItem(
    String id,
    String name,
    String merchant,
    long pricePoints,
    Long stock,
    Long limitPerMemberPerMonth) {

  /** @throws IllegalArgumentException naming the field when a value is out of range */
  public CatalogItem {
    Objects.requireNonNull(name, "name");
    if (!Texts.isPlainId(id)) {
      throw new IllegalArgumentException("item id '" + id + "' must match [A-Za-z0-9._-]{1,64}");
    }
    if (!Texts.isPlainId(merchant)) {
      throw new IllegalArgumentException(
          "item " + id + ": merchant '" + merchant + "' must match [A-Za-z0-9._-]{1,64}");
    }
    if (pricePoints < 1) {
      throw new IllegalArgumentException("item " + id + ": price_points must be ≥ 1, was " + pricePoints);
    }
    if (stock != null && stock < 0) {
      throw new IllegalArgumentException("item " + id + ": stock must be ≥ 0, was " + stock);
    }
    if (limitPerMemberPerMonth != null && limitPerMemberPerMonth < 0) {
      throw new IllegalArgumentException(
          "item " + id + ": limit_per_member_per_month must be ≥ 0, was " + limitPerMemberPerMonth);
    }
  }
}

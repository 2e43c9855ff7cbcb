package org.huzhu.ledger;

import java.time.LocalDateTime;

/**
 * Redeem points for a catalog item.
 *
 * @param id the caller's idempotency id
 * @param member the member's id
 * @param item the catalog item's id
 * @param quantity how many, at least 1
 * @param at when, or null for now
 */
public record RedeemRequest(String id, String member, String item, long quantity, LocalDateTime at) {
  /** @throws IllegalArgumentException naming the argument that is malformed */
  public RedeemRequest {
    Requests.checkId(id);
    Requests.checkMember(member);
    if (!Texts.isPlainId(item)) {
      throw new IllegalArgumentException("item '" + item + "' must match [A-Za-z0-9._-]{1,64}");
    }
  }
}

package org.huzhu.ledger;

import java.time.LocalDateTime;

/**
 * Record that the community paid a merchant for points.
 *
 * @param id the caller's idempotency id
 * @param merchant the merchant's id
 * @param points how many points were paid for, at least 1
 * @param at when, or null for now
 */
public record SettleRequest(String id, String merchant, long points, LocalDateTime at) {
  /** @throws IllegalArgumentException naming the argument that is malformed */
  public SettleRequest {
    Requests.checkId(id);
    if (!Texts.isPlainId(merchant)) {
      throw new IllegalArgumentException("merchant '" + merchant + "' must match [A-Za-z0-9._-]{1,64}");
    }
  }
}

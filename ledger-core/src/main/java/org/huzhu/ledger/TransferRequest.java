package org.huzhu.ledger;

import java.time.LocalDateTime;

/**
 * Move minutes between members, or to or from the community pool.
 *
 * @param id the caller's idempotency id
 * @param from a member's id, or {@code pool}
 * @param to a member's id, or {@code pool}
 * @param minutes how many, at least 1
 * @param memo kept in the journal, at most 200 characters, no personal names; or null
 * @param at when, or null for now
 */
public record TransferRequest(String id, String from, String to, long minutes, String memo, LocalDateTime at) {
  /** @throws IllegalArgumentException naming the argument that is malformed */
  public TransferRequest {
    Requests.checkId(id);
    Requests.checkMember(from);
    Requests.checkMember(to);
    memo = Requests.freeText("memo", memo, false);
  }

  static Account account(String party) {
    return party.equals("pool") ? Account.POOL : Account.member(party);
  }
}

package org.huzhu.ledger;

import java.time.LocalDateTime;

/**
 * A manual correction or backfill: exactly one of {@code points} and {@code minutes} is non-zero.
 *
 * @param id the caller's idempotency id
 * @param member the member's id
 * @param points points to add (negative: to take away, spending lots oldest first)
 * @param minutes minutes to add (backfilled, shown apart from verified service) or take away
 * @param reason why; kept in the journal, at most 200 characters, no personal names
 * @param approvedBy the id of who approved it
 * @param at when it takes effect, or null for now
 */
public record AdjustRequest(
    String id, String member, long points, long minutes, String reason, String approvedBy, LocalDateTime at) {
  /** @throws IllegalArgumentException naming the argument that is malformed */
  public AdjustRequest {
    Requests.checkId(id);
    Requests.checkMember(member);
    reason = Requests.freeText("reason", reason, true);
    if (!Texts.isPlainId(Texts.trim(approvedBy))) {
      throw new IllegalArgumentException("approved-by '" + approvedBy + "' must match [A-Za-z0-9._-]{1,64}");
    }
    approvedBy = Texts.trim(approvedBy);
    if (points != 0 && minutes != 0) {
      throw new IllegalArgumentException("an adjustment changes points or minutes, not both");
    }
  }
}

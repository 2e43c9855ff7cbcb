package org.huzhu.ledger;

import java.time.LocalDateTime;

/**
 * Reverse one entry: post its exact opposite, once.
 *
 * @param entry the id of the entry to reverse
 * @param reason why; kept in the journal, at most 200 characters
 * @param id the reversal's id, or null for {@code reversal:<entry>}
 * @param at when it takes effect, or null for now
 */
public record ReverseRequest(String entry, String reason, String id, LocalDateTime at) {
  /** @throws IllegalArgumentException naming the argument that is malformed */
  public ReverseRequest {
    entry = Texts.trim(entry);
    if (entry == null || entry.isEmpty() || entry.length() > 200) {
      throw new IllegalArgumentException("entry must name an entry id");
    }
    reason = Requests.freeText("reason", reason, true);
    if (id != null) {
      Requests.checkId(id);
    }
  }

  /** The reversal's id: the one given, or {@code reversal:<entry>}. */
  public String reversalId() {
    return id != null ? id : "reversal:" + entry;
  }
}

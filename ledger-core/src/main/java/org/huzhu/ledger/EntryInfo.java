package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What the state keeps of each journaled entry: enough to recognise a repeat, refuse a conflict and
 * reverse it. Immutable; a change (being reversed) replaces the record.
 *
 * @param seq the entry's sequence number
 * @param kind the entry's kind
 * @param date the entry's effective date
 * @param fingerprint a hash of the command's normalised arguments, without {@code at}
 * @param at the command's {@code at}, or null when it was omitted
 * @param reversedBy the id of the reversal of this entry, or null
 * @param entry the entry itself, or null for a credit (credits are kept compact in {@link #credit})
 * @param credit the compact form of a credit, or null
 */
record EntryInfo(
    long seq,
    String kind,
    LocalDate date,
    long fingerprint,
    LocalDateTime at,
    String reversedBy,
    Entry entry,
    CreditInfo credit) {

  /**
   * A credit, compactly.
   *
   * @param member who served
   * @param points points credited
   * @param minutes minutes credited (spendable and service record)
   * @param hourBased whether the activity is hour-based (counts for overlap)
   * @param importId the import that credited it
   * @param activity the activity key
   * @param team the team it counts for in reports (the sign-in's, else the member's on that day)
   * @param grid the grid it counts for in reports, likewise
   */
  record CreditInfo(
      String member,
      long points,
      long minutes,
      boolean hourBased,
      String importId,
      String activity,
      String team,
      String grid) {}

  EntryInfo reversed(String reversalId) {
    return new EntryInfo(seq, kind, date, fingerprint, at, reversalId, entry, credit);
  }
}

package org.huzhu.ledger;

import java.time.LocalDate;

/**
 * Points from one credit or positive adjustment, spendable before {@code expiresOn}. Mutable only
 * inside the member state that owns it; copied with it.
 */
final class Lot {
  final String id;
  final long seq;
  final LocalDate date;
  final LocalDate expiresOn;
  final long original;
  long remaining;
  boolean expired;
  /** Points that went to {@code community:expired}, told apart from points spent. */
  long expiredPoints;

  Lot(String id, long seq, LocalDate date, LocalDate expiresOn, long original, long remaining) {
    this.id = id;
    this.seq = seq;
    this.date = date;
    this.expiresOn = expiresOn;
    this.original = original;
    this.remaining = remaining;
  }

  Lot copy() {
    Lot l = new Lot(id, seq, date, expiresOn, original, remaining);
    l.expired = expired;
    l.expiredPoints = expiredPoints;
    return l;
  }

  /** Whether the lot may no longer be spent on {@code day}. */
  boolean isDueOn(LocalDate day) {
    return expiresOn != null && !day.isBefore(expiresOn);
  }
}

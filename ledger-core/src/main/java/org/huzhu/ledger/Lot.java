package org.huzhu.ledger;

import java.time.LocalDate;

/**
 * Points from one credit or positive adjustment, spendable before {@code expiresOn}. Changed only
 * through the member state that owns it: a copy of that state shares the lot until it changes it.
 * Named by its entry's seq ({@link LedgerState#idOf} gives the id), so that a million lots do not
 * keep a million id strings alive beside the index that holds the ids.
 */
final class Lot {
  /**
   * The {@link MemberState#version} of the only member state that may change this lot in place. A
   * number rather than the state itself: a reference would keep every earlier copy of the member
   * alive.
   */
  final int version;
  final long seq;
  final LocalDate date;
  final LocalDate expiresOn;
  final long original;
  long remaining;
  boolean expired;
  /** Points that went to {@code community:expired}, told apart from points spent. */
  long expiredPoints;

  Lot(MemberState owner, long seq, LocalDate date, LocalDate expiresOn, long original, long remaining) {
    this.version = owner.version;
    this.seq = seq;
    this.date = date;
    this.expiresOn = expiresOn;
    this.original = original;
    this.remaining = remaining;
  }

  Lot copyFor(MemberState newOwner) {
    Lot l = new Lot(newOwner, seq, date, expiresOn, original, remaining);
    l.expired = expired;
    l.expiredPoints = expiredPoints;
    return l;
  }

  /** Whether the lot may no longer be spent on {@code day}. */
  boolean isDueOn(LocalDate day) {
    return expiresOn != null && !day.isBefore(expiresOn);
  }
}

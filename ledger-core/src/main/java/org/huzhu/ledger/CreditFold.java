package org.huzhu.ledger;

import com.google.common.hash.Hasher;
import java.time.ZonedDateTime;
import org.huzhu.ledger.rules.CreditBreakdown;

/** The part of the fold that concerns sign-in credits. */
final class CreditFold {
  private CreditFold() {}

  static EntryInfo.CreditInfo apply(LedgerState s, Entry e) {
    if (!(e.detail() instanceof EntryDetail.Credit c)) {
      throw new IllegalArgumentException("entry " + e.id() + " of kind " + e.kind() + " has no fold");
    }
    CreditBreakdown b = c.breakdown();
    MemberState m = s.memberForUpdate(c.member());
    long start = nanos(c.checkIn());
    long end = c.checkOut() == null ? start : nanos(c.checkOut());
    m.dayPoints.add(e.date(), b.points());
    if (b.hourBased()) {
      m.intervals.add(start, end, e.seq());
    }
    m.serviceMinutes += b.minutesCredited();
    if (b.points() > 0) {
      Fold.addLot(s, m, e, b.points());
    }
    if (c.importId() != null) {
      s.importCreditsForUpdate(c.importId()).add(e.seq());
    }
    MemberState.Affiliation a = m.affiliationOn(e.date());
    String team = c.team() != null ? c.team() : a == null ? null : a.team();
    String grid = c.grid() != null ? c.grid() : a == null ? null : a.grid();
    return new EntryInfo.CreditInfo(
        m.id, b.points(), b.minutesCredited(), b.hourBased(), c.importId(),
        c.activity(), team, grid);
  }

  static void reverse(LedgerState s, String targetId, EntryInfo target) {
    EntryInfo.CreditInfo c = target.credit();
    MemberState m = s.memberForUpdate(c.member());
    m.dayPoints.add(target.date(), -c.points());
    if (c.hourBased()) {
      m.intervals.removeCredit(target.seq());
    }
    m.serviceMinutes -= c.minutes();
    int lot = m.lots.indexOf(target.seq());
    if (lot >= 0) {
      m.lots.remove(lot);
    }
  }

  /**
   * Rows compare on member, activity, converted check-in and check-out, verifier, team, grid; an
   * event's empty check-out is its check-in.
   */
  static void fingerprint(Hasher h, EntryDetail d) {
    if (d instanceof EntryDetail.Credit c) {
      Fold.put(
          h,
          c.member(),
          c.activity(),
          c.checkIn().toInstant(),
          (c.checkOut() == null ? c.checkIn() : c.checkOut()).toInstant(),
          c.verifiedBy(),
          c.team(),
          c.grid());
    }
  }

  static long nanos(ZonedDateTime t) {
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
  }
}

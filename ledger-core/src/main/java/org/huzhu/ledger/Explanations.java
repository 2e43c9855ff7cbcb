package org.huzhu.ledger;

/** One line that tells a volunteer why an entry is there. */
final class Explanations {
  private Explanations() {}

  static boolean concerns(Entry e, String memberId) {
    EntryDetail d = e.detail();
    if (d instanceof EntryDetail.Enrolment x) {
      return x.member().equals(memberId);
    }
    return CreditExplanations.concerns(d, memberId);
  }

  static String of(Entry e) {
    EntryDetail d = e.detail();
    if (d instanceof EntryDetail.Enrolment x) {
      return "enrolled, joined " + x.joinedOn() + (x.team() == null ? "" : ", team " + x.team())
          + (x.grid() == null ? "" : ", grid " + x.grid());
    } else if (d instanceof EntryDetail.Adjustment x) {
      String amount = x.points() != 0 ? signed(x.points()) + " points" : signed(x.minutes()) + " min backfilled";
      return "adjustment " + amount + ": " + x.reason() + " (approved by " + x.approvedBy() + ")";
    } else if (d instanceof EntryDetail.Reversal x) {
      return "reversal of " + x.target() + ": " + x.reason();
    } else if (d instanceof EntryDetail.Redemption x) {
      return "redeemed " + x.quantity() + " × " + x.item() + " at " + x.merchant() + " (" + x.pricePoints() + " points each)";
    } else if (d instanceof EntryDetail.Transfer x) {
      return "transfer " + Minutes.format(x.minutes()) + " from " + x.from() + " to " + x.to()
          + (x.memo() == null ? "" : ": " + x.memo());
    } else if (d instanceof EntryDetail.Expiry x) {
      return x.points() + " points of " + x.lot() + " expired";
    } else if (d instanceof EntryDetail.Settlement x) {
      return "settled " + x.points() + " points with " + x.merchant();
    }
    return CreditExplanations.of(d);
  }

  private static String signed(long v) {
    return v > 0 ? "+" + v : Long.toString(v);
  }
}

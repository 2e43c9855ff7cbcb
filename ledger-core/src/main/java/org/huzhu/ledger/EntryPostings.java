package org.huzhu.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The postings each kind of entry makes of its own data: the commands post them, and the audit
 * holds every entry to them. A journal rewritten with a sound hash chain must still say, entry by
 * entry, what the ledger would have written, so a "transfer" that moves points, or a redemption
 * paying a merchant more than its price, is found even when every entry balances.
 */
final class EntryPostings {
  private EntryPostings() {}

  /**
   * What an entry with detail {@code d} posts, or null when its data is not an entry the ledger
   * writes (a transfer to a merchant, a price that overflows). {@code target} is the reversed
   * entry's postings, for a reversal.
   */
  static List<Posting> of(EntryDetail d, List<Posting> target) {
    if (d instanceof EntryDetail.Credit c) {
      long points = c.breakdown().points();
      long minutes = c.breakdown().minutesCredited();
      return points == 0 && minutes == 0 ? List.of() : issued(Account.member(c.member()), points, minutes);
    }
    if (d instanceof EntryDetail.Adjustment a) {
      return issued(Account.member(a.member()), a.points(), a.minutes());
    }
    if (d instanceof EntryDetail.Redemption r) {
      long price;
      try {
        price = Math.multiplyExact(r.pricePoints(), r.quantity());
      } catch (ArithmeticException overflow) {
        return null;
      }
      return List.of(new Posting(Account.member(r.member()), -price, 0), new Posting(Account.merchant(r.merchant()), price, 0));
    }
    if (d instanceof EntryDetail.Transfer t) {
      if (!holdsHours(t.from()) || !holdsHours(t.to())) {
        return null;
      }
      return List.of(new Posting(t.from(), 0, -t.minutes()), new Posting(t.to(), 0, t.minutes()));
    }
    if (d instanceof EntryDetail.Expiry x) {
      return List.of(new Posting(Account.member(x.member()), -x.points(), 0), new Posting(Account.EXPIRED, x.points(), 0));
    }
    if (d instanceof EntryDetail.Settlement s) {
      return List.of(new Posting(Account.merchant(s.merchant()), -s.points(), 0), new Posting(Account.SETTLED, s.points(), 0));
    }
    if (d instanceof EntryDetail.Reversal) {
      if (target == null) {
        return null;
      }
      try {
        return opposite(target);
      } catch (ArithmeticException overflow) {
        return null;
      }
    }
    // the ledger's creation, enrolments, rules and catalog versions move nothing
    return List.of();
  }

  /** The exact opposite of {@code postings}, as a reversal posts it. */
  static List<Posting> opposite(List<Posting> postings) {
    List<Posting> opposite = new ArrayList<>(postings.size());
    for (Posting p : postings) {
      opposite.add(p.negate());
    }
    return opposite;
  }

  /** The postings of the entry {@code target} stands for, as the state keeps it. */
  static List<Posting> ofTarget(EntryInfo target) {
    if (target.entry() != null) {
      return target.entry().postings();
    }
    EntryInfo.CreditInfo c = target.credit();
    return c.points() == 0 && c.minutes() == 0 ? List.of() : issued(Account.member(c.member()), c.points(), c.minutes());
  }

  /** "a" or "an", for a kind of entry named in a finding. */
  static String article(String kind) {
    return !kind.isEmpty() && "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
  }

  /** {@code postings} for a finding: {@code member:v1 -20 points 0 minutes, merchant:m1 …}. */
  static String describe(List<Posting> postings) {
    if (postings.isEmpty()) {
      return "nothing";
    }
    StringBuilder sb = new StringBuilder();
    for (Posting p : postings) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(p.account()).append(' ').append(p.points()).append(" points ").append(p.minutes()).append(" minutes");
    }
    return sb.toString();
  }

  private static List<Posting> issued(Account member, long points, long minutes) {
    return List.of(new Posting(Account.ISSUED, -points, -minutes), new Posting(member, points, minutes));
  }

  private static boolean holdsHours(Account a) {
    return a.isMember() || a.equals(Account.POOL);
  }
}

package org.huzhu.ledger;

import java.util.List;
import java.util.function.Supplier;
import org.huzhu.ledger.rules.Accrual;
import org.huzhu.ledger.rules.CreditBreakdown;
import org.huzhu.ledger.rules.CreditResult;
import org.huzhu.ledger.rules.RuleVersion;
import org.huzhu.ledger.rules.SigninFacts;

/**
 * The audit's checks of credits: each re-derives, with the same accrual function the import used,
 * to the same points and minutes under the rule version it cites (which must be the one in force
 * when it was journaled), with the day's earlier credits as they stood; and no two unreversed
 * hour-based credits of a member overlap.
 */
final class CreditAudit {
  private static final String MEMBER = "member:";

  interface Finder {
    void find(String entry, String check, String detail);
  }

  private CreditAudit() {}

  static boolean check(LedgerState s, Entry e, Finder f, Supplier<String> where) {
    if (!(e.detail() instanceof EntryDetail.Credit c)) {
      return true;
    }
    CreditBreakdown cited = c.breakdown();
    MemberState m = s.member(c.member());
    if (m == null) {
      f.find(e.id(), "state", "credits " + c.member() + ", who is not enrolled" + where.get());
      return false;
    }
    RuleVersion inForce = s.rulesInForce(e.date());
    if (inForce == null || inForce.version() != cited.ruleVersion()) {
      f.find(e.id(), "rederive", "cites rules version " + cited.ruleVersion() + " but version "
          + (inForce == null ? "none" : inForce.version()) + " was in force on " + e.date() + where.get());
      return true;
    }
    // The import converts every sign-in to the ledger's zone; in another zone a credit could fall
    // on another day, and so under another multiplier or another day's cap.
    java.time.ZonedDateTime elsewhere = !inZone(c.checkIn(), s) ? c.checkIn() : !inZone(c.checkOut(), s) ? c.checkOut() : null;
    if (elsewhere != null) {
      f.find(e.id(), "rederive", "signs in at " + elsewhere + ", not in the ledger's zone " + s.zone + where.get());
      return true;
    }
    long already = Math.max(0, m.dayPoints.on(e.date()));
    CreditResult again = Accrual.credit(new SigninFacts(c.activity(), c.checkIn(), c.checkOut()), inForce, already);
    if (!again.equals(cited)) {
      f.find(e.id(), "rederive", "re-derives to " + describe(again) + ", its breakdown says "
          + cited.points() + " points and " + Minutes.format(cited.minutesCredited()) + where.get());
    } else if (!postsAsDerived(e.postings(), again, c.member())) {
      f.find(e.id(), "rederive", "re-derives to " + describe(again) + ", its postings say " + postings(e.postings()) + where.get());
    } else if (!e.date().equals(c.checkIn().toLocalDate())) {
      f.find(e.id(), "rederive", "is dated " + e.date() + ", its check-in " + c.checkIn().toLocalDate() + where.get());
    }
    if (cited.hourBased() && c.checkOut() != null) {
      MemberState.Interval other =
          m.overlapping(CreditFold.nanos(c.checkIn()), CreditFold.nanos(c.checkOut()), e.seq());
      if (other != null) {
        f.find(e.id(), "overlap", "overlaps credit " + s.idOf(other.creditSeq()) + " of member " + c.member() + where.get());
      }
    }
    return true;
  }

  /**
   * Whether {@code postings} are what {@code again} posts: nothing when it credits nothing, else
   * its points and minutes from {@code community:issued} to the member. Compared in place, without
   * making the accounts: the audit does this for every credit of the journal.
   */
  private static boolean postsAsDerived(List<Posting> postings, CreditResult again, String member) {
    if (!(again instanceof CreditBreakdown b) || (b.points() == 0 && b.minutesCredited() == 0)) {
      return postings.isEmpty();
    }
    if (postings.size() != 2) {
      return false;
    }
    Posting from = postings.get(0);
    Posting to = postings.get(1);
    String name = to.account().name();
    return from.account().equals(Account.ISSUED)
        && from.points() == -b.points()
        && from.minutes() == -b.minutesCredited()
        && name.length() == MEMBER.length() + member.length()
        && name.startsWith(MEMBER)
        && name.endsWith(member)
        && to.points() == b.points()
        && to.minutes() == b.minutesCredited();
  }

  private static boolean inZone(java.time.ZonedDateTime t, LedgerState s) {
    return t == null || s.zone == null || t.getZone().equals(s.zone);
  }

  private static String postings(List<Posting> postings) {
    if (postings.isEmpty()) {
      return "nothing";
    }
    StringBuilder text = new StringBuilder();
    for (Posting p : postings) {
      text.append(text.length() == 0 ? "" : ", ")
          .append(p.account()).append(' ').append(p.points()).append(" points ").append(Minutes.format(p.minutes()));
    }
    return text.toString();
  }

  private static String describe(CreditResult r) {
    return r instanceof CreditBreakdown b
        ? b.points() + " points and " + Minutes.format(b.minutesCredited())
        : "a rejection";
  }
}

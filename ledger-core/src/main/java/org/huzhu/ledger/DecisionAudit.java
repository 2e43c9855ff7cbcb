package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huzhu.ledger.rules.RuleVersion;
import org.huzhu.ledger.rules.RuleVersions;

/**
 * The audit's checks that an entry written by a command is one the command would have written
 * against the state before it: an expiry of a lot that was due, a redemption at the catalog's
 * price that spends lots oldest first, amounts the commands accept, dates that are neither before
 * the member joined nor before what was already posted to them. A journal rewritten with a sound
 * hash chain could otherwise mint points through entries that each balance and post as their data
 * says.
 */
final class DecisionAudit {
  private DecisionAudit() {}

  private static final Set<String> RESERVED_MEMBERS = Set.of("pool", "issued", "expired");

  /** What the ledger would not have written of {@code e}, or null when nothing. */
  static String problem(LedgerState s, Entry e) {
    String structure = structure(s, e);
    return structure != null ? structure : decision(s, e);
  }

  /** The ledger's own entries in their places, with the ids it gives them; users' ids in form. */
  private static String structure(LedgerState s, Entry e) {
    EntryDetail d = e.detail();
    if ((e.seq() == 1) != (d instanceof EntryDetail.LedgerCreated)) {
      return e.seq() == 1 ? "comes first, where the entry creating the ledger belongs" : "creates the ledger again";
    }
    if (d instanceof EntryDetail.LedgerCreated) {
      return e.id().equals("sys:ledger") ? null : "has the id " + e.id() + ", not sys:ledger";
    }
    if (d instanceof EntryDetail.Enrolment x) {
      if (!Texts.isPlainId(x.member()) || RESERVED_MEMBERS.contains(x.member())) {
        return "enrols " + x.member() + ", which is not a member id";
      }
      MemberState m = s.member(x.member());
      String id = "sys:member:" + x.member() + (m == null ? "" : ":" + (m.enrolments + 1));
      if (!e.id().equals(id)) {
        return "has the id " + e.id() + ", not " + id;
      }
      if (m != null && !m.joinedOn.equals(x.joinedOn())) {
        return "says " + x.member() + " joined on " + x.joinedOn() + ", who joined on " + m.joinedOn;
      }
      return null;
    }
    if (d instanceof EntryDetail.RulesPublished x) {
      int last = s.rules.isEmpty() ? 0 : s.rules.get(s.rules.size() - 1).version();
      if (x.version() <= last) {
        return "publishes rules version " + x.version() + " after version " + last;
      }
      String successor = successor(s, x);
      if (successor != null) {
        return successor;
      }
      return e.id().equals("sys:rules:" + x.version()) ? null : "has the id " + e.id() + ", not sys:rules:" + x.version();
    }
    if (d instanceof EntryDetail.CatalogPublished x) {
      String id = "sys:catalog:" + (s.catalogVersions + 1);
      return x.version() == s.catalogVersions + 1 && e.id().equals(id) ? null
          : "is catalog version " + x.version() + " with the id " + e.id() + ", where the next is " + id;
    }
    if (d instanceof EntryDetail.Credit c) {
      if (!Texts.isCallerEntryId(e.id())) {
        return "has the id " + e.id() + ", which no sign-in may have";
      }
      if (!Texts.isPlainId(c.verifiedBy()) || c.verifiedBy().equals(c.member())) {
        return "was verified by " + c.verifiedBy() + ", which the import rejects for member " + c.member();
      }
      MemberState m = s.member(c.member());
      if (m != null && m.joinedOn != null && e.date().isBefore(m.joinedOn)) {
        return "is dated " + e.date() + ", before " + m.id + " joined on " + m.joinedOn;
      }
      return null;
    }
    if (d instanceof EntryDetail.Reversal x) {
      return Texts.isCallerEntryId(e.id()) || e.id().equals("reversal:" + x.target()) ? null
          : "has the id " + e.id() + ", neither a user's nor reversal:" + x.target();
    }
    if (d instanceof EntryDetail.Expiry) {
      return null; // its id is checked with its lot
    }
    return Texts.isCallerEntryId(e.id()) ? null : "has the id " + e.id() + ", which no command gives";
  }

  /** What publishing {@code x} after the versions already in force would have been refused for. */
  private static String successor(LedgerState s, EntryDetail.RulesPublished x) {
    try {
      RuleVersion next = RuleVersions.fromCanonicalJson(x.rulesJson());
      if (next.version() != x.version() || !next.effectiveFrom().equals(x.effectiveFrom())) {
        return "is rules version " + x.version() + " from " + x.effectiveFrom() + " holding version " + next.version()
            + " from " + next.effectiveFrom();
      }
      RuleVersions.checkSuccessor(s.rules.isEmpty() ? null : s.rules.get(s.rules.size() - 1), next, "rules");
      return null;
    } catch (LedgerRefusal refused) {
      return "publishes rules a command refuses: " + refused.detail();
    } catch (RuntimeException unreadable) {
      return null; // found as a record that cannot be read
    }
  }

  /** What the command behind {@code e} would have refused against the state before it. */
  private static String decision(LedgerState s, Entry e) {
    EntryDetail d = e.detail();
    String arguments = arguments(d);
    if (arguments != null) {
      return arguments;
    }
    if (d instanceof EntryDetail.Expiry x) {
      return expiry(s, e, x);
    }
    if (d instanceof EntryDetail.Redemption r) {
      return redemption(s, e, r);
    }
    if (d instanceof EntryDetail.Adjustment a) {
      return adjustment(s, e, a);
    }
    if (d instanceof EntryDetail.Transfer t) {
      if (t.minutes() < 1) {
        return "transfers " + t.minutes() + " minutes, not a positive number";
      }
      if (t.from().equals(t.to())) {
        return "transfers from " + t.from() + " to itself";
      }
      return dates(s, e);
    }
    if (d instanceof EntryDetail.Settlement x) {
      long[] owed = s.account(Account.merchant(x.merchant()));
      long have = owed == null ? 0 : owed[0];
      if (x.points() < 1 || x.points() > have) {
        return "settles " + x.points() + " points with merchant " + x.merchant() + ", who was owed " + have;
      }
      return null;
    }
    if (d instanceof EntryDetail.Reversal x) {
      EntryInfo target = s.entry(x.target());
      if (target == null) {
        return null; // found as a reversal of nothing
      }
      if (e.date().isBefore(target.date())) {
        return "is dated " + e.date() + ", before the entry it reverses (" + target.date() + ")";
      }
      String lots = reversedLots(s, e, x, target);
      return lots != null ? lots : dates(s, e);
    }
    return null;
  }

  /**
   * Amounts above the largest a command takes, and free text a command refuses: over 200
   * characters, or an approver who is not an id (a name has no place in the journal).
   */
  private static String arguments(EntryDetail d) {
    long amount = 0;
    String text = null;
    String approver = null;
    if (d instanceof EntryDetail.Adjustment a) {
      amount = Math.max(Math.abs(a.points()), Math.abs(a.minutes()));
      text = a.reason();
      approver = a.approvedBy();
    } else if (d instanceof EntryDetail.Transfer t) {
      amount = t.minutes();
      text = t.memo();
    } else if (d instanceof EntryDetail.Redemption r) {
      amount = r.quantity();
    } else if (d instanceof EntryDetail.Settlement x) {
      amount = x.points();
    } else if (d instanceof EntryDetail.Reversal x) {
      text = x.reason();
    }
    if (amount > Requests.MAX_AMOUNT || amount == Long.MIN_VALUE) {
      return "names an amount of " + amount + ", above the largest a command takes (" + Requests.MAX_AMOUNT + ")";
    }
    if (text != null) {
      try {
        if (!text.equals(Requests.freeText("its text", text, false))) {
          return "holds text no command keeps as written (untrimmed or empty)";
        }
      } catch (IllegalArgumentException refused) {
        return "holds text no command takes: " + refused.getMessage();
      }
    }
    if (approver != null && !Texts.isPlainId(approver)) {
      return "was approved by '" + approver + "', which is not an id";
    }
    return null;
  }

  private static String expiry(LedgerState s, Entry e, EntryDetail.Expiry x) {
    if (!e.id().equals("expire:" + x.lot())) {
      return "expires lot " + x.lot() + " under the id " + e.id() + ", not expire:" + x.lot();
    }
    MemberState m = s.member(x.member());
    Lot lot = m == null ? null : m.lot(s.seqOf(x.lot()));
    if (lot == null || lot.expired()) {
      return "expires lot " + x.lot() + ", which member " + x.member() + " does not hold unexpired";
    }
    if (x.points() != lot.remaining() || x.points() < 1) {
      return "expires " + x.points() + " points of lot " + x.lot() + ", which holds " + lot.remaining();
    }
    if (lot.expiresOn() == null || !e.date().equals(lot.expiresOn())) {
      return "expires lot " + x.lot() + " on " + e.date() + ", the lot expires on " + lot.expiresOn();
    }
    return null;
  }

  private static String redemption(LedgerState s, Entry e, EntryDetail.Redemption r) {
    CatalogItem item = s.catalog.items().get(r.item());
    if (item == null) {
      return "redeems item " + r.item() + ", which the catalog in force does not list";
    }
    if (!item.merchant().equals(r.merchant()) || item.pricePoints() != r.pricePoints()) {
      return "redeems " + r.item() + " from " + r.merchant() + " at " + r.pricePoints() + " points, the catalog says "
          + item.merchant() + " at " + item.pricePoints();
    }
    if (r.quantity() < 1) {
      return "redeems a quantity of " + r.quantity();
    }
    Long left = s.catalog.stockLeft().get(item.id());
    if (left != null && left < r.quantity()) {
      return "redeems " + r.quantity() + " of " + r.item() + " with " + left + " in stock";
    }
    MemberState m = s.member(r.member());
    if (m == null) {
      return null; // found as a posting to a member who is not enrolled
    }
    if (item.limitPerMemberPerMonth() != null) {
      long had = m.monthlyQuantity.getOrDefault(MemberState.monthKey(e.date(), item.id()), 0L);
      if (had + r.quantity() > item.limitPerMemberPerMonth()) {
        return "redeems " + r.quantity() + " of " + r.item() + " after " + had + " that month, over its limit of "
            + item.limitPerMemberPerMonth();
      }
    }
    long price;
    try {
      price = Math.multiplyExact(r.pricePoints(), r.quantity());
    } catch (ArithmeticException overflow) {
      return null; // found as postings no entry of the ledger holds
    }
    String spent = spent(s, m, price, e.date(), r.spent());
    return spent != null ? spent : dates(s, e);
  }

  private static String adjustment(LedgerState s, Entry e, EntryDetail.Adjustment a) {
    if ((a.points() == 0) == (a.minutes() == 0)) {
      return "adjusts " + a.points() + " points and " + a.minutes() + " minutes: one of them, not both or neither";
    }
    MemberState m = s.member(a.member());
    if (m == null) {
      return null; // found as a posting to a member who is not enrolled
    }
    String spent = a.points() < 0 ? spent(s, m, -a.points(), e.date(), a.spent()) : a.spent().isEmpty() ? null
        : "adds points and names lots it spent";
    return spent != null ? spent : dates(s, e);
  }

  /**
   * A reversal puts spent points back into the very lots they came from, none of them expired by
   * its date, and takes back a lot only while nothing of it was spent or expired.
   */
  private static String reversedLots(LedgerState s, Entry e, EntryDetail.Reversal x, EntryInfo target) {
    EntryDetail td = target.entry() == null ? null : target.entry().detail();
    List<EntryDetail.LotSpend> spent =
        td instanceof EntryDetail.Redemption r ? r.spent()
            : td instanceof EntryDetail.Adjustment a && a.points() < 0 ? a.spent()
            : List.of();
    if (!spent.equals(x.restored())) {
      return "puts back lots " + lots(x.restored()) + ", the entry it reverses spent " + lots(spent);
    }
    String member =
        td instanceof EntryDetail.Redemption r ? r.member()
            : td instanceof EntryDetail.Adjustment a ? a.member()
            : target.credit() != null ? target.credit().member()
            : null;
    MemberState m = member == null ? null : s.member(member);
    if (m == null) {
      return null;
    }
    for (EntryDetail.LotSpend l : spent) {
      Lot lot = m.lot(s.seqOf(l.lot()));
      if (lot == null || lot.expired() || lot.isDueOn(e.date())) {
        return "puts points back into lot " + l.lot() + ", which has expired by " + e.date();
      }
    }
    boolean takesALot =
        td instanceof EntryDetail.Adjustment a ? a.points() > 0 : target.credit() != null && target.credit().points() > 0;
    Lot lot = takesALot ? m.lot(target.seq()) : null;
    if (takesALot && lot == null) {
      return "takes back lot " + x.target() + ", which member " + member + " no longer holds";
    }
    if (lot != null && lot.original() - lot.remaining() - lot.expiredPoints() > 0) {
      return "takes back lot " + x.target() + ", of which " + (lot.original() - lot.remaining() - lot.expiredPoints()) + " points were spent";
    }
    if (lot != null && (lot.expired() || lot.isDueOn(e.date()))) {
      return "takes back lot " + x.target() + ", which has expired by " + e.date();
    }
    return null;
  }

  /** Whether {@code spent} is what spending {@code points} oldest first on {@code day} takes. */
  private static String spent(LedgerState s, MemberState m, long points, LocalDate day, List<EntryDetail.LotSpend> spent) {
    String unexpired = dueUnexpired(s, m, day);
    if (unexpired != null) {
      return unexpired;
    }
    long spendable = m.spendablePoints(day);
    if (spendable < points) {
      // Beyond the balance it is found as a floor crossed; within it, the balance holds points that
      // no lot it may spend from does.
      return m.points < points ? null
          : "spends " + points + " points on " + day + ", when " + m.id + "'s lots not past their expiry held " + spendable;
    }
    List<EntryDetail.LotSpend> expected = Commands.spendOldestFirst(s, m, points, day);
    return expected.equals(spent) ? null : "spends lots " + lots(spent) + ", oldest first they are " + lots(expected);
  }

  /**
   * A lot of {@code m} due on {@code day} that still holds points: a command that spends expires
   * such lots first, in the same batch, so none is left when its entry comes.
   */
  private static String dueUnexpired(LedgerState s, MemberState m, LocalDate day) {
    long d = day.toEpochDay();
    for (int i = 0; i < m.lots.size(); i++) {
      if (!m.lots.expired(i) && m.lots.remaining(i) > 0 && m.lots.isDueOn(i, d)) {
        return "spends points on " + day + " while lot " + s.idOf(m.lots.seq(i)) + ", due on " + m.lots.expiresOn(i)
            + ", still holds " + m.lots.remaining(i) + " points that were not expired first";
      }
    }
    return null;
  }

  private static String lots(List<EntryDetail.LotSpend> spent) {
    List<String> out = new ArrayList<>();
    for (EntryDetail.LotSpend l : spent) {
      out.add(l.lot() + " " + l.points());
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  /** Dates a command refuses: before a member posted to joined, or before what they had posted. */
  private static String dates(LedgerState s, Entry e) {
    for (Posting p : e.postings()) {
      if (!p.account().isMember()) {
        continue;
      }
      MemberState m = s.member(p.account().ownerId());
      if (m == null) {
        continue;
      }
      if (m.joinedOn != null && e.date().isBefore(m.joinedOn)) {
        return "is dated " + e.date() + ", before " + m.id + " joined on " + m.joinedOn;
      }
      if (m.lastPosted != null && e.date().isBefore(m.lastPosted)) {
        return "is dated " + e.date() + ", before " + m.lastPosted + " when " + m.id + " was last posted to";
      }
    }
    return null;
  }
}

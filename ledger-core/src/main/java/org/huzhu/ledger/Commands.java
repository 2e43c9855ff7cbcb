package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How each writing command is decided against the state. Every method here only reads the state
 * until it has decided, then posts; a refusal therefore leaves nothing behind.
 *
 * <p>Refusals come in the contract's order: the id (a repeat or a {@code conflict}), {@code
 * in-future}, {@code unknown-member} / {@code unknown-entry}, {@code before-joined}, {@code
 * back-dated}, then the command's own checks.
 */
final class Commands {
  private Commands() {}

  /** Members enrolled or changed by one members file. */
  record Enrolled(int enrolled, int changed, int unchanged) {}

  static Enrolled enrol(LedgerState tx, List<MemberRecord> members, LocalDate today) {
    List<MemberRecord> distinct = new ArrayList<>();
    java.util.Map<String, MemberRecord> seen = new java.util.HashMap<>();
    for (MemberRecord m : members) {
      MemberRecord prev = seen.putIfAbsent(m.memberId(), m);
      if (prev == null) {
        distinct.add(m);
      } else if (!prev.equals(m)) {
        throw new LedgerRefusal(
            Reason.CONFLICT, "member " + m.memberId() + " is listed twice with different values");
      }
    }
    for (MemberRecord m : distinct) {
      MemberState existing = tx.member(m.memberId());
      if (existing != null && !existing.joinedOn.equals(m.joinedOn())) {
        throw new LedgerRefusal(
            Reason.CONFLICT,
            "member "
                + m.memberId()
                + " joined on "
                + existing.joinedOn
                + ", not "
                + m.joinedOn());
      }
    }
    int enrolled = 0;
    int changed = 0;
    int unchanged = 0;
    for (MemberRecord m : distinct) {
      MemberState existing = tx.member(m.memberId());
      String base = "sys:member:" + m.memberId();
      if (existing == null) {
        Writer.post(
            tx,
            new Entry(0, base, today, List.of(),
                new EntryDetail.Enrolment(m.memberId(), m.joinedOn(), m.team(), m.grid())));
        enrolled++;
      } else if (changes(existing.team(), m.team()) || changes(existing.grid(), m.grid())) {
        // A team or grid left out keeps the current one; a file without those columns changes nothing.
        String team = m.team() != null ? m.team() : existing.team();
        String grid = m.grid() != null ? m.grid() : existing.grid();
        Writer.post(
            tx,
            new Entry(0, base + ":" + (existing.enrolments + 1), today, List.of(),
                new EntryDetail.Enrolment(m.memberId(), m.joinedOn(), team, grid)));
        changed++;
      } else {
        unchanged++;
      }
    }
    return new Enrolled(enrolled, changed, unchanged);
  }

  private static boolean changes(String current, String given) {
    return given != null && !given.equals(current);
  }

  /**
   * The earlier entry this command repeats, or null when the id is new.
   *
   * @throws LedgerRefusal {@code conflict} when the id was used with other arguments
   */
  static Entry repeatOf(LedgerState tx, String id, EntryDetail wanted) {
    EntryInfo info = tx.entry(id);
    if (info == null) {
      return null;
    }
    LocalDateTime at = Fold.at(wanted);
    boolean same =
        info.kind().equals(wanted.kind())
            && info.fingerprint() == Fold.fingerprint(wanted)
            && (at == null || info.at() == null || at.equals(info.at()));
    if (!same || info.entry() == null) {
      throw new LedgerRefusal(
          Reason.CONFLICT, "id " + id + " was already used by " + info.kind() + " entry " + info.seq() + " with other values");
    }
    return info.entry();
  }

  static LocalDate effectiveDate(LocalDateTime at, LocalDateTime now) {
    if (at != null && at.isAfter(now)) {
      throw new LedgerRefusal(Reason.IN_FUTURE, "--at " + at + " is later than now (" + now + ")");
    }
    return (at != null ? at : now).toLocalDate();
  }

  static MemberState knownMember(LedgerState tx, String id) {
    MemberState m = tx.member(id);
    if (m == null) {
      throw new LedgerRefusal(Reason.UNKNOWN_MEMBER, "member " + id + " is not enrolled");
    }
    return m;
  }

  static void notBeforeJoined(MemberState m, LocalDate day) {
    if (day.isBefore(m.joinedOn)) {
      throw new LedgerRefusal(
          Reason.BEFORE_JOINED, "member " + m.id + " joined on " + m.joinedOn + ", after " + day);
    }
  }

  static void notBackDated(MemberState m, LocalDate day) {
    if (m.lastPosted != null && day.isBefore(m.lastPosted)) {
      throw new LedgerRefusal(
          Reason.BACK_DATED,
          "member " + m.id + " already has an entry dated " + m.lastPosted + ", after " + day);
    }
  }

  static void checkAmount(String what, long amount) {
    if (amount == 0) {
      throw new LedgerRefusal(Reason.BAD_AMOUNT, what + " must not be 0");
    }
    if (Math.abs(amount) > Requests.MAX_AMOUNT) {
      throw new LedgerRefusal(Reason.BAD_AMOUNT, what + " " + Requests.shown(amount) + " is above 10^12");
    }
  }

  /** Posts the expiry of every lot of {@code m} due on {@code day} that still holds points. */
  static List<Entry> expireDue(LedgerState tx, String memberId, LocalDate day) {
    List<Entry> out = new ArrayList<>();
    MemberState m = tx.member(memberId);
    List<Lot> due = new ArrayList<>();
    for (Lot l : m.lots) {
      if (!l.expired && l.remaining > 0 && l.isDueOn(day)) {
        due.add(l);
      }
    }
    for (Lot l : due) {
      out.add(Writer.post(tx, expiryEntry(memberId, l)));
    }
    return out;
  }

  static Entry expiryEntry(String memberId, Lot l) {
    return new Entry(
        0,
        "expire:" + l.id,
        l.expiresOn,
        List.of(
            new Posting(Account.member(memberId), -l.remaining, 0),
            new Posting(Account.EXPIRED, l.remaining, 0)),
        new EntryDetail.Expiry(memberId, l.id, l.remaining));
  }

  /** Lots to spend {@code points} from, oldest first, among those spendable on {@code day}. */
  static List<EntryDetail.LotSpend> spendOldestFirst(MemberState m, long points, LocalDate day) {
    List<EntryDetail.LotSpend> out = new ArrayList<>();
    long left = points;
    for (Lot l : m.lots) {
      if (left == 0) {
        break;
      }
      if (l.expired || l.remaining == 0 || l.isDueOn(day)) {
        continue;
      }
      long take = Math.min(left, l.remaining);
      out.add(new EntryDetail.LotSpend(l.id, take));
      left -= take;
    }
    if (left != 0) {
      throw new IllegalStateException("lots of " + m.id + " hold fewer points than its balance");
    }
    return out;
  }

  static Receipt adjust(LedgerState tx, AdjustRequest r, LocalDateTime now) {
    if ((r.points() == 0) == (r.minutes() == 0) && r.points() != 0) {
      throw new IllegalArgumentException("an adjustment changes points or minutes, not both");
    }
    EntryDetail.Adjustment wanted =
        new EntryDetail.Adjustment(r.member(), r.points(), r.minutes(), r.reason(), r.approvedBy(), r.at(), List.of());
    Entry earlier = repeatOf(tx, r.id(), wanted);
    if (earlier != null) {
      return new Receipt(earlier, true, List.of());
    }
    LocalDate day = effectiveDate(r.at(), now);
    MemberState m = knownMember(tx, r.member());
    notBeforeJoined(m, day);
    notBackDated(m, day);
    if (r.points() == 0 && r.minutes() == 0) {
      throw new LedgerRefusal(Reason.BAD_AMOUNT, "an adjustment must change points or minutes; both are 0");
    }
    checkAmount(r.points() != 0 ? "points" : "minutes", r.points() != 0 ? r.points() : r.minutes());
    List<EntryDetail.LotSpend> spent = List.of();
    if (r.points() < 0) {
      if (m.spendablePoints(day) < -r.points()) {
        throw new LedgerRefusal(
            Reason.INSUFFICIENT_POINTS,
            "member " + m.id + " has " + m.spendablePoints(day) + " spendable points, fewer than " + -r.points());
      }
      spent = spendOldestFirst(m, -r.points(), day);
    }
    if (r.minutes() < 0 && m.minutes + r.minutes() < tx.hoursFloor(day)) {
      throw new LedgerRefusal(
          Reason.OVER_CREDIT_LIMIT,
          "member " + m.id + " would have " + Minutes.format(m.minutes + r.minutes())
              + ", below the floor of " + Minutes.format(tx.hoursFloor(day)));
    }
    List<Entry> expiries = r.points() < 0 ? expireDue(tx, r.member(), day) : List.of();
    Entry e =
        new Entry(
            0,
            r.id(),
            day,
            List.of(
                new Posting(Account.ISSUED, -r.points(), -r.minutes()),
                new Posting(Account.member(r.member()), r.points(), r.minutes())),
            new EntryDetail.Adjustment(
                r.member(), r.points(), r.minutes(), r.reason(), r.approvedBy(), r.at(), spent));
    return new Receipt(Writer.post(tx, e), false, expiries);
  }

  static Receipt reverse(LedgerState tx, ReverseRequest r, LocalDateTime now, EntryLookup lookup) {
    String id = r.reversalId();
    EntryDetail.Reversal wanted = new EntryDetail.Reversal(r.entry(), r.reason(), r.at(), List.of());
    Entry earlier = repeatOf(tx, id, wanted);
    if (earlier != null) {
      return new Receipt(earlier, true, List.of());
    }
    LocalDate day = effectiveDate(r.at(), now);
    EntryInfo target = tx.entry(r.entry());
    if (target == null) {
      throw new LedgerRefusal(Reason.UNKNOWN_ENTRY, "no entry has id " + r.entry());
    }
    Entry t = lookup.entry(tx, r.entry());
    for (Posting p : t.postings()) {
      if (p.account().isMember()) {
        MemberState m = tx.member(p.account().ownerId());
        notBeforeJoined(m, day);
        notBackDated(m, day);
      }
    }
    switch (t.kind()) {
      case "reversal", "expiry", "ledger", "enrolment", "rules", "catalog" ->
          throw new LedgerRefusal(
              Reason.NOT_REVERSIBLE, "entry " + r.entry() + " is a " + t.kind() + " and cannot be reversed");
      default -> {}
    }
    if (target.reversedBy() != null) {
      throw new LedgerRefusal(
          Reason.ALREADY_REVERSED, "entry " + r.entry() + " was already reversed by " + target.reversedBy());
    }
    List<EntryDetail.LotSpend> restored = List.of();
    EntryDetail d = t.detail();
    String lotOwner = null;
    long lotPoints = 0;
    if (d instanceof EntryDetail.Adjustment a) {
      if (a.points() > 0) {
        lotOwner = a.member();
        lotPoints = a.points();
      } else {
        restored = a.spent();
        checkRestorable(tx.member(a.member()), restored, day);
      }
    } else if (d instanceof EntryDetail.Redemption red) {
      restored = red.spent();
      checkRestorable(tx.member(red.member()), restored, day);
    } else if (target.credit() != null && target.credit().points() > 0) {
      lotOwner = target.credit().member();
      lotPoints = target.credit().points();
    }
    if (lotOwner != null) {
      Lot lot = tx.member(lotOwner).lot(r.entry());
      long spent = lot == null ? lotPoints : lot.original - lot.remaining - lot.expiredPoints;
      if (spent > 0) {
        throw new LedgerRefusal(
            Reason.LOT_SPENT, "points of " + r.entry() + " were already spent (" + spent + " of " + lotPoints + ")");
      }
      if (lot.expired || lot.isDueOn(day)) {
        throw new LedgerRefusal(Reason.LOT_EXPIRED, "the points of " + r.entry() + " expired on " + lot.expiresOn);
      }
    }
    List<Posting> postings = new ArrayList<>();
    for (Posting p : t.postings()) {
      postings.add(p.negate());
    }
    checkFloors(tx, postings, day);
    Entry e = new Entry(0, id, day, postings, new EntryDetail.Reversal(r.entry(), r.reason(), r.at(), restored));
    return new Receipt(Writer.post(tx, e), false, List.of());
  }

  private static void checkRestorable(MemberState m, List<EntryDetail.LotSpend> lots, LocalDate day) {
    for (EntryDetail.LotSpend s : lots) {
      Lot l = m.lot(s.lot());
      if (l == null || l.expired || l.isDueOn(day)) {
        throw new LedgerRefusal(
            Reason.LOT_EXPIRED,
            "points would go back into lot " + s.lot() + ", which expired" + (l == null ? "" : " on " + l.expiresOn));
      }
    }
  }

  /** Refuses postings that would take a member below 0 points or the hours floor, or the pool below 0. */
  static void checkFloors(LedgerState tx, List<Posting> postings, LocalDate day) {
    for (Posting p : postings) {
      if (p.account().isMember()) {
        MemberState m = tx.member(p.account().ownerId());
        if (p.points() < 0 && m.points + p.points() < 0) {
          throw new LedgerRefusal(
              Reason.INSUFFICIENT_POINTS,
              "member " + m.id + " has " + m.points + " points, fewer than " + -p.points());
        }
        long floor = tx.hoursFloor(day);
        if (p.minutes() < 0 && m.minutes + p.minutes() < floor) {
          throw new LedgerRefusal(
              Reason.OVER_CREDIT_LIMIT,
              "member " + m.id + " would have " + Minutes.format(m.minutes + p.minutes())
                  + ", below the floor of " + Minutes.format(floor));
        }
      } else if (p.account().equals(Account.POOL) && p.minutes() < 0) {
        long[] pool = tx.account(Account.POOL);
        long have = pool == null ? 0 : pool[1];
        if (have + p.minutes() < 0) {
          throw new LedgerRefusal(
              Reason.POOL_INSUFFICIENT, "the pool holds " + Minutes.format(have) + ", less than " + Minutes.format(-p.minutes()));
        }
      }
    }
  }

  /** Finds an entry by id, in the transaction or the journal. */
  interface EntryLookup {
    Entry entry(LedgerState tx, String id);
  }
}

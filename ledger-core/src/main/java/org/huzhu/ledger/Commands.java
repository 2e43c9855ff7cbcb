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

  /** Where each record of a members file came from: the file, and each record's line. */
  record Lines(String file, List<Integer> lines) {
    String of(int i) {
      return "line " + lines.get(i);
    }
  }

  /**
   * Enrols {@code members}: a member listed again is enrolled once, with the latest team and grid
   * given for it (an empty one keeps what came before), so that the same file imported again
   * changes nothing; each record after a member's first counts as unchanged. Joining dates are
   * checked in order, and a conflicting one names the record's place when {@code where} is given.
   */
  static Enrolled enrol(LedgerState tx, List<MemberRecord> members, LocalDate today, Lines where) {
    java.util.Map<String, Integer> first = new java.util.HashMap<>();
    for (int i = 0; i < members.size(); i++) {
      MemberRecord m = members.get(i);
      MemberState existing = tx.member(m.memberId());
      if (existing != null && !existing.joinedOn.equals(m.joinedOn())) {
        throw at(where, i, LedgerRefusal.of(Reason.CONFLICT, "member-joined-otherwise", m.memberId(), existing.joinedOn, m.joinedOn()));
      }
      int j = first.merge(m.memberId(), i, (kept, later) -> kept);
      LocalDate earlier = members.get(j).joinedOn();
      if (!earlier.equals(m.joinedOn())) {
        throw where == null
            ? LedgerRefusal.of(Reason.CONFLICT, "member-listed-twice", m.memberId(), earlier, m.joinedOn())
            : new LedgerRefusal(
                Reason.CONFLICT,
                where.file() + ": " + where.of(i) + ": member_id " + m.memberId() + " is listed again with joined_on "
                    + m.joinedOn() + " (" + where.of(j) + " has " + earlier + ")");
      }
    }
    java.util.Map<String, MemberRecord> latest = new java.util.LinkedHashMap<>();
    for (MemberRecord m : members) {
      latest.merge(
          m.memberId(),
          m,
          (before, later) ->
              new MemberRecord(
                  later.memberId(),
                  later.joinedOn(),
                  later.team() != null ? later.team() : before.team(),
                  later.grid() != null ? later.grid() : before.grid()));
    }
    int enrolled = 0;
    int changed = 0;
    int unchanged = members.size() - latest.size();
    for (MemberRecord m : latest.values()) {
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

  /** {@code r}, said of the place {@code where} names for record {@code i}, when there is one. */
  private static LedgerRefusal at(Lines where, int i, LedgerRefusal r) {
    if (where == null) {
      return r;
    }
    LedgerRefusal located = new LedgerRefusal(r.reason(), where.file() + ": " + where.of(i) + ": " + r.detail());
    located.initCause(r);
    return located;
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
      throw LedgerRefusal.of(Reason.CONFLICT, "id-used", id, info.kind(), info.seq());
    }
    return info.entry();
  }

  /**
   * The effective date of a command at {@code at} (now when null). Only the date of {@code at}
   * counts, so a time later today is not in the future.
   */
  static LocalDate effectiveDate(LocalDateTime at, LocalDateTime now) {
    if (at != null && at.toLocalDate().isAfter(now.toLocalDate())) {
      throw LedgerRefusal.of(Reason.IN_FUTURE, "at-in-future", at, at.toLocalDate(), now.toLocalDate());
    }
    return (at != null ? at : now).toLocalDate();
  }

  static MemberState knownMember(LedgerState tx, String id) {
    MemberState m = tx.member(id);
    if (m == null) {
      throw LedgerRefusal.of(Reason.UNKNOWN_MEMBER, "unknown-member", id);
    }
    return m;
  }

  static void notBeforeJoined(MemberState m, LocalDate day) {
    if (day.isBefore(m.joinedOn)) {
      throw LedgerRefusal.of(Reason.BEFORE_JOINED, "before-joined", m.id, m.joinedOn, day);
    }
  }

  static void notBackDated(MemberState m, LocalDate day) {
    if (m.lastPosted != null && day.isBefore(m.lastPosted)) {
      throw LedgerRefusal.of(Reason.BACK_DATED, "back-dated", m.id, m.lastPosted, day);
    }
  }

  static void checkAmount(String what, long amount) {
    if (amount == 0) {
      throw LedgerRefusal.of(Reason.BAD_AMOUNT, "zero-" + what);
    }
    if (Math.abs(amount) > Requests.MAX_AMOUNT) {
      throw LedgerRefusal.of(Reason.BAD_AMOUNT, "too-large-" + what, Requests.shown(amount));
    }
  }

  /** Posts the expiry of every lot of {@code m} due on {@code day} that still holds points. */
  static List<Entry> expireDue(LedgerState tx, String memberId, LocalDate day) {
    List<Entry> out = new ArrayList<>();
    Lots lots = tx.member(memberId).lots;
    long d = day.toEpochDay();
    List<Lot> due = new ArrayList<>();
    for (int i = 0; i < lots.size(); i++) {
      if (!lots.expired(i) && lots.remaining(i) > 0 && lots.isDueOn(i, d)) {
        due.add(lots.get(i));
      }
    }
    for (Lot l : due) {
      out.add(Writer.post(tx, expiryEntry(tx, memberId, l)));
    }
    return out;
  }

  static Entry expiryEntry(LedgerState s, String memberId, Lot l) {
    String lotId = s.idOf(l.seq());
    EntryDetail.Expiry d = new EntryDetail.Expiry(memberId, lotId, l.remaining());
    return new Entry(0, "expire:" + lotId, l.expiresOn(), EntryPostings.of(d, null), d);
  }

  /** Lots to spend {@code points} from, oldest first, among those spendable on {@code day}. */
  static List<EntryDetail.LotSpend> spendOldestFirst(LedgerState s, MemberState m, long points, LocalDate day) {
    List<EntryDetail.LotSpend> out = new ArrayList<>();
    long left = points;
    Lots lots = m.lots;
    long d = day.toEpochDay();
    for (int i = 0; i < lots.size(); i++) {
      if (left == 0) {
        break;
      }
      if (lots.expired(i) || lots.remaining(i) == 0 || lots.isDueOn(i, d)) {
        continue;
      }
      long take = Math.min(left, lots.remaining(i));
      out.add(new EntryDetail.LotSpend(s.idOf(lots.seq(i)), take));
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
      throw LedgerRefusal.of(Reason.BAD_AMOUNT, "adjustment-of-nothing");
    }
    checkAmount(r.points() != 0 ? "points" : "minutes", r.points() != 0 ? r.points() : r.minutes());
    List<EntryDetail.LotSpend> spent = List.of();
    if (r.points() < 0) {
      if (m.spendablePoints(day) < -r.points()) {
        throw LedgerRefusal.of(Reason.INSUFFICIENT_POINTS, "few-spendable-points", m.id, m.spendablePoints(day), -r.points());
      }
      spent = spendOldestFirst(tx, m, -r.points(), day);
    }
    if (r.minutes() < 0 && m.minutes + r.minutes() < tx.hoursFloor(day)) {
      throw LedgerRefusal.of(
          Reason.OVER_CREDIT_LIMIT, "below-hours-floor", m.id, Minutes.format(m.minutes + r.minutes()), Minutes.format(tx.hoursFloor(day)));
    }
    List<Entry> expiries = r.points() < 0 ? expireDue(tx, r.member(), day) : List.of();
    EntryDetail.Adjustment d =
        new EntryDetail.Adjustment(r.member(), r.points(), r.minutes(), r.reason(), r.approvedBy(), r.at(), spent);
    Entry e = new Entry(0, r.id(), day, EntryPostings.of(d, null), d);
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
      throw LedgerRefusal.of(Reason.UNKNOWN_ENTRY, "unknown-entry", r.entry());
    }
    Entry t = lookup.entry(tx, r.entry());
    for (Posting p : t.postings()) {
      if (p.account().isMember()) {
        MemberState m = tx.member(p.account().ownerId());
        notBeforeJoined(m, day);
        notBackDated(m, day);
      }
    }
    if (day.isBefore(t.date())) {
      // nothing is undone before it happened, whoever its postings went to (a settlement, a credit of nothing)
      throw LedgerRefusal.of(Reason.BACK_DATED, "reversal-before-target", r.entry(), t.date(), day);
    }
    switch (t.kind()) {
      case "reversal", "expiry", "ledger", "enrolment", "rules", "catalog" ->
          throw LedgerRefusal.of(Reason.NOT_REVERSIBLE, "not-reversible", r.entry(), t.kind());
      default -> {}
    }
    if (target.reversedBy() != null) {
      throw LedgerRefusal.of(Reason.ALREADY_REVERSED, "already-reversed", r.entry(), target.reversedBy());
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
        checkRestorable(tx, tx.member(a.member()), restored, day);
      }
    } else if (d instanceof EntryDetail.Redemption red) {
      restored = red.spent();
      checkRestorable(tx, tx.member(red.member()), restored, day);
    } else if (target.credit() != null && target.credit().points() > 0) {
      lotOwner = target.credit().member();
      lotPoints = target.credit().points();
    }
    if (lotOwner != null) {
      Lot lot = tx.member(lotOwner).lot(target.seq());
      long spent = lot == null ? lotPoints : lot.original() - lot.remaining() - lot.expiredPoints();
      if (spent > 0) {
        throw LedgerRefusal.of(Reason.LOT_SPENT, "lot-spent", r.entry(), spent, lotPoints);
      }
      if (lot.expired() || lot.isDueOn(day)) {
        throw LedgerRefusal.of(Reason.LOT_EXPIRED, "lot-expired", r.entry(), lot.expiresOn());
      }
    }
    List<Posting> postings = EntryPostings.opposite(t.postings());
    checkFloors(tx, postings, day);
    Entry e = new Entry(0, id, day, postings, new EntryDetail.Reversal(r.entry(), r.reason(), r.at(), restored));
    return new Receipt(Writer.post(tx, e), false, List.of());
  }

  private static void checkRestorable(LedgerState tx, MemberState m, List<EntryDetail.LotSpend> lots, LocalDate day) {
    for (EntryDetail.LotSpend s : lots) {
      Lot l = m.lot(tx.seqOf(s.lot()));
      if (l == null || l.expired() || l.isDueOn(day)) {
        throw l == null
            ? LedgerRefusal.of(Reason.LOT_EXPIRED, "restore-into-gone-lot", s.lot())
            : LedgerRefusal.of(Reason.LOT_EXPIRED, "restore-into-expired-lot", s.lot(), l.expiresOn());
      }
    }
  }

  /** Refuses postings that would take a member below 0 points or the hours floor, or the pool below 0. */
  static void checkFloors(LedgerState tx, List<Posting> postings, LocalDate day) {
    for (Posting p : postings) {
      if (p.account().isMember()) {
        MemberState m = tx.member(p.account().ownerId());
        if (p.points() < 0 && m.points + p.points() < 0) {
          throw LedgerRefusal.of(Reason.INSUFFICIENT_POINTS, "few-points", m.id, m.points, -p.points());
        }
        long floor = tx.hoursFloor(day);
        if (p.minutes() < 0 && m.minutes + p.minutes() < floor) {
          throw LedgerRefusal.of(
              Reason.OVER_CREDIT_LIMIT, "below-hours-floor", m.id, Minutes.format(m.minutes + p.minutes()), Minutes.format(floor));
        }
      } else if (p.account().equals(Account.POOL) && p.minutes() < 0) {
        long[] pool = tx.account(Account.POOL);
        long have = pool == null ? 0 : pool[1];
        if (have + p.minutes() < 0) {
          throw LedgerRefusal.of(Reason.POOL_INSUFFICIENT, "pool-insufficient", Minutes.format(have), Minutes.format(-p.minutes()));
        }
      }
    }
  }

  /** Finds an entry by id, in the transaction or the journal. */
  interface EntryLookup {
    Entry entry(LedgerState tx, String id);
  }
}

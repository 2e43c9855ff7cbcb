package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.imports.MalformedRow;
import org.huzhu.ledger.imports.SigninRow;
import org.huzhu.ledger.imports.SortedSignins;
import org.huzhu.ledger.rules.Accrual;
import org.huzhu.ledger.rules.CreditBreakdown;
import org.huzhu.ledger.rules.CreditRejection;
import org.huzhu.ledger.rules.CreditResult;
import org.huzhu.ledger.rules.RuleVersion;
import org.huzhu.ledger.rules.SigninFacts;

/**
 * Decides an import of sign-ins row by row against a transaction, in import order (check-in
 * instant, {@code signin_id}, file order), so that each row sees the credits of the rows before
 * it: the daily cap, overlaps and repeated ids within one file work as across files.
 */
final class SigninImport {
  private SigninImport() {}

  static ImportSummary decide(
      LedgerState tx, SortedSignins rows, ImportOptions options, ZonedDateTime now, String importId) {
    List<ImportSummary.Rejection> rejects = new ArrayList<>();
    for (MalformedRow m : rows.malformed()) {
      rejects.add(new ImportSummary.Rejection(m.line(), m.signinId(), Reason.MALFORMED, m.detail()));
    }
    long credited = 0;
    long duplicates = 0;
    long points = 0;
    long minutes = 0;
    long decided = 0;
    int total = rows.size();
    tx.expectEntries(total);
    for (SigninRow row : rows) {
      EntryDetail.Credit wanted = null;
      Object outcome = decideRow(tx, row, now, importId);
      if (outcome instanceof ImportSummary.Rejection r) {
        rejects.add(r);
      } else if (outcome == DUPLICATE) {
        duplicates++;
      } else {
        wanted = (EntryDetail.Credit) outcome;
        CreditBreakdown b = wanted.breakdown();
        Writer.post(tx, new Entry(0, row.signinId(), row.checkIn().toLocalDate(), EntryPostings.of(wanted, null), wanted));
        credited++;
        points += b.points();
        minutes += b.minutesCredited();
      }
      decided++;
      if (options.progress() != null && (decided % 4096 == 0 || decided == total)) {
        options.progress().decided(decided, total, credited, rejects.size());
      }
    }
    rejects.sort(Comparator.comparingInt(ImportSummary.Rejection::line));
    Map<Reason, Long> counts = new EnumMap<>(Reason.class);
    for (ImportSummary.Rejection r : rejects) {
      counts.merge(r.reason(), 1L, Long::sum);
    }
    Map<String, Long> byReason = new LinkedHashMap<>();
    counts.forEach((reason, n) -> byReason.put(reason.code(), n));
    boolean commit = !options.dryRun() && !(options.allOrNothing() && !rejects.isEmpty());
    return new ImportSummary(
        importId, rows.rowsRead(), credited, duplicates, rejects.size(), points, minutes, byReason, rejects, commit);
  }

  private static final Object DUPLICATE = new Object();

  private static ImportSummary.Rejection reject(SigninRow row, Reason reason, String detail) {
    return new ImportSummary.Rejection(row.line(), row.signinId(), reason, detail);
  }

  /** A rejection, {@link #DUPLICATE}, or the credit to post. */
  private static Object decideRow(LedgerState tx, SigninRow row, ZonedDateTime now, String importId) {
    EntryInfo earlier = tx.entry(row.signinId());
    if (earlier != null && earlier.kind().equals("credit")) {
      long fp = Fold.fingerprint(facts(row, null, importId));
      if (fp == earlier.fingerprint()) {
        return DUPLICATE;
      }
    }
    if (row.checkIn().isAfter(now) || (row.checkOut() != null && row.checkOut().isAfter(now))) {
      ZonedDateTime late = row.checkIn().isAfter(now) ? row.checkIn() : row.checkOut();
      return reject(row, Reason.IN_FUTURE, (late == row.checkIn() ? "check-in " : "check-out ") + late.toLocalDateTime() + " is later than now (" + now.toLocalDateTime() + ")");
    }
    MemberState m = tx.member(row.memberId());
    if (m == null) {
      return reject(row, Reason.UNKNOWN_MEMBER, "member " + row.memberId() + " is not enrolled");
    }
    LocalDate day = row.checkIn().toLocalDate();
    if (day.isBefore(m.joinedOn)) {
      return reject(row, Reason.BEFORE_JOINED, "member " + row.memberId() + " joined on " + m.joinedOn + ", after " + day);
    }
    RuleVersion rules = tx.rulesInForce(day);
    if (rules == null) {
      return reject(row, Reason.NO_RULES, "no rules are in force on " + day);
    }
    if (rules.activity(row.activity()) == null) {
      return reject(row, Reason.UNKNOWN_ACTIVITY, "activity '" + row.activity() + "' is not in rules version " + rules.version());
    }
    if (row.verifiedBy().isEmpty()) {
      return reject(row, Reason.NOT_VERIFIED, "verified_by is empty");
    }
    if (row.verifiedBy().equals(row.memberId())) {
      return reject(row, Reason.SELF_VERIFIED, "verified_by is the member " + row.memberId() + " themself");
    }
    long already = Math.max(0, m.dayPoints.on(day));
    CreditResult result =
        Accrual.credit(new SigninFacts(row.activity(), row.checkIn(), row.checkOut()), rules, already);
    if (result instanceof CreditRejection r) {
      return reject(row, r.reason(), r.detail());
    }
    CreditBreakdown b = (CreditBreakdown) result;
    if (b.hourBased()) {
      long start = CreditFold.nanos(row.checkIn());
      long end = CreditFold.nanos(row.checkOut());
      MemberState.Interval other = m.overlapping(start, end, earlier == null ? -1 : earlier.seq());
      if (other != null) {
        return reject(row, Reason.OVERLAP, "overlaps sign-in " + tx.idOf(other.creditSeq()) + " of member " + row.memberId());
      }
    }
    if (earlier != null) {
      return reject(row, Reason.CONFLICT, "signin_id " + row.signinId() + " was already used by " + earlier.kind() + " entry " + earlier.seq() + " with other values");
    }
    return facts(row, b, importId);
  }

  private static EntryDetail.Credit facts(SigninRow row, CreditBreakdown b, String importId) {
    return new EntryDetail.Credit(
        row.memberId(),
        row.activity(),
        row.checkIn(),
        row.checkOut(),
        row.verifiedBy(),
        row.team(),
        row.grid(),
        importId,
        b == null ? PLACEHOLDER : b);
  }

  /** Stands in for a breakdown when only the fingerprint of a row is wanted. */
  private static final CreditBreakdown PLACEHOLDER =
      new CreditBreakdown(0, "-", false, 0, 0, 1, java.math.BigDecimal.ZERO, List.of(), java.math.BigDecimal.ONE, 0, null, 0, 0, 0);
}

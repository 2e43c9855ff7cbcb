package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds {@link Reports} values from the state alone: every entry's compact form is in memory, so
 * a report over millions of entries is one pass over a map, without reading the journal.
 */
final class ReportBuilder {
  private ReportBuilder() {}

  static Reports.Liability liability(LedgerState s, LocalDate asOf) {
    long points = 0;
    long minutes = 0;
    Map<YearMonth, Long> byMonth = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    // Lots come oldest first, so neighbours mostly expire on the same day: the month is worked
    // out once per run of them, not once per lot.
    long day = Long.MIN_VALUE;
    YearMonth month = null;
    for (MemberState m : s.members.values()) {
      points += m.points;
      minutes += m.minutes;
      Lots lots = m.lots;
      for (int i = 0; i < lots.size(); i++) {
        long remaining = lots.remaining(i);
        if (remaining > 0) {
          long expires = lots.expiresOnDay(i);
          if (expires != day) {
            day = expires;
            month = expires == Long.MIN_VALUE ? null : YearMonth.from(LocalDate.ofEpochDay(expires));
          }
          byMonth.merge(month, remaining, Long::sum);
        }
      }
    }
    List<Reports.ExpiryBucket> buckets = new ArrayList<>();
    byMonth.forEach((k, v) -> buckets.add(new Reports.ExpiryBucket(k, v)));
    List<Balance> merchants = new ArrayList<>();
    s.accounts.forEach(
        (a, v) -> {
          if (a.isMerchant()) {
            merchants.add(new Balance(a, v[0], v[1]));
          }
        });
    merchants.sort(Comparator.comparing(Balance::account));
    long[] settled = s.account(Account.SETTLED);
    return new Reports.Liability(asOf, points, minutes, buckets, merchants, settled == null ? 0 : settled[0]);
  }

  /** Credits dated in {@code month} (+1) and reversals of credits dated in it (−1). */
  private static void credits(LedgerState s, YearMonth month, Consumer<SignedCredit> sink) {
    for (Map.Entry<String, EntryInfo> e : s.entries.entrySet()) {
      EntryInfo info = e.getValue();
      if (!YearMonth.from(info.date()).equals(month)) {
        continue;
      }
      if (info.credit() != null) {
        sink.accept(new SignedCredit(info.credit(), 1));
      } else if (info.entry() != null && info.entry().detail() instanceof EntryDetail.Reversal r) {
        EntryInfo target = s.entry(r.target());
        if (target != null && target.credit() != null) {
          sink.accept(new SignedCredit(target.credit(), -1));
        }
      }
    }
  }

  private record SignedCredit(EntryInfo.CreditInfo credit, int sign) {}

  private static void add(long[] acc, SignedCredit c) {
    acc[0] += c.sign();
    acc[1] += c.sign() * c.credit().minutes();
    acc[2] += c.sign() * c.credit().points();
  }

  static Reports.Teams teams(LedgerState s, YearMonth month) {
    Map<String, long[]> teams = new TreeMap<>(Comparator.nullsLast(Texts::compareUtf8));
    Map<String, long[]> grids = new TreeMap<>(Comparator.nullsLast(Texts::compareUtf8));
    credits(
        s,
        month,
        c -> {
          add(teams.computeIfAbsent(c.credit().team(), k -> new long[3]), c);
          add(grids.computeIfAbsent(c.credit().grid(), k -> new long[3]), c);
        });
    return new Reports.Teams(month, lines(teams), lines(grids));
  }

  private static List<Reports.GroupLine> lines(Map<String, long[]> groups) {
    List<Reports.GroupLine> out = new ArrayList<>();
    groups.forEach((k, v) -> out.add(new Reports.GroupLine(k, v[0], v[1], v[2])));
    return out;
  }

  static Reports.Leaderboard leaderboard(LedgerState s, YearMonth month, int top) {
    Map<String, long[]> byMember = new HashMap<>();
    credits(s, month, c -> add(byMember.computeIfAbsent(c.credit().member(), k -> new long[3]), c));
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>();
    for (Map.Entry<String, long[]> e : byMember.entrySet()) {
      long minutes = e.getValue()[1];
      long points = e.getValue()[2];
      // A member whose month nets to nothing (a reversal of an earlier month's credit) is no leader.
      if (minutes > 0 || (minutes == 0 && points > 0)) {
        sorted.add(e);
      }
    }
    sorted.sort(
        Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
            .thenComparing(Map.Entry::getKey, Texts::compareUtf8));
    List<Reports.Leader> leaders = new ArrayList<>();
    int rank = 0;
    long lastMinutes = Long.MIN_VALUE;
    for (int i = 0; i < sorted.size(); i++) {
      long[] v = sorted.get(i).getValue();
      if (v[1] != lastMinutes) {
        rank = i + 1;
        lastMinutes = v[1];
      }
      if (rank > top) {
        break;
      }
      leaders.add(new Reports.Leader(rank, sorted.get(i).getKey(), v[1], v[2], v[0]));
    }
    return new Reports.Leaderboard(month, leaders);
  }

  static Reports.Merchants merchants(LedgerState s, YearMonth month) {
    Map<String, long[]> lines = new TreeMap<>(Texts::compareUtf8);
    for (EntryInfo info : s.entries.values()) {
      if (info.entry() == null || !YearMonth.from(info.date()).equals(month)) {
        continue;
      }
      EntryDetail d = info.entry().detail();
      if (d instanceof EntryDetail.Redemption r) {
        lines.computeIfAbsent(r.merchant(), k -> new long[3])[0] += r.pricePoints() * r.quantity();
      } else if (d instanceof EntryDetail.Reversal r) {
        EntryInfo target = s.entry(r.target());
        EntryDetail td = target == null || target.entry() == null ? null : target.entry().detail();
        if (td instanceof EntryDetail.Redemption red) {
          lines.computeIfAbsent(red.merchant(), k -> new long[3])[1] += red.pricePoints() * red.quantity();
        } else if (td instanceof EntryDetail.Settlement st) {
          // a settlement recorded by mistake and reversed: settled net, in the reversal's month
          lines.computeIfAbsent(st.merchant(), k -> new long[3])[2] -= st.points();
        }
      } else if (d instanceof EntryDetail.Settlement st) {
        lines.computeIfAbsent(st.merchant(), k -> new long[3])[2] += st.points();
      }
    }
    s.accounts.forEach(
        (a, v) -> {
          if (a.isMerchant() && v[0] != 0) {
            lines.computeIfAbsent(a.ownerId(), k -> new long[3]);
          }
        });
    List<Reports.MerchantLine> out = new ArrayList<>();
    lines.forEach(
        (merchant, v) -> {
          long[] owed = s.account(Account.merchant(merchant));
          out.add(new Reports.MerchantLine(merchant, v[0], v[1], v[0] - v[1], v[2], owed == null ? 0 : owed[0]));
        });
    return new Reports.Merchants(month, out);
  }

  static Reports.Certificate certificate(LedgerState s, String member, LocalDate from, LocalDate to, String head) {
    MemberState m = Objects.requireNonNull(s.member(member), "member");
    record Credited(String activity, long seq, String id, long minutes) {}
    List<Credited> credited = new ArrayList<>();
    long backfilled = 0;
    for (Map.Entry<String, EntryInfo> e : s.entries.entrySet()) {
      EntryInfo info = e.getValue();
      boolean inPeriod = (from == null || !info.date().isBefore(from)) && (to == null || !info.date().isAfter(to));
      if (!inPeriod || info.reversedBy() != null) {
        continue;
      }
      EntryInfo.CreditInfo c = info.credit();
      if (c != null && c.member().equals(member) && c.minutes() != 0) {
        credited.add(new Credited(c.activity(), info.seq(), e.getKey(), c.minutes()));
      } else if (info.entry() != null
          && info.entry().detail() instanceof EntryDetail.Adjustment a
          && a.member().equals(member)
          && a.minutes() > 0) {
        backfilled += a.minutes(); // minutes added; a correction that takes some away is no backfill
      }
    }
    credited.sort(Comparator.comparingLong(Credited::seq));
    Map<String, List<String>> ids = new TreeMap<>(Texts::compareUtf8);
    Map<String, Long> minutes = new HashMap<>();
    for (Credited c : credited) {
      ids.computeIfAbsent(c.activity(), k -> new ArrayList<>()).add(c.id());
      minutes.merge(c.activity(), c.minutes(), Long::sum);
    }
    List<Reports.ActivityLine> lines = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, List<String>> e : ids.entrySet()) {
      long mins = minutes.get(e.getKey());
      lines.add(new Reports.ActivityLine(e.getKey(), mins, e.getValue()));
      total += mins;
    }
    return new Reports.Certificate(member, m.joinedOn, from, to, lines, total, backfilled, head);
  }
}

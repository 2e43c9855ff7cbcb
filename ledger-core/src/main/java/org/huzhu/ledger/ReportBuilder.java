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

/** Builds {@link Reports} values from the state and one pass over the journal. */
final class ReportBuilder {
  /** Hands every entry of the journal, in order, to a consumer. */
  interface EntryScan {
    void each(Consumer<Entry> consumer);
  }

  private ReportBuilder() {}

  static Reports.Liability liability(LedgerState s, LocalDate asOf) {
    long points = 0;
    long minutes = 0;
    Map<YearMonth, Long> byMonth = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (MemberState m : s.members.values()) {
      points += m.points;
      minutes += m.minutes;
      for (Lot l : m.lots) {
        if (l.remaining > 0) {
          byMonth.merge(l.expiresOn == null ? null : YearMonth.from(l.expiresOn), l.remaining, Long::sum);
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

  /** What a credit contributes to monthly reports. */
  private record CreditFacts(String member, String activity, String team, String grid, long minutes, long points) {}

  /** Walks the journal, turning credits and their reversals into signed contributions. */
  private static void credits(
      EntryScan entries, LedgerState s, YearMonth month, Consumer<SignedCredit> sink) {
    Map<String, CreditFacts> seen = new HashMap<>();
    entries.each(e -> {
      if (e.detail() instanceof EntryDetail.Credit c) {
        MemberState m = s.member(c.member());
        MemberState.Affiliation a = m == null ? null : m.affiliationOn(e.date());
        CreditFacts f =
            new CreditFacts(
                c.member(),
                c.activity(),
                c.team() != null ? c.team() : a == null ? null : a.team(),
                c.grid() != null ? c.grid() : a == null ? null : a.grid(),
                c.breakdown().minutesCredited(),
                c.breakdown().points());
        seen.put(e.id(), f);
        if (YearMonth.from(e.date()).equals(month)) {
          sink.accept(new SignedCredit(e.id(), f, 1));
        }
      } else if (e.detail() instanceof EntryDetail.Reversal r && seen.containsKey(r.target())) {
        if (YearMonth.from(e.date()).equals(month)) {
          sink.accept(new SignedCredit(r.target(), seen.get(r.target()), -1));
        }
      }
    });
  }

  private record SignedCredit(String id, CreditFacts facts, int sign) {}

  static Reports.Teams teams(EntryScan entries, LedgerState s, YearMonth month) {
    Map<String, long[]> teams = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    Map<String, long[]> grids = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    credits(
        entries,
        s,
        month,
        c -> {
          add(teams.computeIfAbsent(c.facts().team(), k -> new long[3]), c);
          add(grids.computeIfAbsent(c.facts().grid(), k -> new long[3]), c);
        });
    return new Reports.Teams(month, lines(teams), lines(grids));
  }

  private static void add(long[] acc, SignedCredit c) {
    acc[0] += c.sign();
    acc[1] += c.sign() * c.facts().minutes();
    acc[2] += c.sign() * c.facts().points();
  }

  private static List<Reports.GroupLine> lines(Map<String, long[]> groups) {
    List<Reports.GroupLine> out = new ArrayList<>();
    groups.forEach((k, v) -> out.add(new Reports.GroupLine(k, v[0], v[1], v[2])));
    return out;
  }

  static Reports.Leaderboard leaderboard(EntryScan entries, LedgerState s, YearMonth month, int top) {
    Map<String, long[]> byMember = new HashMap<>();
    credits(entries, s, month, c -> add(byMember.computeIfAbsent(c.facts().member(), k -> new long[3]), c));
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byMember.entrySet());
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

  static Reports.Merchants merchants(EntryScan entries, LedgerState s, YearMonth month) {
    Map<String, long[]> lines = new TreeMap<>(Texts::compareUtf8);
    entries.each(e -> {
      if (!YearMonth.from(e.date()).equals(month)) {
        return;
      }
      if (e.detail() instanceof EntryDetail.Redemption r) {
        lines.computeIfAbsent(r.merchant(), k -> new long[3])[0] += r.pricePoints() * r.quantity();
      } else if (e.detail() instanceof EntryDetail.Reversal r) {
        EntryInfo target = s.entry(r.target());
        if (target != null && target.kind().equals("redemption")) {
          EntryDetail.Redemption red = (EntryDetail.Redemption) target.entry().detail();
          lines.computeIfAbsent(red.merchant(), k -> new long[3])[1] += red.pricePoints() * red.quantity();
        }
      } else if (e.detail() instanceof EntryDetail.Settlement st) {
        lines.computeIfAbsent(st.merchant(), k -> new long[3])[2] += st.points();
      }
    });
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

  static Reports.Certificate certificate(
      EntryScan entries, LedgerState s, String member, LocalDate from, LocalDate to, String head) {
    MemberState m = s.member(member);
    Map<String, long[]> minutes = new TreeMap<>(Texts::compareUtf8);
    Map<String, List<String>> ids = new HashMap<>();
    long[] backfilled = new long[1];
    entries.each(e -> {
      boolean inPeriod = (from == null || !e.date().isBefore(from)) && (to == null || !e.date().isAfter(to));
      if (!inPeriod) {
        return;
      }
      if (e.detail() instanceof EntryDetail.Credit c && c.member().equals(member)) {
        EntryInfo info = s.entry(e.id());
        if (info.reversedBy() != null || c.breakdown().minutesCredited() == 0) {
          return;
        }
        minutes.computeIfAbsent(c.activity(), k -> new long[1])[0] += c.breakdown().minutesCredited();
        ids.computeIfAbsent(c.activity(), k -> new ArrayList<>()).add(e.id());
      } else if (e.detail() instanceof EntryDetail.Adjustment a
          && a.member().equals(member)
          && s.entry(e.id()).reversedBy() == null) {
        backfilled[0] += a.minutes();
      }
    });
    List<Reports.ActivityLine> lines = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, long[]> e : minutes.entrySet()) {
      lines.add(new Reports.ActivityLine(e.getKey(), e.getValue()[0], ids.get(e.getKey())));
      total += e.getValue()[0];
    }
    return new Reports.Certificate(
        member, Objects.requireNonNull(m, "member").joinedOn, from, to, lines, total, backfilled[0], head);
  }
}

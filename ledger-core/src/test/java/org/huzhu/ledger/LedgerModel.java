package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simplest model of the ledger's money rules that could work: plain maps of lots and
 * balances, written without the ledger's code, so that a model-based property can compare the two
 * after every step. It covers one rule version (cleanup at 5 points an hour, ×1.5 at weekends,
 * lots expire after one month, a credit limit of 60 minutes) and a two-item catalog.
 */
final class LedgerModel {
  static final long CREDIT_LIMIT = 60;

  static final class MLot {
    final String id;
    final LocalDate date;
    final LocalDate expires;
    final long original;
    long remaining;
    boolean expired;
    long expiredPoints;

    MLot(String id, LocalDate date, long points) {
      this.id = id;
      this.date = date;
      this.expires = date.plusMonths(1);
      this.original = points;
      this.remaining = points;
    }
  }

  record MEntry(
      String kind,
      String member,
      long points,
      long minutes,
      Map<String, Long> spent,
      String item,
      long quantity,
      LocalDate date,
      String from,
      String to) {}

  final Map<String, List<MLot>> lots = new TreeMap<>();
  final Map<String, Long> minutes = new TreeMap<>();
  long pool;
  long expired;
  final Map<String, Long> merchants = new TreeMap<>();
  final Map<String, Long> stock = new HashMap<>(Map.of("haircut", 5L));
  final Map<String, Long> monthly = new HashMap<>();
  final Map<String, MEntry> entries = new LinkedHashMap<>();
  final Map<String, Boolean> reversed = new HashMap<>();

  LedgerModel(List<String> members) {
    for (String m : members) {
      lots.put(m, new ArrayList<>());
      minutes.put(m, 0L);
    }
  }

  long points(String m) {
    return lots.get(m).stream().mapToLong(l -> l.remaining).sum();
  }

  long spendable(String m, LocalDate day) {
    return lots.get(m).stream().filter(l -> !l.expired && day.isBefore(l.expires)).mapToLong(l -> l.remaining).sum();
  }

  void expireDue(String m, LocalDate day) {
    for (MLot l : lots.get(m)) {
      if (!l.expired && l.remaining > 0 && !day.isBefore(l.expires)) {
        expired += l.remaining;
        l.expiredPoints += l.remaining;
        l.remaining = 0;
        l.expired = true;
      }
    }
  }

  Map<String, Long> spend(String m, long points, LocalDate day) {
    Map<String, Long> spent = new LinkedHashMap<>();
    List<MLot> sorted = new ArrayList<>(lots.get(m));
    sorted.sort(java.util.Comparator.comparing((MLot l) -> l.date));
    for (MLot l : sorted) {
      if (points == 0) {
        break;
      }
      if (l.expired || !day.isBefore(l.expires) || l.remaining == 0) {
        continue;
      }
      long take = Math.min(points, l.remaining);
      l.remaining -= take;
      points -= take;
      spent.put(l.id, take);
    }
    return spent;
  }

  MLot lot(String m, String id) {
    return lots.get(m).stream().filter(l -> l.id.equals(id)).findFirst().orElse(null);
  }

  void addLot(String m, String id, LocalDate day, long points) {
    lots.get(m).add(new MLot(id, day, points));
  }

  /** Returns the reason the model refuses, or null after applying. */
  Reason credit(String id, String m, LocalDate day, long points, long mins) {
    if (points > 0) {
      addLot(m, id, day, points);
    }
    minutes.merge(m, mins, Long::sum);
    entries.put(id, new MEntry("credit", m, points, mins, Map.of(), null, 0, day, null, null));
    return null;
  }

  Reason adjustPoints(String id, String m, long points, LocalDate day) {
    if (points < 0) {
      if (spendable(m, day) < -points) {
        return Reason.INSUFFICIENT_POINTS;
      }
      Map<String, Long> spent = spend(m, -points, day);
      expireDue(m, day);
      entries.put(id, new MEntry("adjustment", m, points, 0, spent, null, 0, day, null, null));
    } else {
      addLot(m, id, day, points);
      entries.put(id, new MEntry("adjustment", m, points, 0, Map.of(), null, 0, day, null, null));
    }
    return null;
  }

  /** Minutes added by adjustments not reversed: what a certificate shows apart from service. */
  long backfilled(String m) {
    long sum = 0;
    for (Map.Entry<String, MEntry> e : entries.entrySet()) {
      MEntry x = e.getValue();
      if (x.kind().equals("adjustment") && x.member().equals(m) && x.minutes() > 0 && !reversed.containsKey(e.getKey())) {
        sum += x.minutes();
      }
    }
    return sum;
  }

  Reason adjustMinutes(String id, String m, long mins, LocalDate day) {
    if (mins < 0 && minutes.get(m) + mins < -CREDIT_LIMIT) {
      return Reason.OVER_CREDIT_LIMIT;
    }
    minutes.merge(m, mins, Long::sum);
    entries.put(id, new MEntry("adjustment", m, 0, mins, Map.of(), null, 0, day, null, null));
    return null;
  }

  Reason redeem(String id, String m, String item, long qty, LocalDate day) {
    long price = item.equals("haircut") ? 20 : 50;
    String merchant = item.equals("haircut") ? "m-barber" : "m-grocer";
    Long left = stock.get(item);
    if (left != null && left < qty) {
      return Reason.OUT_OF_STOCK;
    }
    String key = m + "|" + day.getYear() + "-" + day.getMonthValue() + "|" + item;
    if (item.equals("haircut") && monthly.getOrDefault(key, 0L) + qty > 2) {
      return Reason.OVER_LIMIT;
    }
    if (spendable(m, day) < price * qty) {
      return Reason.INSUFFICIENT_POINTS;
    }
    Map<String, Long> spent = spend(m, price * qty, day);
    expireDue(m, day);
    if (left != null) {
      stock.put(item, left - qty);
    }
    monthly.merge(key, qty, Long::sum);
    merchants.merge(merchant, price * qty, Long::sum);
    entries.put(id, new MEntry("redemption", m, -price * qty, 0, spent, item, qty, day, null, merchant));
    return null;
  }

  long minutesOf(String party) {
    return party.equals("pool") ? pool : minutes.get(party);
  }

  void addMinutes(String party, long n) {
    if (party.equals("pool")) {
      pool += n;
    } else {
      minutes.merge(party, n, Long::sum);
    }
  }

  Reason transfer(String id, String from, String to, long n, LocalDate day) {
    if (from.equals(to)) {
      return Reason.SAME_ACCOUNT;
    }
    if (from.equals("pool") ? pool - n < 0 : minutes.get(from) - n < -CREDIT_LIMIT) {
      return from.equals("pool") ? Reason.POOL_INSUFFICIENT : Reason.OVER_CREDIT_LIMIT;
    }
    addMinutes(from, -n);
    addMinutes(to, n);
    entries.put(id, new MEntry("transfer", null, 0, n, Map.of(), null, 0, day, from, to));
    return null;
  }

  Reason reverse(String target, LocalDate day) {
    MEntry e = entries.get(target);
    if (e == null) {
      return Reason.UNKNOWN_ENTRY;
    }
    if (e.kind().equals("reversal")) {
      return Reason.NOT_REVERSIBLE;
    }
    if (reversed.containsKey(target)) {
      return null; // the same reversal again (same default id, same reason): a no-op repeat
    }
    switch (e.kind()) {
      case "credit", "adjustment" -> {
        if (e.points() > 0) {
          MLot l = lot(e.member(), target);
          if (l.original - l.remaining - l.expiredPoints > 0) {
            return Reason.LOT_SPENT;
          }
          if (l.expired || !day.isBefore(l.expires)) {
            return Reason.LOT_EXPIRED;
          }
        } else if (e.points() < 0) {
          for (String lotId : e.spent().keySet()) {
            MLot l = lot(e.member(), lotId);
            if (l.expired || !day.isBefore(l.expires)) {
              return Reason.LOT_EXPIRED;
            }
          }
        }
        if (minutes.get(e.member()) - e.minutes() < -CREDIT_LIMIT) {
          return Reason.OVER_CREDIT_LIMIT;
        }
        if (e.points() > 0) {
          lots.get(e.member()).remove(lot(e.member(), target));
        }
        e.spent().forEach((lotId, p) -> lot(e.member(), lotId).remaining += p);
        minutes.merge(e.member(), -e.minutes(), Long::sum);
      }
      case "redemption" -> {
        for (String lotId : e.spent().keySet()) {
          MLot l = lot(e.member(), lotId);
          if (l.expired || !day.isBefore(l.expires)) {
            return Reason.LOT_EXPIRED;
          }
        }
        e.spent().forEach((lotId, p) -> lot(e.member(), lotId).remaining += p);
        stock.computeIfPresent(e.item(), (k, v) -> v + e.quantity());
        String key = e.member() + "|" + e.date().getYear() + "-" + e.date().getMonthValue() + "|" + e.item();
        monthly.merge(key, -e.quantity(), Long::sum);
        merchants.merge(e.to(), e.points(), Long::sum);
      }
      case "transfer" -> {
        if (e.to().equals("pool") ? pool - e.minutes() < 0 : minutes.get(e.to()) - e.minutes() < -CREDIT_LIMIT) {
          return e.to().equals("pool") ? Reason.POOL_INSUFFICIENT : Reason.OVER_CREDIT_LIMIT;
        }
        addMinutes(e.to(), -e.minutes());
        addMinutes(e.from(), e.minutes());
      }
      default -> throw new IllegalStateException(e.kind());
    }
    reversed.put(target, true);
    entries.put("reversal:" + target, new MEntry("reversal", null, 0, 0, Map.of(), null, 0, day, null, null));
    return null;
  }

  void expire(LocalDate asOf) {
    for (String m : lots.keySet()) {
      expireDue(m, asOf);
    }
  }
}

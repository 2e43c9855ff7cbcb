package org.huzhu.ledger;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.rules.RuleVersion;
import org.huzhu.ledger.rules.RuleVersions;

/**
 * The one function that changes state: {@code apply(state, entry)}. It never reads a clock, a
 * file or a random source, and it never refuses: entries were decided before they were posted, and
 * the audit checks them separately.
 */
final class Fold {
  private Fold() {}

  static void apply(LedgerState s, Entry e) {
    apply(s, e, fingerprint(e.detail()));
  }

  /** As {@link #apply(LedgerState, Entry)}, with the {@link #fingerprint} of {@code e}'s detail. */
  static void apply(LedgerState s, Entry e, long fingerprint) {
    s.seq = e.seq();
    if (s.latestDate == null || e.date().isAfter(s.latestDate)) {
      s.latestDate = e.date();
    }
    EntryDetail d = e.detail();
    if (d instanceof EntryDetail.Enrolment x) {
      enrol(s, e, x);
    }
    for (Posting p : e.postings()) {
      if (p.account().isMember()) {
        MemberState m = s.memberForUpdate(p.account().ownerId());
        if (m == null) {
          throw new IllegalStateException("entry " + e.id() + " posts to unknown " + p.account());
        }
        m.points = Math.addExact(m.points, p.points());
        m.minutes = Math.addExact(m.minutes, p.minutes());
        if (!p.isZero()) {
          m.everPosted = true;
          if (m.lastPosted == null || e.date().isAfter(m.lastPosted)) {
            m.lastPosted = e.date();
          }
        }
      } else {
        long[] a = s.accountForUpdate(p.account());
        a[0] = Math.addExact(a[0], p.points());
        a[1] = Math.addExact(a[1], p.minutes());
      }
    }
    EntryInfo.CreditInfo credit = null;
    if (d instanceof EntryDetail.LedgerCreated x) {
      s.zone = x.zone();
    } else if (d instanceof EntryDetail.RulesPublished x) {
      List<RuleVersion> rules = new ArrayList<>(s.rules);
      rules.add(RuleVersions.fromCanonicalJson(x.rulesJson()));
      s.rules = List.copyOf(rules);
      List<String> json = new ArrayList<>(s.rulesJson);
      json.add(x.rulesJson());
      s.rulesJson = List.copyOf(json);
    } else if (d instanceof EntryDetail.CatalogPublished x) {
      s.catalog = CatalogState.published(x.version(), x.items(), s.catalog, e.seq());
      s.catalogVersions++;
    } else if (d instanceof EntryDetail.Adjustment x) {
      MemberState m = s.memberForUpdate(x.member());
      if (x.points() > 0) {
        addLot(s, m, e, x.points());
      }
      spend(s, e, m, x.spent());
      if (x.minutes() > 0) {
        m.backfilledMinutes += x.minutes(); // a correction that takes minutes away is no backfill
      }
    } else if (d instanceof EntryDetail.Redemption x) {
      MemberState m = s.memberForUpdate(x.member());
      spend(s, e, m, x.spent());
      m.monthlyQuantity.merge(MemberState.monthKey(e.date(), x.item()), x.quantity(), Long::sum);
      s.catalog = s.catalog.withStockChange(x.item(), -x.quantity());
    } else if (d instanceof EntryDetail.Expiry x) {
      MemberState m = s.memberForUpdate(x.member());
      m.lots.expire(m.lots.indexOf(s.seqOf(x.lot())), x.points());
    } else if (d instanceof EntryDetail.Reversal x) {
      reverse(s, e, x);
    } else if (d instanceof EntryDetail.Credit) {
      credit = CreditFold.apply(s, e);
    }
    s.entries.put(
        e.id(),
        new EntryInfo(
            e.seq(),
            e.kind(),
            day(e.date()),
            fingerprint,
            at(d),
            null,
            credit == null ? e : null,
            credit));
    if (s.isChild()) {
      s.pending.add(e);
    }
  }

  private static void enrol(LedgerState s, Entry e, EntryDetail.Enrolment x) {
    MemberState m = s.memberForUpdate(x.member());
    if (m == null) {
      m = new MemberState(x.member());
      s.addMember(m);
    }
    m.joinedOn = x.joinedOn();
    m.enrolments++;
    // The first team and grid hold from the joining day; later changes from their entry's date.
    LocalDate from = m.enrolments == 1 ? x.joinedOn() : e.date();
    m.affiliations.add(new MemberState.Affiliation(day(from), x.team(), x.grid()));
  }

  static void addLot(LedgerState s, MemberState m, Entry e, long points) {
    RuleVersion r = s.rulesInForce(e.date());
    LocalDate expires =
        r == null || r.pointsExpireMonths() == null ? null : e.date().plusMonths(r.pointsExpireMonths());
    m.lots.add(e.seq(), e.date(), expires, points);
  }

  /** The seq of lot {@code id}; the entry being applied is not in the index yet. */
  private static long lotSeq(LedgerState s, Entry e, String id) {
    return id.equals(e.id()) ? e.seq() : s.seqOf(id);
  }

  private static void spend(LedgerState s, Entry e, MemberState m, List<EntryDetail.LotSpend> spent) {
    for (EntryDetail.LotSpend sp : spent) {
      int i = m.lots.indexOf(lotSeq(s, e, sp.lot()));
      m.lots.setRemaining(i, m.lots.remaining(i) - sp.points());
    }
  }

  private static void reverse(LedgerState s, Entry e, EntryDetail.Reversal x) {
    EntryInfo target = s.entry(x.target());
    s.entries.put(x.target(), target.reversed(e.id()));
    if (target.credit() != null) {
      CreditFold.reverse(s, x.target(), target);
      return;
    }
    EntryDetail td = target.entry().detail();
    if (td instanceof EntryDetail.Adjustment a) {
      MemberState m = s.memberForUpdate(a.member());
      if (a.points() > 0) {
        int i = m.lots.indexOf(target.seq());
        if (i >= 0) {
          m.lots.remove(i);
        }
      }
      restore(s, m, x.restored());
      if (a.minutes() > 0) {
        m.backfilledMinutes -= a.minutes();
      }
    } else if (td instanceof EntryDetail.Redemption r) {
      MemberState m = s.memberForUpdate(r.member());
      restore(s, m, x.restored());
      m.monthlyQuantity.merge(MemberState.monthKey(target.date(), r.item()), -r.quantity(), Long::sum);
      if (s.catalog.takesBack(r.item(), target.seq())) {
        s.catalog = s.catalog.withStockChange(r.item(), r.quantity());
      }
    }
  }

  private static void restore(LedgerState s, MemberState m, List<EntryDetail.LotSpend> restored) {
    for (EntryDetail.LotSpend sp : restored) {
      int i = m.lots.indexOf(s.seqOf(sp.lot()));
      m.lots.setRemaining(i, m.lots.remaining(i) + sp.points());
    }
  }

  private static final java.util.concurrent.ConcurrentMap<LocalDate, LocalDate> DAYS = new java.util.concurrent.ConcurrentHashMap<>();

  /** One instance per day: millions of entries share a few thousand dates. */
  static LocalDate day(LocalDate d) {
    return Shared.get(DAYS, d, x -> x);
  }

  /** A hash of what makes two commands "the same", without their {@code at}. */
  static long fingerprint(EntryDetail d) {
    Hasher h = Hashing.murmur3_128().newHasher();
    put(h, d.kind());
    if (d instanceof EntryDetail.Adjustment x) {
      put(h, x.member(), x.points(), x.minutes(), x.reason(), x.approvedBy());
    } else if (d instanceof EntryDetail.Reversal x) {
      put(h, x.target(), x.reason());
    } else if (d instanceof EntryDetail.Redemption x) {
      put(h, x.member(), x.item(), x.quantity());
    } else if (d instanceof EntryDetail.Transfer x) {
      put(h, x.from().name(), x.to().name(), x.minutes(), x.memo());
    } else if (d instanceof EntryDetail.Settlement x) {
      put(h, x.merchant(), x.points());
    } else {
      CreditFold.fingerprint(h, d);
    }
    return h.hash().asLong();
  }

  /** Feeds values to the hash with a tag per type, so that no two different lists collide by text. */
  static void put(Hasher h, Object... values) {
    for (Object v : values) {
      if (v == null) {
        h.putByte((byte) 0);
      } else if (v instanceof String str) {
        h.putByte((byte) 1).putInt(str.length()).putUnencodedChars(str);
      } else if (v instanceof Long n) {
        h.putByte((byte) 2).putLong(n);
      } else if (v instanceof java.time.Instant t) {
        h.putByte((byte) 3).putLong(t.getEpochSecond()).putInt(t.getNano());
      } else {
        String str = v.toString();
        h.putByte((byte) 4).putInt(str.length()).putUnencodedChars(str);
      }
    }
  }

  static LocalDateTime at(EntryDetail d) {
    if (d instanceof EntryDetail.Adjustment x) {
      return x.at();
    } else if (d instanceof EntryDetail.Reversal x) {
      return x.at();
    } else if (d instanceof EntryDetail.Redemption x) {
      return x.at();
    } else if (d instanceof EntryDetail.Transfer x) {
      return x.at();
    } else if (d instanceof EntryDetail.Settlement x) {
      return x.at();
    }
    return null;
  }
}

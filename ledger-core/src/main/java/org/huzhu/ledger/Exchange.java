package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How redemptions, transfers, settlements, expiries, catalog versions and whole-import reversals
 * are decided. Like {@link Commands}, each method reads until it has decided, then posts.
 */
final class Exchange {
  private Exchange() {}

  static Publication publishCatalog(LedgerState tx, List<CatalogItem> items, LocalDate today) {
    if (tx.catalogVersions > 0 && sameItems(tx.catalog, items)) {
      return new Publication("sys:catalog:" + tx.catalogVersions, tx.catalogVersions, false);
    }
    int version = tx.catalogVersions + 1;
    String id = "sys:catalog:" + version;
    Writer.post(tx, new Entry(0, id, today, List.of(), new EntryDetail.CatalogPublished(version, items)));
    return new Publication(id, version, true);
  }

  private static boolean sameItems(CatalogState current, List<CatalogItem> items) {
    if (current.items().size() != items.size()) {
      return false;
    }
    for (CatalogItem i : items) {
      if (!i.equals(current.items().get(i.id()))) {
        return false;
      }
    }
    return true;
  }

  static Receipt redeem(LedgerState tx, RedeemRequest r, LocalDateTime now) {
    EntryDetail.Redemption wanted =
        new EntryDetail.Redemption(r.member(), r.item(), "-", r.quantity(), 0, r.at(), List.of());
    Entry earlier = Commands.repeatOf(tx, r.id(), wanted);
    if (earlier != null) {
      return new Receipt(earlier, true, List.of());
    }
    LocalDate day = Commands.effectiveDate(r.at(), now);
    MemberState m = Commands.knownMember(tx, r.member());
    Commands.notBeforeJoined(m, day);
    Commands.notBackDated(m, day);
    CatalogItem item = tx.catalog.items().get(r.item());
    if (item == null) {
      throw LedgerRefusal.of(Reason.UNKNOWN_ITEM, "unknown-item", r.item());
    }
    if (r.quantity() < 1 || r.quantity() > Requests.MAX_AMOUNT) {
      throw LedgerRefusal.of(Reason.BAD_QUANTITY, "bad-quantity", Requests.shown(r.quantity()));
    }
    Long left = tx.catalog.stockLeft().get(item.id());
    if (left != null && left < r.quantity()) {
      throw LedgerRefusal.of(Reason.OUT_OF_STOCK, "out-of-stock", item.id(), left, r.quantity());
    }
    if (item.limitPerMemberPerMonth() != null) {
      long had = m.monthlyQuantity.getOrDefault(MemberState.monthKey(day, item.id()), 0L);
      if (had + r.quantity() > item.limitPerMemberPerMonth()) {
        throw LedgerRefusal.of(
            Reason.OVER_LIMIT, "over-limit", m.id, had, item.id(), java.time.YearMonth.from(day), item.limitPerMemberPerMonth());
      }
    }
    // Price and quantity are each at most 10^12, so the product may pass a long: compare exactly.
    java.math.BigInteger cost = java.math.BigInteger.valueOf(item.pricePoints()).multiply(java.math.BigInteger.valueOf(r.quantity()));
    long spendable = m.spendablePoints(day);
    if (cost.compareTo(java.math.BigInteger.valueOf(spendable)) > 0) {
      throw LedgerRefusal.of(Reason.INSUFFICIENT_POINTS, "few-spendable-points", m.id, spendable, cost);
    }
    long price = cost.longValueExact();
    List<EntryDetail.LotSpend> spent = Commands.spendOldestFirst(tx, m, price, day);
    List<Entry> expiries = Commands.expireDue(tx, r.member(), day);
    EntryDetail.Redemption d =
        new EntryDetail.Redemption(r.member(), item.id(), item.merchant(), r.quantity(), item.pricePoints(), r.at(), spent);
    Entry e = new Entry(0, r.id(), day, EntryPostings.of(d, null), d);
    return new Receipt(Writer.post(tx, e), false, expiries);
  }

  static Receipt transfer(LedgerState tx, TransferRequest r, LocalDateTime now) {
    Account from = TransferRequest.account(r.from());
    Account to = TransferRequest.account(r.to());
    EntryDetail.Transfer wanted = new EntryDetail.Transfer(from, to, r.minutes(), r.memo(), r.at());
    Entry earlier = Commands.repeatOf(tx, r.id(), wanted);
    if (earlier != null) {
      return new Receipt(earlier, true, List.of());
    }
    LocalDate day = Commands.effectiveDate(r.at(), now);
    List<MemberState> members = new ArrayList<>();
    for (Account a : List.of(from, to)) {
      if (a.isMember()) {
        members.add(Commands.knownMember(tx, a.ownerId()));
      }
    }
    for (MemberState m : members) {
      Commands.notBeforeJoined(m, day);
    }
    for (MemberState m : members) {
      Commands.notBackDated(m, day);
    }
    if (from.equals(to)) {
      throw LedgerRefusal.of(Reason.SAME_ACCOUNT, "same-account", from);
    }
    if (r.minutes() < 1 || r.minutes() > Requests.MAX_AMOUNT) {
      throw LedgerRefusal.of(Reason.BAD_AMOUNT, "bad-transfer-minutes", Requests.shown(r.minutes()));
    }
    EntryDetail.Transfer d = new EntryDetail.Transfer(from, to, r.minutes(), r.memo(), r.at());
    List<Posting> postings = EntryPostings.of(d, null);
    Commands.checkFloors(tx, postings, day);
    Entry e = new Entry(0, r.id(), day, postings, d);
    return new Receipt(Writer.post(tx, e), false, List.of());
  }

  static Receipt settle(LedgerState tx, SettleRequest r, LocalDateTime now) {
    EntryDetail.Settlement wanted = new EntryDetail.Settlement(r.merchant(), r.points(), r.at());
    Entry earlier = Commands.repeatOf(tx, r.id(), wanted);
    if (earlier != null) {
      return new Receipt(earlier, true, List.of());
    }
    LocalDate day = Commands.effectiveDate(r.at(), now);
    if (r.points() < 1 || r.points() > Requests.MAX_AMOUNT) {
      throw LedgerRefusal.of(Reason.BAD_AMOUNT, "bad-settle-points", Requests.shown(r.points()));
    }
    Account merchant = Account.merchant(r.merchant());
    long[] owed = tx.account(merchant);
    long have = owed == null ? 0 : owed[0];
    if (have < r.points()) {
      throw LedgerRefusal.of(Reason.INSUFFICIENT_POINTS, "owed-less", merchant, have, r.points());
    }
    EntryDetail.Settlement d = new EntryDetail.Settlement(r.merchant(), r.points(), r.at());
    Entry e = new Entry(0, r.id(), day, EntryPostings.of(d, null), d);
    return new Receipt(Writer.post(tx, e), false, List.of());
  }

  static ExpiryResult expire(LedgerState tx, LocalDate asOf, LocalDate today) {
    if (asOf.isAfter(today)) {
      throw LedgerRefusal.of(Reason.IN_FUTURE, "as-of-in-future", asOf, today);
    }
    record Due(String member, Lot lot) {}
    List<Due> due = new ArrayList<>();
    LedgerState root = tx;
    long day = asOf.toEpochDay();
    for (String id : memberIds(root)) {
      Lots lots = tx.member(id).lots;
      for (int i = 0; i < lots.size(); i++) {
        if (!lots.expired(i) && lots.remaining(i) > 0 && lots.isDueOn(i, day)) {
          due.add(new Due(id, lots.get(i)));
        }
      }
    }
    due.sort(Comparator.comparing((Due d) -> d.lot().expiresOn()).thenComparingLong(d -> d.lot().seq()));
    List<Entry> written = new ArrayList<>();
    long points = 0;
    for (Due d : due) {
      points += d.lot().remaining();
      written.add(Writer.post(tx, Commands.expiryEntry(tx, d.member(), d.lot())));
    }
    return new ExpiryResult(written.size(), points, written);
  }

  private static List<String> memberIds(LedgerState s) {
    return s.memberIds();
  }

  /** Every unreversed credit of one import, reversed in one batch, or none. */
  static List<Receipt> reverseImport(
      LedgerState tx, String importId, String reason, LocalDateTime at, LocalDateTime now, Commands.EntryLookup lookup) {
    Commands.effectiveDate(at, now);
    Seqs credits = tx.importCredits(importId);
    if (credits == null) {
      throw LedgerRefusal.of(Reason.UNKNOWN_IMPORT, "unknown-import", importId);
    }
    List<Receipt> out = new ArrayList<>();
    for (long seq : credits.stream().toArray()) {
      String id = tx.idOf(seq);
      EntryInfo info = tx.entry(id);
      if (info.reversedBy() != null) {
        continue;
      }
      try {
        out.add(Commands.reverse(tx, new ReverseRequest(id, reason, null, at), now, lookup));
      } catch (LedgerRefusal refused) {
        throw LedgerRefusal.of(refused.reason(), "import-not-reversible", importId, refused);
      }
    }
    return out;
  }
}

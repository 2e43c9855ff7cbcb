package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What an entry is, beyond its postings: one record type per kind of entry. Everything a
 * volunteer or an auditor needs to know why the postings are what they are is here; nothing that
 * names a person is.
 */
public sealed interface EntryDetail
    permits EntryDetail.LedgerCreated,
        EntryDetail.Enrolment,
        EntryDetail.RulesPublished,
        EntryDetail.CatalogPublished,
        EntryDetail.Credit,
        EntryDetail.Adjustment,
        EntryDetail.Reversal,
        EntryDetail.Redemption,
        EntryDetail.Transfer,
        EntryDetail.Expiry,
        EntryDetail.Settlement {

  /** The kind's stable name as written in the journal and in JSON output. */
  String kind();

  /** The first entry of every ledger: its time zone. */
  record LedgerCreated(ZoneId zone) implements EntryDetail {
    public LedgerCreated {
      Objects.requireNonNull(zone, "zone");
    }

    @Override
    public String kind() {
      return "ledger";
    }
  }

  /** A member enrolled, or a change of their team or grid (the latest wins). */
  record Enrolment(String member, LocalDate joinedOn, String team, String grid)
      implements EntryDetail {
    public Enrolment {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(joinedOn, "joinedOn");
    }

    @Override
    public String kind() {
      return "enrolment";
    }
  }

  /** A version of the accrual rules, in its canonical JSON form. */
  record RulesPublished(int version, LocalDate effectiveFrom, String rulesJson)
      implements EntryDetail {
    public RulesPublished {
      Objects.requireNonNull(effectiveFrom, "effectiveFrom");
      Objects.requireNonNull(rulesJson, "rulesJson");
    }

    @Override
    public String kind() {
      return "rules";
    }
  }

  /** A version of the catalog, replacing the previous one. */
  record CatalogPublished(int version, List<CatalogItem> items) implements EntryDetail {
    public CatalogPublished {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "catalog";
    }
  }

  /**
   * Hours and points credited for one verified sign-in, with the breakdown that explains them.
   *
   * @param member who served
   * @param activity the activity key
   * @param checkIn check-in in the ledger's zone
   * @param checkOut check-out in the ledger's zone, or null for an event without one
   * @param verifiedBy who confirmed the service
   * @param team the team given on the sign-in, or null
   * @param grid the grid given on the sign-in, or null
   * @param importId the import that credited it
   * @param breakdown how the points and minutes were derived
   */
  record Credit(
      String member,
      String activity,
      ZonedDateTime checkIn,
      ZonedDateTime checkOut,
      String verifiedBy,
      String team,
      String grid,
      String importId,
      org.huzhu.ledger.rules.CreditBreakdown breakdown)
      implements EntryDetail {
    public Credit {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(activity, "activity");
      Objects.requireNonNull(checkIn, "checkIn");
      Objects.requireNonNull(verifiedBy, "verifiedBy");
      Objects.requireNonNull(breakdown, "breakdown");
    }

    @Override
    public String kind() {
      return "credit";
    }
  }

  /**
   * A manual correction or backfill of one member's points or minutes.
   *
   * @param spent the lots a negative points adjustment spent, oldest first
   */
  record Adjustment(
      String member,
      long points,
      long minutes,
      String reason,
      String approvedBy,
      LocalDateTime at,
      List<LotSpend> spent)
      implements EntryDetail {
    public Adjustment {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(approvedBy, "approvedBy");
      spent = List.copyOf(spent);
    }

    @Override
    public String kind() {
      return "adjustment";
    }
  }

  /**
   * The exact opposite of an earlier entry.
   *
   * @param target the id of the reversed entry
   * @param restored points put back into the lots they were spent from
   */
  record Reversal(String target, String reason, LocalDateTime at, List<LotSpend> restored)
      implements EntryDetail {
    public Reversal {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(reason, "reason");
      restored = List.copyOf(restored);
    }

    @Override
    public String kind() {
      return "reversal";
    }
  }

  /** Points redeemed for a catalog item at a merchant, spending lots oldest first. */
  record Redemption(
      String member,
      String item,
      String merchant,
      long quantity,
      long pricePoints,
      LocalDateTime at,
      List<LotSpend> spent)
      implements EntryDetail {
    public Redemption {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(merchant, "merchant");
      spent = List.copyOf(spent);
    }

    @Override
    public String kind() {
      return "redemption";
    }
  }

  /** Minutes moved between members, or to or from the community pool. */
  record Transfer(Account from, Account to, long minutes, String memo, LocalDateTime at)
      implements EntryDetail {
    public Transfer {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    public String kind() {
      return "transfer";
    }
  }

  /** The points left in one lot, moved to {@code community:expired} on its expiry date. */
  record Expiry(String member, String lot, long points) implements EntryDetail {
    public Expiry {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(lot, "lot");
    }

    @Override
    public String kind() {
      return "expiry";
    }
  }

  /** The community paid a merchant for points. */
  record Settlement(String merchant, long points, LocalDateTime at) implements EntryDetail {
    public Settlement {
      Objects.requireNonNull(merchant, "merchant");
    }

    @Override
    public String kind() {
      return "settlement";
    }
  }

  /**
   * Points taken from (or put back into) one lot.
   *
   * @param lot the id of the entry that made the lot
   * @param points how many
   */
  record LotSpend(String lot, long points) {
    public LotSpend {
      Objects.requireNonNull(lot, "lot");
    }
  }
}

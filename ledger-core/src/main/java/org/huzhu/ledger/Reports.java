package org.huzhu.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The ledger's summaries, as values (the command only formats them). Monthly reports count
 * redemptions and credits in the month of their date and reversals in the month of theirs.
 */
public final class Reports {
  private Reports() {}

  /**
   * What the community owes: points members can still spend, by the month their lots expire;
   * minutes outstanding; what each merchant is owed.
   *
   * @param asOf the day the figures describe
   * @param pointsOutstanding the sum of member points
   * @param minutesOutstanding the sum of member minutes
   * @param byExpiryMonth points in lots by expiry month; a null month means the lots never expire
   * @param owedToMerchants each merchant's balance
   * @param settled points the community has paid merchants for
   */
  public record Liability(
      LocalDate asOf,
      long pointsOutstanding,
      long minutesOutstanding,
      List<ExpiryBucket> byExpiryMonth,
      List<Balance> owedToMerchants,
      long settled) {
    public Liability {
      byExpiryMonth = List.copyOf(byExpiryMonth);
      owedToMerchants = List.copyOf(owedToMerchants);
    }
  }

  /** Points that expire in one month (null: never). */
  public record ExpiryBucket(YearMonth month, long points) {}

  /**
   * Redemptions per merchant in a month, net of reversals: what each merchant is settled for.
   *
   * @param month the month
   * @param merchants one line per merchant with activity in the month or points owed
   */
  public record Merchants(YearMonth month, List<MerchantLine> merchants) {
    public Merchants {
      merchants = List.copyOf(merchants);
    }
  }

  /**
   * @param merchant the merchant's id
   * @param redeemed points redeemed in the month
   * @param reversed points of redemptions reversed in the month
   * @param net redeemed less reversed
   * @param settled points settled in the month, less settlements reversed in the month
   * @param owed what the community owes the merchant now
   */
  public record MerchantLine(String merchant, long redeemed, long reversed, long net, long settled, long owed) {}

  /**
   * Minutes and points credited per team and per grid in a month.
   *
   * @param teams one line per team (a null name: members without a team)
   * @param grids one line per grid
   */
  public record Teams(YearMonth month, List<GroupLine> teams, List<GroupLine> grids) {
    public Teams {
      teams = List.copyOf(teams);
      grids = List.copyOf(grids);
    }
  }

  /** One team's or grid's credits in a month, net of reversals. */
  public record GroupLine(String name, long credits, long minutes, long points) {}

  /**
   * The top volunteers by credited minutes in a month, net of the month's reversals. Ties share a
   * rank (and are listed by member id), so a cut at the top N keeps every member tied at rank N. A
   * member whose month nets to fewer than 0 minutes, or to 0 minutes and no points, is not listed.
   */
  public record Leaderboard(YearMonth month, List<Leader> leaders) {
    public Leaderboard {
      leaders = List.copyOf(leaders);
    }
  }

  /** A volunteer's place on the leaderboard (ties share a rank). */
  public record Leader(int rank, String member, long minutes, long points, long credits) {}

  /**
   * A certificate of volunteer service: verified minutes per activity, the credits behind them,
   * and the journal head, so that anyone holding the journal can check it.
   *
   * @param member the member's id
   * @param joinedOn when they joined
   * @param from first day, or null
   * @param to last day, or null
   * @param activities verified minutes per activity, unreversed credits only
   * @param verifiedMinutes their sum
   * @param backfilledMinutes minutes added by adjustments in the period, shown apart
   * @param head the journal head as {@code SEQ:HASH} when the certificate was made
   */
  public record Certificate(
      String member,
      LocalDate joinedOn,
      LocalDate from,
      LocalDate to,
      List<ActivityLine> activities,
      long verifiedMinutes,
      long backfilledMinutes,
      String head) {
    public Certificate {
      activities = List.copyOf(activities);
    }
  }

  /** Verified minutes of one activity and the credit entries behind them. */
  public record ActivityLine(String activity, long minutes, List<String> entries) {
    public ActivityLine {
      entries = List.copyOf(entries);
    }
  }
}

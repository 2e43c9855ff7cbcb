package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's statement for a period: the opening balance, every entry that concerns them with an
 * explanation, and the closing balance.
 *
 * @param member the member's id
 * @param from first day (inclusive), or null for the beginning
 * @param to last day (inclusive), or null for the end
 * @param opening balance before {@code from}
 * @param lines entries dated in the period, by date then journal order
 * @param closing balance at the end of {@code to}
 */
public record Statement(
    String member, LocalDate from, LocalDate to, Balance opening, List<Line> lines, Balance closing) {
  public Statement {
    lines = List.copyOf(lines);
  }

  /**
   * One entry of a statement.
   *
   * @param entry the entry
   * @param points what it moved into (or out of) the member's points
   * @param minutes what it moved into (or out of) the member's minutes
   * @param explanation why, for a volunteer (a credit's breakdown, an adjustment's reason)
   */
  public record Line(Entry entry, long points, long minutes, String explanation) {}
}

package org.huzhu.ledger.imports;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One member of a members file.
 *
 * @param line physical line of the row, from 1 (the header is line 1)
 * @param memberId {@code [A-Za-z0-9._-]{1,64}}, not {@code pool}, {@code issued} or {@code
 *     expired}
 * @param joinedOn the day the member joined
 * @param team any text of 1 to 200 characters, or null when empty or absent
 * @param grid any text of 1 to 200 characters, or null when empty or absent
 */
public record MemberRow(int line, String memberId, LocalDate joinedOn, String team, String grid) {
  /**
   * @throws IllegalArgumentException naming the field if a value breaks the rules above
   * @throws NullPointerException if {@code memberId} or {@code joinedOn} is null
   */
  public MemberRow {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(joinedOn, "joinedOn");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    if (!Ids.isPlainId(memberId) || MembersFile.isReserved(memberId)) {
      throw new IllegalArgumentException("invalid memberId: '" + memberId + "'");
    }
    if (team != null && !Ids.isLabel(team)) {
      throw new IllegalArgumentException("invalid team: '" + team + "'");
    }
    if (grid != null && !Ids.isLabel(grid)) {
      throw new IllegalArgumentException("invalid grid: '" + grid + "'");
    }
  }
}

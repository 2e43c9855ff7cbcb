package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member to enrol, as a members file lists them. No names or other personal data: those belong
 * to the app's own store.
 *
 * @param memberId the member's id
 * @param joinedOn the day they joined
 * @param team their volunteer team, or null
 * @param grid their grid, or null
 */
public record MemberRecord(String memberId, LocalDate joinedOn, String team, String grid) {
  /** @throws IllegalArgumentException if the id is malformed or reserved */
  public MemberRecord {
    Requests.checkMember(memberId);
    if (memberId.equals("pool") || memberId.equals("issued") || memberId.equals("expired")) {
      throw new IllegalArgumentException("member id '" + memberId + "' is reserved");
    }
    Objects.requireNonNull(joinedOn, "joinedOn");
  }
}

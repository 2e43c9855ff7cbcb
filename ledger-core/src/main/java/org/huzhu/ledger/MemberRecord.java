package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A member to enrol, as a members file lists them. No names or other personal data: those belong
 * to the app's own store.
 *
 * @param memberId the member's id
 * @param joinedOn the day they joined
 * @param team their volunteer team, or null (trimmed; empty is none; at most 200 characters)
 * @param grid their grid, or null (likewise)
 */
public record MemberRecord(String memberId, LocalDate joinedOn, String team, String grid) {
  /** @throws IllegalArgumentException if the id is malformed or reserved */
  public MemberRecord {
    Requests.checkMember(memberId);
    if (memberId.equals("pool") || memberId.equals("issued") || memberId.equals("expired")) {
      throw new IllegalArgumentException("member id '" + memberId + "' is reserved");
    }
    Objects.requireNonNull(joinedOn, "joinedOn");
    team = label("team", team);
    grid = label("grid", grid);
  }

  private static final int MAX_LABEL = 200;

  /** As a members file reads them: trimmed, empty meaning none, at most 200 characters. */
  private static String label(String what, String value) {
    String v = Texts.trim(value);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.length() > MAX_LABEL) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_LABEL + " characters");
    }
    return v;
  }
}

package org.huzhu.ledger.imports;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A sign-in row whose fields all passed their patterns, with its times in the ledger's zone.
 *
 * <p>Whether it is credited is the ledger's decision: an empty {@code verifiedBy} is valid here and
 * rejected there as {@code not-verified}; a null {@code checkOut} is a forgotten check-out for an
 * hour-based activity and allowed for an event-based one.
 *
 * @param line physical line on which the row starts, from 1 (the CSV header is line 1)
 * @param ordinal position among the file's rows, from 0
 * @param signinId {@code [A-Za-z0-9._:-]{1,64}}, not starting with {@code reversal:}, {@code
 *     expire:} or {@code sys:}
 * @param memberId {@code [A-Za-z0-9._-]{1,64}}
 * @param activity the activity key as the sheet gives it: non-empty, at most 200 characters (one
 *     that no rule version defines is rejected as {@code unknown-activity})
 * @param checkIn when the service began
 * @param checkOut when it ended; null when the field was empty
 * @param verifiedBy who confirmed it, {@code [A-Za-z0-9._-]{1,64}}, or empty
 * @param team any text of 1 to 200 characters, or null when empty
 * @param grid any text of 1 to 200 characters, or null when empty
 * @param note 1 to {@value #MAX_NOTE} characters shown during import and never stored, or null
 */
public record SigninRow(
    int line,
    int ordinal,
    String signinId,
    String memberId,
    String activity,
    ZonedDateTime checkIn,
    ZonedDateTime checkOut,
    String verifiedBy,
    String team,
    String grid,
    String note)
    implements ReadRow {
  /** Longest note: the longest value of any field. */
  public static final int MAX_NOTE = SigninFields.FIELD_CAP;

  /**
   * @throws IllegalArgumentException naming the field if a value breaks the rules above
   * @throws NullPointerException if a non-nullable value is null
   */
  public SigninRow {
    Objects.requireNonNull(signinId, "signinId");
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(checkIn, "checkIn");
    Objects.requireNonNull(verifiedBy, "verifiedBy");
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0: " + ordinal);
    }
    require(Ids.isUserEntryId(signinId), "signinId", signinId);
    require(Ids.isPlainId(memberId), "memberId", memberId);
    require(Ids.isLabel(activity), "activity", activity);
    require(verifiedBy.isEmpty() || Ids.isPlainId(verifiedBy), "verifiedBy", verifiedBy);
    require(team == null || Ids.isLabel(team), "team", team);
    require(grid == null || Ids.isLabel(grid), "grid", grid);
    require(note == null || (!note.isEmpty() && note.length() <= MAX_NOTE), "note", note);
  }

  private static void require(boolean ok, String field, String value) {
    if (!ok) {
      throw new IllegalArgumentException("invalid " + field + ": '" + value + "'");
    }
  }
}

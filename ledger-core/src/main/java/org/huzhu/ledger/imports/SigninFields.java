package org.huzhu.ledger.imports;

import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * The sign-in columns, and the checks that turn their text into a {@link SigninRow} or a {@link
 * MalformedRow}. Shared by the CSV and JSON-lines readers so both apply the same rules and word
 * their details alike.
 */
final class SigninFields {
  static final int SIGNIN_ID = 0;
  static final int MEMBER_ID = 1;
  static final int ACTIVITY = 2;
  static final int CHECK_IN = 3;
  static final int CHECK_OUT = 4;
  static final int VERIFIED_BY = 5;
  static final int TEAM = 6;
  static final int GRID = 7;
  static final int NOTE = 8;

  /** Column names, indexed by the constants above. */
  static final String[] NAMES = {
    "signin_id", "member_id", "activity", "check_in", "check_out", "verified_by", "team", "grid",
    "note"
  };

  /** Columns a header must have. */
  static final int REQUIRED = 6;

  /** Longest value of any field; longer ones are not retained and make the row malformed. */
  static final int FIELD_CAP = 4096;

  private static final int SHOWN = 40;

  private SigninFields() {}

  /** Index of the column called {@code name}, or -1. */
  static int indexOf(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Checks one row's values.
   *
   * @param values trimmed values indexed by the column constants; empty when absent
   * @param overlong which values exceeded {@link #FIELD_CAP} (they hold only a prefix)
   */
  static ReadRow toRow(
      int line, int ordinal, String[] values, boolean[] overlong, ZoneResolver zone) {
    String signinId = values[SIGNIN_ID];
    for (int i = 0; i < NAMES.length; i++) {
      if (overlong[i]) {
        return malformed(
            line, ordinal, signinId, NAMES[i] + " is longer than " + FIELD_CAP + " characters");
      }
    }
    if (signinId.isEmpty()) {
      return malformed(line, ordinal, signinId, "signin_id is empty");
    }
    if (!Ids.isUserEntryId(signinId)) {
      String why =
          Ids.isReservedPrefix(signinId)
              ? "starts with a prefix the ledger reserves (reversal:, expire:, sys:)"
              : "does not match [A-Za-z0-9._:-]{1,64}";
      return malformed(line, ordinal, signinId, "signin_id " + show(signinId) + " " + why);
    }
    String problem = plainId(values, MEMBER_ID);
    if (problem != null) {
      return malformed(line, ordinal, signinId, problem);
    }
    // The contract gives activities no pattern: one that no rule version defines is
    // unknown-activity, in its place among the reasons, not malformed.
    if (values[ACTIVITY].isEmpty()) {
      return malformed(line, ordinal, signinId, "activity is empty");
    }
    if (values[ACTIVITY].length() > Ids.MAX_LABEL) {
      return malformed(line, ordinal, signinId, "activity is longer than " + Ids.MAX_LABEL + " characters");
    }
    String in = values[CHECK_IN];
    if (in.isEmpty()) {
      return malformed(line, ordinal, signinId, "check_in is empty");
    }
    ZonedDateTime checkIn = DateTimes.parseDateTime(in, zone);
    if (checkIn == null) {
      return malformed(line, ordinal, signinId, badDateTime("check_in", in));
    }
    String out = values[CHECK_OUT];
    ZonedDateTime checkOut = null;
    if (!out.isEmpty()) {
      checkOut = DateTimes.parseDateTime(out, zone);
      if (checkOut == null) {
        return malformed(line, ordinal, signinId, badDateTime("check_out", out));
      }
    }
    String verifiedBy = values[VERIFIED_BY];
    if (!verifiedBy.isEmpty() && !Ids.isPlainId(verifiedBy)) {
      return malformed(line, ordinal, signinId, plainId(values, VERIFIED_BY));
    }
    for (int i = TEAM; i <= GRID; i++) {
      if (values[i].length() > Ids.MAX_LABEL) {
        return malformed(
            line, ordinal, signinId, NAMES[i] + " is longer than " + Ids.MAX_LABEL + " characters");
      }
    }
    String note = values[NOTE];
    return new SigninRow(
        line,
        ordinal,
        signinId,
        values[MEMBER_ID],
        values[ACTIVITY],
        checkIn,
        checkOut,
        verifiedBy,
        nullIfEmpty(values[TEAM]),
        nullIfEmpty(values[GRID]),
        nullIfEmpty(note));
  }

  /** A malformed row whose detail is prefixed with its line. */
  static MalformedRow malformed(int line, int ordinal, String signinId, String problem) {
    String kept =
        signinId.length() > MalformedRow.MAX_SIGNIN_ID_SHOWN
            ? signinId.substring(0, MalformedRow.MAX_SIGNIN_ID_SHOWN)
            : signinId;
    return new MalformedRow(line, ordinal, kept, "line " + line + ": " + problem);
  }

  private static String plainId(String[] values, int field) {
    String v = values[field];
    if (v.isEmpty()) {
      return NAMES[field] + " is empty";
    }
    return Ids.isPlainId(v) ? null : NAMES[field] + " " + show(v) + " does not match [A-Za-z0-9._-]{1,64}";
  }

  private static String badDateTime(String field, String value) {
    return field + " " + show(value) + " is not a valid date-time";
  }

  private static String nullIfEmpty(String s) {
    return s.isEmpty() ? null : s;
  }

  /**
   * A value quoted for a one-line message: at most 40 characters, control characters escaped so a
   * value with a line break cannot split the message or the rejects file's line.
   */
  static String show(String value) {
    StringBuilder b = new StringBuilder(Math.min(value.length(), SHOWN) + 8).append('\'');
    int n = Math.min(value.length(), SHOWN);
    if (n < value.length() && Character.isHighSurrogate(value.charAt(n - 1))) {
      n--; // never cut a character in half
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    if (value.length() > SHOWN) {
      b.append('…');
    }
    return b.append('\'').toString();
  }
}

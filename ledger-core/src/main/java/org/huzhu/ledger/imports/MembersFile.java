package org.huzhu.ledger.imports;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.huzhu.ledger.LedgerRefusal;

/**
 * Reads a members file: CSV with the columns {@code member_id, joined_on} and optionally {@code
 * team, grid}, in any order, with a header.
 *
 * <p>Enrolment is all or nothing, so unlike a sign-in file any bad row refuses the whole file with
 * {@link LedgerRefusal} ({@code bad-file}) naming the line and the field: a wrong field count, a
 * {@code member_id} that is empty, does not match {@code [A-Za-z0-9._-]{1,64}} or is one of the
 * reserved {@code pool}, {@code issued}, {@code expired}; a {@code joined_on} that is not a possible
 * {@code YYYY-MM-DD}; a {@code team} or {@code grid} longer than 200 characters. The header, trimming, byte order mark and charset rules
 * are those of {@link SigninFiles}. Stateless; safe to use from several threads.
 */
public final class MembersFile {
  private static final String[] COLUMNS = {"member_id", "joined_on", "team", "grid"};
  private static final int MEMBER_ID = 0;
  private static final int JOINED_ON = 1;
  private static final int TEAM = 2;
  private static final int GRID = 3;
  private static final int FIELD_CAP = 256;

  private MembersFile() {}

  /**
   * Reads and checks a whole members file.
   *
   * <p>Every row is returned, in file order: a member listed again is enrolled once, and a later row
   * with another team or grid changes them, as if the rows came in files of their own. Whether a
   * row's {@code joined_on} agrees with an earlier row's, or with the ledger's, is the ledger's to
   * decide, in file order ({@code Ledger.enrolFile}).
   *
   * @param file the CSV file
   * @param charset its encoding, normally UTF-8
   * @return the members in file order
   * @throws LedgerRefusal ({@code bad-file}) naming the line and field of the first problem
   */
  public static List<MemberRow> read(Path file, Charset charset) {
    String name = Objects.requireNonNull(file, "file").toString();
    List<MemberRow> members = new ArrayList<>();
    try (DecodingSource src = DecodingSource.open(file, charset)) {
      CsvTokenizer csv = new CsvTokenizer(src, FIELD_CAP);
      int[] columnAt = new int[COLUMNS.length];
      int headerFields = Headers.read(csv, name, COLUMNS, 2, columnAt);
      boolean[] keep = new boolean[headerFields];
      for (int at : columnAt) {
        if (at >= 0) {
          keep[at] = true;
        }
      }
      csv.retain(keep);
      while (csv.next()) {
        int line = csv.recordLine();
        if (csv.badQuoting()) {
          throw Headers.refuse(name, line, "a quoted field is not closed properly");
        }
        if (csv.fieldCount() != headerFields) {
          throw Headers.refuse(
              name, line, csv.fieldCount() + " fields where the header has " + headerFields);
        }
        for (int k = 0; k < COLUMNS.length; k++) {
          if (columnAt[k] >= 0 && csv.overlong(columnAt[k])) {
            throw Headers.refuse(
                name, line, COLUMNS[k] + " is longer than " + FIELD_CAP + " characters");
          }
        }
        MemberRow row = toRow(name, line, csv, columnAt);
        members.add(row);
      }
    }
    return List.copyOf(members);
  }

  private static MemberRow toRow(String name, int line, CsvTokenizer csv, int[] columnAt) {
    String id = csv.value(columnAt[MEMBER_ID]);
    if (id.isEmpty()) {
      throw Headers.refuse(name, line, "member_id is empty");
    }
    if (!Ids.isPlainId(id)) {
      throw Headers.refuse(
          name, line, "member_id " + SigninFields.show(id) + " does not match [A-Za-z0-9._-]{1,64}");
    }
    if (isReserved(id)) {
      throw Headers.refuse(name, line, "member_id '" + id + "' is reserved");
    }
    String joined = csv.value(columnAt[JOINED_ON]);
    LocalDate joinedOn = DateTimes.parseDate(joined);
    if (joinedOn == null) {
      throw Headers.refuse(
          name,
          line,
          joined.isEmpty()
              ? "joined_on is empty"
              : "joined_on " + SigninFields.show(joined) + " is not a valid date (YYYY-MM-DD)");
    }
    String team = label(name, line, csv, columnAt[TEAM], "team");
    String grid = label(name, line, csv, columnAt[GRID], "grid");
    return new MemberRow(line, id, joinedOn, team, grid);
  }

  private static String label(String name, int line, CsvTokenizer csv, int at, String column) {
    if (at < 0) {
      return null;
    }
    String v = csv.value(at);
    if (v.length() > Ids.MAX_LABEL) {
      throw Headers.refuse(name, line, column + " is longer than " + Ids.MAX_LABEL + " characters");
    }
    return v.isEmpty() ? null : v;
  }

  /** Whether {@code memberId} names one of the community's own accounts. */
  static boolean isReserved(String memberId) {
    return memberId.equals("pool") || memberId.equals("issued") || memberId.equals("expired");
  }
}

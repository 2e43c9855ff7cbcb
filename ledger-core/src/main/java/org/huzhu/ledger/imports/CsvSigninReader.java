package org.huzhu.ledger.imports;

import java.time.ZoneId;

/** Sign-in rows from a CSV file: the header decides which columns are read and where. */
final class CsvSigninReader extends DecodedReader {
  private final CsvTokenizer csv;
  private final ZoneResolver zone;
  /** For each known column, its index in the record. */
  private final int[] columnAt = new int[SigninFields.NAMES.length];
  private final int headerFields;
  private final String[] values = new String[SigninFields.NAMES.length];
  private final boolean[] overlong = new boolean[SigninFields.NAMES.length];

  /**
   * Reads the header.
   *
   * @throws LedgerRefusal ({@code bad-file}) for a missing header, a missing required or a repeated
   *     known column, or invalid bytes in the header
   */
  CsvSigninReader(DecodingSource src, ZoneId zone) {
    super(src);
    this.zone = new ZoneResolver(zone);
    this.csv = new CsvTokenizer(src, SigninFields.FIELD_CAP);
    this.headerFields = Headers.read(csv, src.fileName(), SigninFields.NAMES, SigninFields.REQUIRED, columnAt);
    boolean[] keep = new boolean[headerFields];
    for (int at : columnAt) {
      if (at >= 0) {
        keep[at] = true;
      }
    }
    csv.retain(keep);
  }

  @Override
  protected ReadRow computeNext() {
    ReadRow row = readNext();
    return row == null ? endOfData() : row;
  }

  private ReadRow readNext() {
    if (!csv.next()) {
      return null;
    }
    int line = csv.recordLine();
    int n = ordinal++;
    for (int i = 0; i < columnAt.length; i++) {
      int at = columnAt[i];
      values[i] = at < 0 ? "" : csv.value(at);
      overlong[i] = at >= 0 && csv.overlong(at);
    }
    if (csv.badQuoting()) {
      return SigninFields.malformed(
          line, n, values[SigninFields.SIGNIN_ID], "a quoted field is not closed properly");
    }
    if (csv.fieldCount() != headerFields) {
      return SigninFields.malformed(
          line,
          n,
          values[SigninFields.SIGNIN_ID],
          csv.fieldCount() + " fields where the header has " + headerFields);
    }
    return SigninFields.toRow(line, n, values, overlong, zone);
  }
}

package org.huzhu.ledger.imports;

import java.util.Arrays;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

/** Reads and checks a CSV header against the columns a file kind knows. */
final class Headers {
  private Headers() {}

  /**
   * Reads the first non-blank record as the header and locates the known columns.
   *
   * @param known the known column names
   * @param required how many of {@code known}, from the first, must be present
   * @param columnAt filled with each known column's index in the record, or -1
   * @return the number of fields of the header
   * @throws LedgerRefusal ({@code bad-file}) naming the column for a missing required or a repeated
   *     known column; also for a missing header or a header too wide
   */
  static int read(CsvTokenizer csv, String file, String[] known, int required, int[] columnAt) {
    if (!csv.next()) {
      throw refuse(file, 1, "no header row (expected " + String.join(",", Arrays.copyOf(known, required)) + ")");
    }
    int line = csv.recordLine();
    if (csv.fieldCount() > CsvTokenizer.MAX_COLUMNS) {
      throw refuse(file, line, "the header has more than " + CsvTokenizer.MAX_COLUMNS + " columns");
    }
    if (csv.badQuoting()) {
      throw refuse(file, line, "a quoted header name is not closed properly");
    }
    Arrays.fill(columnAt, -1);
    for (int i = 0; i < csv.fieldCount(); i++) {
      String name = csv.value(i);
      for (int k = 0; k < known.length; k++) {
        if (known[k].equals(name)) {
          if (columnAt[k] >= 0) {
            throw refuse(file, line, "column " + name + " appears more than once");
          }
          columnAt[k] = i;
        }
      }
    }
    for (int k = 0; k < required; k++) {
      if (columnAt[k] < 0) {
        throw refuse(file, line, "missing column " + known[k]);
      }
    }
    return csv.fieldCount();
  }

  static LedgerRefusal refuse(String file, int line, String problem) {
    return new LedgerRefusal(Reason.BAD_FILE, file + ": line " + line + ": " + problem);
  }
}

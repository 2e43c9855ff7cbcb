package org.huzhu.ledger;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to import a sign-in file.
 *
 * @param charset the file's encoding (UTF-8 unless a spreadsheet wrote another, e.g. GB18030)
 * @param importId the import's id, or null for {@code import:} + the first 16 hex of the file's SHA-256
 * @param dryRun compute the summary, write nothing
 * @param allOrNothing write nothing if any row is rejected
 * @param progress told of rows read and decided, or null
 */
public record ImportOptions(
    Charset charset, String importId, boolean dryRun, boolean allOrNothing, ImportProgress progress) {
  public ImportOptions {
    Objects.requireNonNull(charset, "charset");
    if (importId != null) {
      Requests.checkId(importId);
    }
  }

  /** UTF-8, derived id, committing what is accepted. */
  public static ImportOptions defaults() {
    return new ImportOptions(StandardCharsets.UTF_8, null, false, false, null);
  }

  /** These options with {@code progress}. */
  public ImportOptions withProgress(ImportProgress p) {
    return new ImportOptions(charset, importId, dryRun, allOrNothing, p);
  }
}

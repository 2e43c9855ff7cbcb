package org.huzhu.ledger.imports;

/**
 * One row of a sign-in file as read: either a {@link SigninRow} whose every field passed its
 * pattern, or a {@link MalformedRow} the ledger rejects as {@code malformed}.
 *
 * <p>Blank lines are not rows. Rows are numbered in file order by {@link #ordinal()}.
 */
public sealed interface ReadRow permits SigninRow, MalformedRow {
  /** Physical line on which the row starts (the CSV header is line 1). */
  int line();

  /** Position of the row among the file's rows, from 0, in file order. */
  int ordinal();

  /** The row's {@code signin_id} as read (for a malformed row possibly empty or invalid). */
  String signinId();
}

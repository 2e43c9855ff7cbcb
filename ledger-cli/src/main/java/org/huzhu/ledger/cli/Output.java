package org.huzhu.ledger.cli;

/** A command's result, printable in each of the formats. */
interface Output {
  /** The value written as JSON: maps, lists, strings, numbers, booleans. */
  Object json();

  /** RFC 4180 text, with a header row. */
  String csv(Messages msg);

  /** Aligned text for a person. */
  String table(Messages msg);
}

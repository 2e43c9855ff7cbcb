package org.huzhu.ledger;

import java.util.List;

/**
 * What a writing command did.
 *
 * @param entry the command's entry (the original one when this was a repeat)
 * @param repeated whether the command repeated an earlier one with the same id and arguments, so
 *     that nothing was written
 * @param alsoWritten entries written together with it (the expiries of lots that fell due), in
 *     journal order
 */
public record Receipt(Entry entry, boolean repeated, List<Entry> alsoWritten) {
  public Receipt {
    alsoWritten = List.copyOf(alsoWritten);
  }
}

package org.huzhu.ledger;

import com.google.common.hash.Hasher;

/** The part of the fold that concerns sign-in credits. */
final class CreditFold {
  private CreditFold() {}

  static EntryInfo.CreditInfo apply(LedgerState s, Entry e) {
    return null;
  }

  static void reverse(LedgerState s, EntryInfo target) {}

  static void fingerprint(Hasher h, EntryDetail d) {}
}

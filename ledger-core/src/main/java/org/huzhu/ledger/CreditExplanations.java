package org.huzhu.ledger;

/** Explanations of credits. */
final class CreditExplanations {
  private CreditExplanations() {}

  static boolean concerns(EntryDetail d, String memberId) {
    return false;
  }

  static String of(EntryDetail d) {
    return d.kind();
  }
}

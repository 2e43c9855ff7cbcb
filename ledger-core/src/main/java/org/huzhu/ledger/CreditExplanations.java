package org.huzhu.ledger;

/** Explanations of credits. */
final class CreditExplanations {
  private CreditExplanations() {}

  static boolean concerns(EntryDetail d, String memberId) {
    return d instanceof EntryDetail.Credit c && c.member().equals(memberId);
  }

  static String of(EntryDetail d) {
    if (d instanceof EntryDetail.Credit c) {
      return c.breakdown().explanation();
    }
    return d.kind();
  }
}

package org.huzhu.ledger.journal;

/** Receives the records of a {@link Journal#scan}, and the damage that ends a scan. */
public interface RecordVisitor {

  /** A complete record whose hash and chain link are correct. Return false to stop the scan. */
  boolean record(JournalRecord record);

  /** The scan found damage and stops there. */
  void damage(JournalDamage damage);
}

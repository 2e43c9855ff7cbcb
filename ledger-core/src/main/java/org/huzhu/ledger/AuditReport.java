package org.huzhu.ledger;

import java.util.List;

/**
 * The result of verifying a journal from scratch.
 *
 * @param ok true when there are no findings
 * @param entries how many entries were read
 * @param seq the last sequence number read
 * @param head the hash of that entry (64 hex digits)
 * @param findings what is wrong, in journal order
 */
public record AuditReport(boolean ok, long entries, long seq, String head, List<Finding> findings) {
  public AuditReport {
    findings = List.copyOf(findings);
  }

  /**
   * One problem found by the audit.
   *
   * @param entry the entry's id, or {@code seq N} / a file name when no id could be read
   * @param check the contract's check code: {@code record}, {@code chain}, {@code tail}, {@code
   *     checkpoint}, {@code balance}, {@code state}, {@code floor}, {@code rederive}, {@code
   *     reversal}, {@code overlap} or {@code anchor}
   * @param detail what is wrong and where (segment and offset for storage damage)
   */
  public record Finding(String entry, String check, String detail) {}
}

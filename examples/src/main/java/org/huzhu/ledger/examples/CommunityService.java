package org.huzhu.ledger.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Account;
import org.huzhu.ledger.AdjustRequest;
import org.huzhu.ledger.AuditReport;
import org.huzhu.ledger.Balance;
import org.huzhu.ledger.EnrolmentSummary;
import org.huzhu.ledger.ImportOptions;
import org.huzhu.ledger.ImportSummary;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Publication;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.Statement;

/**
 * A small community app's service layer, built on the ledger's public API only: it enrols
 * volunteers, publishes the accrual rules, imports sign-in sheets, corrects a balance, shows a
 * volunteer their statement and runs the audit. Names and phone numbers would live in the app's
 * own database; the ledger only ever sees member ids.
 */
public final class CommunityService implements AutoCloseable {
  private final Ledger ledger;
  private final List<String> notifications = new ArrayList<>();

  private CommunityService(Ledger ledger) {
    this.ledger = ledger;
    // Tell volunteers what they earned, once it is durable.
    ledger.subscribe(
        e -> {
          synchronized (notifications) {
            notifications.add(e.id());
          }
        });
  }

  /** Opens the community's ledger in {@code dir}, creating it on first use. */
  public static CommunityService open(Path dir, ZoneId zone, Clock clock) {
    Ledger ledger = Ledger.exists(dir) ? Ledger.open(dir, clock) : Ledger.create(dir, zone, clock);
    return new CommunityService(ledger);
  }

  /** Enrols the volunteers of a members file. */
  public EnrolmentSummary enrol(Path membersCsv) {
    return ledger.enrolFile(membersCsv, StandardCharsets.UTF_8);
  }

  /** Publishes a version of the accrual rules. */
  public Publication publishRules(Path rulesJson) throws java.io.IOException {
    return ledger.publishRules(Files.readAllBytes(rulesJson), rulesJson.getFileName().toString());
  }

  /** Imports a sign-in sheet; rejected rows are in the summary, with their line and reason. */
  public ImportSummary importSheet(Path sheet) {
    return ledger.importSignins(sheet, ImportOptions.defaults());
  }

  /** Credits a volunteer for service that was recorded on paper, with an approver's id. */
  public Receipt backfill(String requestId, String memberId, long minutes, String approvedBy) {
    try {
      return ledger.adjust(
          new AdjustRequest(requestId, memberId, 0, minutes, "paper sign-in sheet", approvedBy, null));
    } catch (LedgerRefusal refused) {
      switch (refused.reason()) {
        case UNKNOWN_MEMBER, BEFORE_JOINED -> throw new IllegalArgumentException(refused.detail(), refused);
        default -> throw refused;
      }
    }
  }

  /** A volunteer's balance. */
  public Balance balanceOf(String memberId) {
    return ledger.balance(Account.member(memberId));
  }

  /** A volunteer's statement for a period. */
  public Statement statementOf(String memberId, LocalDate from, LocalDate to) {
    return ledger.statement(memberId, from, to);
  }

  /** Verifies the whole journal. */
  public AuditReport audit() {
    return ledger.verify(null);
  }

  /** The journal head, to keep elsewhere as an anchor ({@code SEQ:HASH}). */
  public String head() {
    return ledger.head();
  }

  /** Ids of entries volunteers were notified of so far. */
  public List<String> notified() {
    synchronized (notifications) {
      return List.copyOf(notifications);
    }
  }

  @Override
  public void close() {
    ledger.close();
  }
}

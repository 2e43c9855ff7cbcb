package org.huzhu.ledger.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.huzhu.ledger.RedeemRequest;
import org.huzhu.ledger.Reports;
import org.huzhu.ledger.SettleRequest;
import org.huzhu.ledger.Statement;
import org.huzhu.ledger.TransferRequest;

/**
 * A small community app's service layer, built on the ledger's public API only: it enrols
 * volunteers, publishes the accrual rules and the merchants' catalog, imports sign-in sheets,
 * corrects a balance, exchanges points at a merchant's counter, moves hours through the community
 * pool, settles with merchants at month end, shows a volunteer their statement and certificate, and
 * runs the audit. Names and phone numbers would live in the app's own database; the ledger only
 * ever sees member ids.
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

  /** Publishes the partner merchants' catalog (a new version replaces the old one). */
  public Publication publishCatalog(Path catalogJson) throws java.io.IOException {
    return ledger.publishCatalog(Files.readAllBytes(catalogJson), catalogJson.getFileName().toString());
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

  /**
   * What a merchant's counter shows after a volunteer asks to exchange points for an item: either
   * the receipt, or a reason the volunteer can act on. The counter retries with the same request id
   * after a lost connection, and the ledger answers with the first receipt instead of charging twice.
   */
  public record CounterReply(Receipt receipt, String refusal) {
    public boolean done() {
      return receipt != null;
    }
  }

  /** Exchanges a volunteer's points for {@code quantity} of a catalog item. */
  public CounterReply redeem(String requestId, String memberId, String item, int quantity) {
    try {
      return new CounterReply(ledger.redeem(new RedeemRequest(requestId, memberId, item, quantity, null)), null);
    } catch (LedgerRefusal refused) {
      return switch (refused.reason()) {
        case INSUFFICIENT_POINTS -> new CounterReply(null, "not enough points: " + refused.detail());
        case OUT_OF_STOCK -> new CounterReply(null, "sold out: " + refused.detail());
        case OVER_LIMIT -> new CounterReply(null, "monthly limit reached: " + refused.detail());
        case UNKNOWN_ITEM -> new CounterReply(null, "no longer offered: " + refused.detail());
        // Anything else (an unknown member, a reused request id) is the app's own mistake.
        default -> throw refused;
      };
    }
  }

  /** A volunteer gives hours to the community pool. */
  public Receipt donateHours(String requestId, String memberId, long minutes) {
    return ledger.transfer(new TransferRequest(requestId, memberId, "pool", minutes, "donation", null));
  }

  /** The community grants hours from the pool to someone who needs help. */
  public Receipt grantHours(String requestId, String memberId, long minutes) {
    return ledger.transfer(new TransferRequest(requestId, "pool", memberId, minutes, "grant from the pool", null));
  }

  /**
   * Records that the community paid every merchant what it is owed now, one settlement each. Each
   * id names the journal head the amounts were read at, so a run retried after a lost reply
   * repeats its settlements instead of paying twice, and a later run settles only what was
   * redeemed since.
   */
  public List<Receipt> settleMerchants(YearMonth month) {
    String head = ledger.head();
    String at = head.substring(0, head.indexOf(':'));
    List<Receipt> receipts = new ArrayList<>();
    for (Reports.MerchantLine line : ledger.merchantsReport(month).merchants()) {
      if (line.owed() > 0) {
        String id = "settle:" + at + ":" + line.merchant();
        receipts.add(ledger.settle(new SettleRequest(id, line.merchant(), line.owed(), null)));
      }
    }
    return receipts;
  }

  /** What a merchant is owed now. */
  public long owedTo(String merchantId) {
    return ledger.balance(Account.merchant(merchantId)).points();
  }

  /** Hours in the community pool. */
  public long poolMinutes() {
    return ledger.balance(Account.POOL).minutes();
  }

  /** A volunteer's certificate of service for a period, with the journal head to check it by. */
  public Reports.Certificate certificateOf(String memberId, LocalDate from, LocalDate to) {
    return ledger.certificate(memberId, from, to);
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

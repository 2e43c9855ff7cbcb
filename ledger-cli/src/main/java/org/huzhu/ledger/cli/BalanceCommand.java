package org.huzhu.ledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.Account;
import org.huzhu.ledger.Balance;
import org.huzhu.ledger.BalanceSheet;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Minutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huzhu balance}: balances at the end of a day, by effective date. */
@Command(
    name = "balance",
    mixinStandardHelpOptions = true,
    description = "Balances at the end of DATE by effective date (default: every entry).",
    footer = {"", "Example:", "  huzhu balance --member v1 --as-of 2026-03-31 --format json"})
final class BalanceCommand extends Cli {
  @Option(names = "--member", paramLabel = "M", description = "Only this member.")
  String member;

  @Option(names = "--as-of", paramLabel = "DATE", converter = Times.DateConverter.class, description = "The day (YYYY-MM-DD).")
  LocalDate asOf;

  @Override
  int run() {
    Account account = member == null ? null : Account.member(member.strip());
    BalanceSheet sheet;
    try (Ledger ledger = openReader()) {
      sheet = account == null ? ledger.balances(asOf) : ledger.balances(asOf, account.ownerId());
    }
    print(output(sheet));
    return Huzhu.OK;
  }

  static Output output(BalanceSheet sheet) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> accounts = new ArrayList<>();
        for (Balance b : sheet.accounts()) {
          accounts.add(Json.obj("account", b.account().name(), "points", b.points(), "minutes", b.minutes()));
        }
        return Json.obj("as_of", sheet.asOf().toString(), "accounts", accounts);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("as_of", "account", "points", "minutes");
        for (Balance b : sheet.accounts()) {
          c.row(sheet.asOf(), b.account().name(), b.points(), b.minutes());
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        Table t = new Table(msg.get("h.account"), ">" + msg.get("h.points"), ">" + msg.get("h.hours"));
        for (Balance b : sheet.accounts()) {
          t.add(b.account().name(), b.points(), Minutes.format(b.minutes()));
        }
        return msg.get("balance.as-of", sheet.asOf()) + "\n" + t;
      }
    };
  }
}

package org.huzhu.ledger.cli;

import java.nio.file.Path;
import java.time.ZoneId;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.LedgerStorageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huzhu init}: creates an empty ledger. A directory that already holds a ledger is not
 * touched: exit 5 (the ledger at that path cannot be used for {@code init}).
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create a ledger in the journal directory.",
    footer = {"", "Example:", "  huzhu --journal ./books init --zone Asia/Shanghai"})
final class InitCommand extends Cli {
  @Option(names = "--zone", paramLabel = "ZONE", description = "The ledger's time zone (default: Asia/Shanghai).")
  String zone = "Asia/Shanghai";

  @Override
  int run() {
    ZoneId z;
    try {
      z = ZoneId.of(zone.strip());
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("--zone '" + zone + "' is not a time zone (e.g. Asia/Shanghai)");
    }
    Path dir = root().journal();
    if (Ledger.exists(dir)) {
      throw new LedgerStorageException(msg().get("init.exists", dir), null);
    }
    NowClock clock = root().clock(z);
    String head;
    root().openingForWriting();
    try (Ledger ledger = Ledger.create(dir, z, clock)) {
      head = ledger.head();
    }
    String where = dir.toAbsolutePath().normalize().toString();
    String id = z.getId();
    print(
        new Output() {
          @Override
          public Object json() {
            return Json.obj("journal", where, "zone", id, "head", head);
          }

          @Override
          public String csv(Messages msg) {
            return new Csv().row("journal", "zone", "head").row(where, id, head).toString();
          }

          @Override
          public String table(Messages msg) {
            return msg.get("init.done", where, id, head) + "\n";
          }
        });
    return Huzhu.OK;
  }
}

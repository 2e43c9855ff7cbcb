package org.huzhu.ledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.huzhu.ledger.Ledger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the root's global options and writers, and opening the ledger
 * with the right clock. A new command extends this and implements {@link #run()}.
 */
abstract class Cli implements Callable<Integer> {
  @Spec CommandSpec spec;

  Huzhu root() {
    return (Huzhu) spec.root().userObject();
  }

  PrintWriter out() {
    return root().out();
  }

  Huzhu.Format format() {
    return root().format();
  }

  Messages msg() {
    return root().messages();
  }

  /** Opens the ledger for writing, "now" taken from {@code HUZHU_NOW} in the ledger's zone. */
  Ledger openWriter() {
    NowClock clock = root().clock();
    Ledger ledger = Ledger.open(root().journal(), clock);
    clock.setZone(ledger.zone());
    return ledger;
  }

  /** Opens the ledger for reading only. */
  Ledger openReader() {
    NowClock clock = root().clock();
    Ledger ledger = Ledger.openReadOnly(root().journal(), clock);
    clock.setZone(ledger.zone());
    return ledger;
  }

  /** Prints in the chosen format. */
  void print(Output output) {
    PrintWriter out = out();
    switch (format()) {
      case json -> out.println(Json.write(output.json()));
      case csv -> out.print(output.csv(msg()));
      case table -> out.print(output.table(msg()));
    }
    out.flush();
  }

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  abstract int run() throws Exception;
}

package org.huzhu.ledger.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;
import org.huzhu.ledger.imports.FileProblems;
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
    return openWriter(true);
  }

  /**
   * Opens the ledger for writing; {@code writes} says whether the command may change it (a dry run
   * holds the writer's lock but writes nothing, and its report is all it gives).
   */
  Ledger openWriter(boolean writes) {
    if (writes) {
      root().openingForWriting();
    }
    return Ledger.open(root().journal(), clock());
  }

  /** Opens the ledger for reading only. */
  Ledger openReader() {
    return Ledger.openReadOnly(root().journal(), clock());
  }

  /** "Now" in the ledger's zone, read before opening it. */
  NowClock clock() {
    return root().clock(Ledger.zoneOf(root().journal()));
  }

  /** The charset of {@code --encoding} (default UTF-8); an unknown one is a usage error. */
  static java.nio.charset.Charset charset(String encoding) {
    try {
      return encoding == null
          ? java.nio.charset.StandardCharsets.UTF_8
          : java.nio.charset.Charset.forName(encoding.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--encoding '" + encoding + "' is not a known charset");
    }
  }

  /**
   * Reads a whole input file; a missing or unreadable one is refused as a bad file (exit 3), in the
   * words an import of a missing sheet uses.
   */
  static byte[] readFile(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (java.nio.file.FileSystemException e) {
      throw new LedgerRefusal(Reason.BAD_FILE, FileProblems.describe(e));
    } catch (java.io.IOException e) {
      // reading a directory fails without naming it: the message must say which file
      throw new LedgerRefusal(
          Reason.BAD_FILE,
          FileProblems.describe(new java.nio.file.FileSystemException(file.toString(), null, e.getMessage())));
    }
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

package org.huzhu.ledger.cli;

import java.nio.file.Path;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Publication;
import picocli.CommandLine.Parameters;

/** What {@code rules publish} and {@code catalog publish} share: read a file, publish it, say what happened. */
abstract class PublishCli extends Cli {
  @Parameters(index = "0", descriptionKey = "file", paramLabel = "FILE", description = "The file to publish.")
  Path file;

  /** Publishes {@code bytes} read from {@code name}. */
  abstract Publication publish(Ledger ledger, byte[] bytes, String name);

  /** The message key prefix: {@code rules} or {@code catalog}. */
  abstract String what();

  @Override
  final int run() throws Exception {
    byte[] bytes = readFile(file);
    Publication p;
    try (Ledger ledger = openWriter()) {
      p = publish(ledger, bytes, file.toString());
    }
    print(RulesCommand.publication(p, what()));
    return Huzhu.OK;
  }
}

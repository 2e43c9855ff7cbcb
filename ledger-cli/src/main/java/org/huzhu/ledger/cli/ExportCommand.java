package org.huzhu.ledger.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;
import org.huzhu.ledger.Entry;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Posting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huzhu export ledger|jsonl|csv}: every entry, to standard output or to a file (which
 * starts with a UTF-8 BOM). {@code --format} does not apply: the kind is the format.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export every entry: ledger (for hledger / ledger-cli), jsonl (one entry a line) or csv (one row a posting, one for an entry without postings).",
    footer = {"", "Example:", "  huzhu export ledger --output books.journal && hledger -f books.journal balance"})
final class ExportCommand extends Cli {
  enum Kind {
    ledger,
    jsonl,
    csv
  }

  @Parameters(index = "0", descriptionKey = "kind", paramLabel = "KIND", description = "ledger, jsonl or csv.")
  Kind kind;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (UTF-8 with BOM) instead of standard output.")
  Path output;

  @Override
  int run() throws IOException {
    try (OutputFile file = output == null ? null : OutputFile.prepare("--output", output);
        Ledger ledger = openReader();
        Stream<Entry> entries = ledger.entries(1)) {
      if (file == null) {
        write(entries.iterator(), out());
        out().flush();
      } else {
        file.write(
            w -> {
              w.write('\uFEFF');
              write(entries.iterator(), w);
            });
      }
    }
    return Huzhu.OK;
  }

  private void write(Iterator<Entry> entries, Writer w) throws IOException {
    if (kind == Kind.csv) {
      w.write(new Csv().row("seq", "id", "kind", "date", "account", "points", "minutes").toString());
    }
    while (entries.hasNext()) {
      Entry e = entries.next();
      switch (kind) {
        case ledger -> w.write(ledgerTransaction(e));
        case jsonl -> w.write(Json.withSeq(e.toJson(), e.seq()) + "\n");
        case csv -> {
          Csv c = new Csv();
          for (Posting p : e.postings()) {
            c.row(e.seq(), e.id(), e.kind(), e.date(), p.account().name(), p.points(), p.minutes());
          }
          if (e.postings().isEmpty()) {
            c.row(e.seq(), e.id(), e.kind(), e.date(), "", "", ""); // every entry has a row
          }
          w.write(c.toString());
        }
      }
    }
  }

  /**
   * One transaction in the journal format hledger and ledger-cli share: dated by effective date,
   * the id as the code, the kind as the description, one posting per account and unit with the
   * commodities {@code PTS} and {@code MIN}; an entry without postings is a comment.
   */
  static String ledgerTransaction(Entry e) {
    StringBuilder sb = new StringBuilder();
    boolean any = false;
    StringBuilder postings = new StringBuilder();
    for (Posting p : e.postings()) {
      if (p.points() != 0) {
        postings.append("    ").append(p.account().name()).append("    ").append(p.points()).append(" PTS\n");
        any = true;
      }
      if (p.minutes() != 0) {
        postings.append("    ").append(p.account().name()).append("    ").append(p.minutes()).append(" MIN\n");
        any = true;
      }
    }
    if (!any) {
      sb.append("; ").append(e.date()).append(" (").append(e.id()).append(") ").append(e.kind())
          .append(" seq:").append(e.seq()).append('\n').append('\n');
      return sb.toString();
    }
    sb.append(e.date()).append(" * (").append(e.id()).append(") ").append(e.kind()).append("  ; seq:")
        .append(e.seq()).append('\n');
    sb.append(postings).append('\n');
    return sb.toString();
  }
}

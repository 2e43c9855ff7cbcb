package org.huzhu.ledger.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.huzhu.ledger.LedgerStorageException;

/**
 * Runs in a child JVM for the multi-process tests (not a test itself).
 *
 * <ul>
 *   <li>{@code hold DIR}: opens DIR for writing, prints {@code locked}, and holds the lock until
 *       its standard input ends.
 *   <li>{@code append DIR SEED ROLLBYTES}: appends batches of random size forever, printing each
 *       acknowledged last seq after {@code append} returns.
 *   <li>{@code singles DIR COUNT}: appends COUNT batches of one record, printing each acknowledged
 *       seq, then closes and prints {@code closed}.
 *   <li>{@code reopen DIR}: appends one record, closes, opens DIR for writing again and prints
 *       what each step did.
 * </ul>
 */
public final class JournalChildMain {
  private JournalChildMain() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "hold" -> {
        try (Journal j = Journals.openWriter(dir)) {
          out.println("locked " + j.lastSeq());
          out.flush();
          while (System.in.read() >= 0) {
            // wait for the parent to close our input
          }
        }
        out.println("released");
        out.flush();
      }
      case "append" -> {
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        try (Journal j = Journals.openWriter(dir, Long.parseLong(args[3]))) {
          out.println("open " + j.lastSeq());
          out.flush();
          while (true) {
            int n = random.nextInt(1, 40);
            j.append(JournalFixtures.entries(j.lastSeq() + 1, n));
            out.println(j.lastSeq());
            out.flush();
          }
        }
      }
      case "singles" -> {
        try (Journal j = Journals.openWriter(dir)) {
          for (int i = Integer.parseInt(args[2]); i > 0; i--) {
            j.append(JournalFixtures.entries(j.lastSeq() + 1, 1));
            out.println(j.lastSeq());
            out.flush();
          }
        }
        out.println("closed");
        out.flush();
      }
      case "reopen" -> {
        Journal j = Journals.openWriter(dir);
        try {
          j.append(JournalFixtures.entries(j.lastSeq() + 1, 1));
          out.println("appended");
        } catch (LedgerStorageException e) {
          out.println("append failed");
        }
        j.close();
        out.println("closed");
        try (Journal again = Journals.openWriter(dir)) {
          out.println("reopened " + again.lastSeq());
        }
        out.flush();
      }
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }
}

package org.huzhu.ledger.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.huzhu.ledger.ImportOptions;
import org.huzhu.ledger.ImportProgress;
import org.huzhu.ledger.ImportSummary;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Minutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code huzhu import FILE}: credits the sign-ins of a CSV or JSON-lines file. Exit 0 when nothing
 * was rejected, 4 when rows were rejected but the rest committed, 3 when the file was refused whole
 * or {@code --all-or-nothing} met a rejected row. A dry run exits as the real run would.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Credit the sign-ins of FILE (CSV, or .jsonl); a progress bar on a terminal.",
    footer = {
      "",
      "Exit codes: 0 nothing rejected, 4 some rows rejected (the rest committed), 3 the file was refused",
      "or --all-or-nothing met a rejected row (nothing written).",
      "",
      "Example:",
      "  huzhu import signins.csv --encoding GB18030 --rejects rejects.csv"
    })
final class ImportCommand extends Cli {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Parameters(index = "0", descriptionKey = "file", paramLabel = "FILE", description = "The sign-in sheet (CSV, or JSON lines when it ends in .jsonl).")
  Path file;

  @Option(names = "--encoding", paramLabel = "CHARSET", description = "The file's charset (default: UTF-8).")
  String encoding;

  @Option(names = "--rejects", paramLabel = "OUT.csv", description = "Write the rejected rows here (UTF-8 with BOM: line,signin_id,reason,detail).")
  Path rejects;

  @Option(names = "--dry-run", description = "Report what the import would do; write nothing to the ledger.")
  boolean dryRun;

  @Option(names = "--all-or-nothing", description = "Commit nothing if any row is rejected.")
  boolean allOrNothing;

  @Option(names = "--id", paramLabel = "ID", description = "The import's id (default: import: + the first 16 hex of the file's SHA-256).")
  String id;

  @Override
  int run() throws IOException {
    ImportOptions options =
        new ImportOptions(charset(encoding), id == null ? null : id.strip(), dryRun, allOrNothing, null);
    // The rejects file is readied before the import, so that an unwritable place fails first.
    if (rejects != null && Files.exists(rejects) && Files.exists(file) && Files.isSameFile(rejects, file)) {
      throw new IllegalArgumentException("--rejects " + rejects + " is the sheet being imported");
    }
    try (OutputFile rejectsFile = rejects == null ? null : OutputFile.prepare("--rejects", rejects)) {
      ProgressBar bar = root().terminal() ? new ProgressBar(root().err(), msg(), System::nanoTime) : null;
      Notes notes = new Notes();
      ImportProgress progress =
          new ImportProgress() {
            @Override
            public void read(long rows, long bytesRead, long totalBytes) {
              if (bar != null) {
                bar.read(rows, bytesRead, totalBytes);
              }
            }

            @Override
            public void decided(long decided, long total, long credited, long rejected) {
              if (bar != null) {
                bar.decided(decided, total, credited, rejected);
              }
            }

            @Override
            public void note(long line, String signinId, String note) {
              notes.add(line, signinId, note);
            }
          };
      ImportSummary s;
      try (Ledger ledger = openWriter(!dryRun)) {
        s = ledger.importSignins(file, options.withProgress(progress));
      } catch (LedgerRefusal refused) {
        // A file refused whole has no rejected rows; the rejects file asked for still replaces
        // any earlier one, with its header only, so that no stale rows are taken for this run's.
        if (rejectsFile != null) {
          try {
            write(rejectsFile, "\uFEFF" + new Csv().row("line", "signin_id", "reason", "detail"));
          } catch (OutputFile.Failure f) {
            refused.addSuppressed(f); // the refusal is what the user must hear about
          }
        }
        throw refused;
      } finally {
        if (bar != null) {
          bar.finish();
        }
      }
      int exit = s.rejected() == 0 ? Huzhu.OK : allOrNothing ? Huzhu.REFUSED : Huzhu.IMPORT_REJECTED;
      OutputFile.Failure lostRejects = null;
      if (rejectsFile != null) {
        try {
          write(rejectsFile, rejectsCsv(s));
        } catch (OutputFile.Failure f) {
          lostRejects = f; // the rows are committed all the same: say so, then what was lost
        }
      }
      print(output(s, dryRun, notes));
      if (lostRejects != null) {
        root().err().println(msg().get("error.io", org.huzhu.ledger.imports.Ids.oneLine(lostRejects.getMessage())));
        root().err().flush();
      }
      return exit;
    }
  }

  private static void write(OutputFile file, String text) throws IOException {
    file.write(w -> w.write(text));
  }

  /**
   * The rejects file: a BOM, {@code line,signin_id,reason,detail}, one row a rejected row. A {@code
   * signin_id} that is not a valid id (a malformed row) and every detail are neutralised against
   * formulas; valid ids are written as they are.
   */
  static String rejectsCsv(ImportSummary s) {
    Csv c = new Csv().row("line", "signin_id", "reason", "detail");
    for (ImportSummary.Rejection r : s.rejects()) {
      c.raw(r.line());
      if (ID.matcher(r.signinId()).matches()) {
        c.raw(r.signinId());
      } else {
        c.text(r.signinId());
      }
      c.raw(r.reason().code()).text(r.detail()).end();
    }
    return "\uFEFF" + c;
  }

  /** A sign-in's note, shown to the coordinator and never stored. */
  record Note(long line, String signinId, String note) {}

  /**
   * The notes of a sheet, the first {@link #SHOWN} of them kept to be shown: a sheet may carry a
   * million, and a coordinator reads a screenful. Control and format characters (escape
   * sequences, direction overrides) become spaces, so that a note cannot rewrite the terminal.
   */
  static final class Notes {
    static final int SHOWN = 1000;
    private final List<Note> kept = new ArrayList<>();
    private long more;

    synchronized void add(long line, String signinId, String note) {
      if (kept.size() < SHOWN) {
        kept.add(new Note(line, signinId, note.replaceAll("[\\p{Cc}\\p{Cf}]+", " ")));
      } else {
        more++;
      }
    }

    synchronized List<Note> kept() {
      return List.copyOf(kept);
    }

    synchronized long more() {
      return more;
    }
  }

  static Map<String, Object> json(ImportSummary s, boolean dryRun, Notes notes) {
    Map<String, Object> m =
        Json.obj(
            "read", s.read(),
            "credited", s.credited(),
            "duplicates", s.duplicates(),
            "rejected", s.rejected(),
            "points", s.points(),
            "minutes", s.minutes(),
            "by_reason", s.byReason(),
            "import", s.importId());
    if (dryRun) {
      m.put("dry_run", true);
    }
    if (!s.committed()) {
      m.put("committed", false);
    }
    if (!notes.kept().isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (Note n : notes.kept()) {
        list.add(Json.obj("line", n.line(), "signin_id", n.signinId(), "note", n.note()));
      }
      m.put("notes", list);
      if (notes.more() > 0) {
        m.put("notes_not_shown", notes.more());
      }
    }
    return m;
  }

  static Output output(ImportSummary s, boolean dryRun, Notes notes) {
    return new Output() {
      @Override
      public Object json() {
        return ImportCommand.json(s, dryRun, notes);
      }

      @Override
      public String csv(Messages msg) {
        return new Csv()
            .row("import", "read", "credited", "duplicates", "rejected", "points", "minutes", "committed")
            .row(s.importId(), s.read(), s.credited(), s.duplicates(), s.rejected(), s.points(), s.minutes(), s.committed())
            .toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                msg.get(
                    "import.done", s.importId(), s.read(), s.credited(), s.duplicates(), s.rejected(), s.points(),
                    Minutes.format(s.minutes())))
            .append('\n');
        if (!s.byReason().isEmpty()) {
          Table t = new Table(msg.get("h.reason"), ">" + msg.get("h.rows"));
          s.byReason().forEach(t::add);
          sb.append(t);
        }
        if (!notes.kept().isEmpty()) {
          sb.append(msg.get("import.notes")).append('\n');
          Table t = new Table(">" + msg.get("h.line"), msg.get("h.signin"), msg.get("h.note"));
          for (Note n : notes.kept()) {
            t.add(n.line(), n.signinId(), n.note());
          }
          sb.append(t);
          if (notes.more() > 0) {
            sb.append(msg.get("import.notes-more", notes.more())).append('\n');
          }
        }
        if (dryRun) {
          sb.append(msg.get("import.dry-run")).append('\n');
        } else if (!s.committed()) {
          sb.append(msg.get("import.not-committed", s.rejected())).append('\n');
        }
        return sb.toString();
      }
    };
  }
}

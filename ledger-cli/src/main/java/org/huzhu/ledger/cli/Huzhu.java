package org.huzhu.ledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.LedgerStorageException;
import org.huzhu.ledger.imports.Ids;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code huzhu} command: a thin layer over {@link Ledger} that parses arguments and formats
 * results; it never computes a balance or decides a rule.
 *
 * <p>Design: one factory, {@link #commandLine}, wires the output writers, the environment and the
 * exception handlers, so that {@link #main} and the tests run the same code. Each subcommand is a
 * {@code Callable<Integer>} that reaches the global options and the writers through this root
 * object ({@link Cli#root}). Exceptions map to exit codes in one place ({@link #handle}).
 */
@Command(
    name = "huzhu",
    mixinStandardHelpOptions = true,
    versionProvider = Huzhu.Version.class,
    description = "Huzhu Ledger: a volunteer time-bank and points ledger.",
    subcommands = {
      InitCommand.class,
      MembersCommand.class,
      RulesCommand.class,
      CatalogCommand.class,
      ImportCommand.class,
      BalanceCommand.class,
      StatementCommand.class,
      RedeemCommand.class,
      TransferCommand.class,
      SettleCommand.class,
      AdjustCommand.class,
      ReverseCommand.class,
      ExpireCommand.class,
      ReportCommand.class,
      CertificateCommand.class,
      AuditCommand.class,
      ExportCommand.class,
      DemoCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 audit found problems, 2 usage error, 3 refused or unreadable input,",
      "4 import rejected rows, 5 the ledger cannot be used.",
      "",
      "Example:",
      "  HUZHU_JOURNAL=./books huzhu init --zone Asia/Shanghai",
      "  huzhu balance --format json"
    })
public final class Huzhu implements Runnable {
  static final int OK = 0;
  static final int AUDIT_FINDINGS = 1;
  static final int USAGE = 2;
  static final int REFUSED = 3;
  static final int IMPORT_REJECTED = 4;
  static final int UNUSABLE = 5;

  /** Output formats of {@code --format}. */
  enum Format {
    table,
    json,
    csv
  }

  /** Languages of {@code --lang}. */
  enum Lang {
    en,
    zh
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "The ledger's directory (default: $HUZHU_JOURNAL, then ./ledger-data).")
  Path journal;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description = "Output: table, json or csv (default: table).")
  Format format = Format.table;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      scope = ScopeType.INHERIT,
      description = "Language of messages and headers: en or zh (default: zh on a Chinese system, else en).")
  Lang lang;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  private final PrintWriter out;
  private final PrintWriter err;
  private final Map<String, String> env;
  private Messages messages;
  private boolean terminal;
  /** The process's standard output when run from {@link #main}, to tell a full disk from {@code | head}. */
  private StandardOutput stdout;
  /** Whether the command opened the ledger to write: then its exit code stands whatever happens to its output. */
  private boolean openedForWriting;

  private Huzhu(PrintWriter out, PrintWriter err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = Map.copyOf(env);
  }

  /**
   * Builds the command line: output to {@code out} and {@code err}, environment variables ({@code
   * HUZHU_NOW}, {@code HUZHU_JOURNAL}) from {@code env}, exit codes as the contract gives them.
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> env) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Huzhu root = new Huzhu(out, err, env);
    CommandLine cl = new CommandLine(root);
    everyVersion(cl); // `--version` works on every command, as `--help` does
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // `--journal export` names a directory, even one called like a command
    cl.setAllowSubcommandsAsOptionParameters(true);
    cl.setUsageHelpWidth(100);
    cl.setParameterExceptionHandler(root::handleParameterException);
    cl.setExecutionExceptionHandler((e, line, parsed) -> root.handle(e));
    cl.setExecutionStrategy(
        parsed -> {
          if (root.messages().isChinese()) {
            cl.setResourceBundle(Messages.help(Lang.zh));
          }
          return root.outputChecked(new CommandLine.RunLast().execute(parsed));
        });
    return cl;
  }

  /** Runs {@code huzhu} and exits with its exit code. */
  public static void main(String[] args) {
    // The ledger's own log (e.g. a checkpoint it skipped) stays quiet unless --debug: errors are
    // one line on stderr. slf4j-simple reads this once, before the first logger is made.
    if (java.util.Arrays.asList(args).contains("--debug")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    // Straight to the descriptor, not through System.out: a PrintStream keeps a failed write (a full
    // disk behind `> file`) to itself, where the check after the command could not see it.
    StandardOutput stdout = new StandardOutput();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    CommandLine cl = commandLine(out, err, System.getenv());
    // A progress bar only on a terminal, never when output is piped or captured.
    ((Huzhu) cl.getCommand()).terminal = System.console() != null;
    ((Huzhu) cl.getCommand()).stdout = stdout;
    int code = cl.execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), messages().get("error.no-command"));
  }

  /**
   * A {@code PrintWriter} keeps quiet when its stream fails (a full disk behind {@code > file}),
   * so a command that printed nothing would exit 0. The failure is told on stderr, and what would
   * have exited 0 exits 3, unless the command wrote: what it wrote stays written. Other codes (1
   * audit findings, 4 rejected rows) say more than 3 would, and stand. A reader that stopped
   * reading ({@code | head}) wanted no more: that is no failure.
   */
  private int outputChecked(int code) {
    if (!out.checkError() || (stdout != null && stdout.readerStopped())) {
      return code;
    }
    // what a writing command did stands when it did it: exit 0, or 4 for an import that committed
    boolean carriedOut = openedForWriting && (code == OK || code == IMPORT_REJECTED);
    err.println(messages().get(carriedOut ? "error.stdout.written" : "error.stdout"));
    err.flush();
    return code == OK && !carriedOut ? REFUSED : code;
  }

  void openingForWriting() {
    openedForWriting = true;
  }

  // ---------------------------------------------------------------- context for the commands

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /** Whether the process runs on a terminal (progress bars are drawn only then). */
  boolean terminal() {
    return terminal;
  }

  Map<String, String> env() {
    return env;
  }

  Format format() {
    return format;
  }

  /** {@code --journal} as given, or null. */
  Path explicitJournal() {
    return journal;
  }

  /** The ledger's directory: {@code --journal}, then {@code $HUZHU_JOURNAL}, then ./ledger-data. */
  Path journal() {
    if (journal != null) {
      return journal;
    }
    String fromEnv = env.get("HUZHU_JOURNAL");
    return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "ledger-data");
  }

  Messages messages() {
    if (messages == null) {
      Lang l = lang;
      if (l == null) {
        l = "zh".equals(Locale.getDefault().getLanguage()) ? Lang.zh : Lang.en;
      }
      messages = Messages.of(l);
    }
    return messages;
  }

  /** "Now" in {@code zone}: {@code HUZHU_NOW} when set, else the system clock. */
  NowClock clock(java.time.ZoneId zone) {
    return NowClock.fromEnv(env.get("HUZHU_NOW"), zone);
  }

  // ---------------------------------------------------------------- errors and exit codes

  private int handleParameterException(CommandLine.ParameterException e, String[] args) {
    String command = e.getCommandLine().getCommandSpec().qualifiedName();
    err.println(messages().get("error.usage", Ids.oneLine(e.getMessage()), command));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return USAGE;
  }

  int handle(Exception e) {
    int code;
    if (e instanceof LedgerRefusal r) {
      if (format == Format.json) {
        out.println(Json.write(Json.obj("refused", r.reason().code(), "detail", r.detail(messages().locale()))));
        out.flush();
      }
      err.println(messages().get("error.refused", r.reason().code(), Ids.oneLine(r.detail(messages().locale()))));
      code = REFUSED;
    } else if (e instanceof LedgerStorageException s) {
      String message = Ids.oneLine(String.valueOf(s.getMessage()));
      String where =
          s.segment() != null
              ? journal() + ": " + s.segment() + " @" + s.offset()
              : message.contains(journal().toString()) ? null : journal().toString();
      err.println(
          where == null
              ? messages().get("error.storage.plain", message)
              : messages().get("error.storage", message, where));
      code = UNUSABLE;
    } else if (e instanceof IllegalArgumentException) {
      err.println(messages().get("error.argument", Ids.oneLine(e.getMessage())));
      code = USAGE;
    } else if (e instanceof OutputFile.Failure f && f.readerStopped()) {
      return OK;
    } else if (e instanceof UncheckedIOException || e instanceof IOException) {
      String detail = describe(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
      // an unreadable input file is refused like any bad file, in the same JSON shape
      if (format == Format.json && !(e instanceof OutputFile.Failure)) {
        out.println(Json.write(Json.obj("refused", "bad-file", "detail", detail)));
      }
      err.println(messages().get("error.io", Ids.oneLine(detail)));
      code = REFUSED;
    } else {
      err.println(messages().get("error.internal", Ids.oneLine(String.valueOf(e))));
      code = UNUSABLE;
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    out.flush();
    return code;
  }

  static String describe(IOException e) {
    if (e instanceof OutputFile.Failure) {
      return e.getMessage();
    }
    return org.huzhu.ledger.imports.FileProblems.describe(e);
  }

  private static void everyVersion(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(new Version());
      everyVersion(sub);
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Huzhu.class.getPackage().getImplementationVersion();
      return new String[] {"huzhu " + (v == null ? "dev" : v)};
    }
  }
}

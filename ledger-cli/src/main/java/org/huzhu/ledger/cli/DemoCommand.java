package org.huzhu.ledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.huzhu.ledger.AuditReport;
import org.huzhu.ledger.Balance;
import org.huzhu.ledger.BalanceSheet;
import org.huzhu.ledger.EnrolmentSummary;
import org.huzhu.ledger.ImportOptions;
import org.huzhu.ledger.ImportSummary;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Publication;
import org.huzhu.ledger.Receipt;
import org.huzhu.ledger.RedeemRequest;
import org.huzhu.ledger.Reports;
import org.huzhu.ledger.Statement;
import org.huzhu.ledger.TransferRequest;
import picocli.CommandLine.Command;

/**
 * {@code huzhu demo}: builds a fresh ledger from the example community bundled in the jar and
 * prints what a coordinator would look at. It runs in a temporary directory (deleted afterwards)
 * unless {@code --journal} names an empty or missing one; it never uses {@code $HUZHU_JOURNAL} or
 * ./ledger-data. "Now" is 2026-11-23T18:00 in Asia/Shanghai unless {@code HUZHU_NOW} is set, so the
 * output is the same every day.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build a ledger from the bundled example community; print balances, a statement, a report, the audit.",
      "The community: 43 members, two rule versions, a catalog, a sheet of sign-ins.",
      "Uses a temporary directory, or --journal DIR if DIR is empty or missing (a non-empty one: exit 2)."
    },
    footer = {"", "Example:", "  huzhu demo", "  huzhu demo --journal /tmp/demo-books --lang zh"})
final class DemoCommand extends Cli {
  static final String DATA = "/org/huzhu/ledger/examples/community/";
  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 18, 0);
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String VOLUNTEER = "v003";
  static final Set<String> SHOWN = Set.of("member:v001", "member:v002", "member:v003", "member:v004", "member:v005");

  @Override
  int run() throws IOException {
    Path given = root().explicitJournal();
    Path dir;
    if (given != null) {
      if (Files.exists(given) && (!Files.isDirectory(given) || !isEmpty(given))) {
        throw new IllegalArgumentException(
            "demo --journal " + given + " is not an empty directory: the demo builds a fresh ledger only in an empty or missing one");
      }
      dir = given;
    } else {
      dir = Files.createTempDirectory("huzhu-demo-");
    }
    Path data = Files.createTempDirectory("huzhu-demo-data-");
    try {
      return demo(dir, data);
    } finally {
      deleteTree(data);
      if (given == null) {
        deleteTree(dir);
      }
    }
  }

  private int demo(Path dir, Path data) throws IOException {
    String env = root().env().get("HUZHU_NOW");
    NowClock clock = NowClock.fromEnv(env != null && !env.isBlank() ? env : NOW.toString(), ZONE);
    Messages msg = msg();
    List<Section> sections = new ArrayList<>();
    Map<String, Object> json = Json.obj();
    StringBuilder log = new StringBuilder();
    LocalDateTime now = LocalDateTime.now(clock);
    log.append(msg.get("demo.title", now, ZONE)).append('\n');
    if (root().explicitJournal() != null) {
      root().openingForWriting(); // the ledger it builds there is kept
    }
    try (Ledger ledger = Ledger.create(dir, ZONE, clock)) {
      EnrolmentSummary members = ledger.enrolFile(copy(data, "members.csv"), java.nio.charset.StandardCharsets.UTF_8);
      log.append(msg.get("demo.members", members.enrolled())).append('\n');
      json.put("members", MembersImportCommand.json(members));
      List<Object> rules = new ArrayList<>();
      for (String f : List.of("rules-v1.json", "rules-v2.json")) {
        Publication p = ledger.publishRules(resource(f), f);
        log.append(msg.get("rules.published", p.version(), p.id())).append('\n');
        rules.add(RulesCommand.publication(p, "rules").json());
      }
      json.put("rules", rules);
      Publication cat = ledger.publishCatalog(resource("catalog.json"), "catalog.json");
      log.append(msg.get("catalog.published", cat.version(), cat.id())).append('\n');
      json.put("catalog", RulesCommand.publication(cat, "catalog").json());

      ImportSummary s = ledger.importSignins(copy(data, "signins.csv"), ImportOptions.defaults());
      json.put("import", ImportCommand.json(s, false, new ImportCommand.Notes()));
      sections.add(new Section(msg.get("demo.import"), ImportCommand.output(s, false, new ImportCommand.Notes())));

      Receipt redeemed = ledger.redeem(new RedeemRequest("demo-R-1", VOLUNTEER, "haircut", 1, null));
      Receipt donated =
          ledger.transfer(new TransferRequest("demo-T-1", VOLUNTEER, "pool", 60, "donation to the pool", null));
      json.put("redeem", Entries.receipt(redeemed).json());
      json.put("transfer", Entries.receipt(donated).json());
      sections.add(new Section(msg.get("demo.redeem"), Entries.receipt(redeemed)));
      sections.add(new Section(msg.get("demo.transfer"), Entries.receipt(donated)));

      BalanceSheet all = ledger.balances(null);
      List<Balance> some = new ArrayList<>();
      for (Balance b : all.accounts()) {
        if (!b.account().isMember() || SHOWN.contains(b.account().name())) {
          some.add(b);
        }
      }
      BalanceSheet sheet = new BalanceSheet(all.asOf(), some);
      json.put("balances", BalanceCommand.output(sheet).json());
      sections.add(new Section(msg.get("demo.balances"), BalanceCommand.output(sheet)));

      LocalDate today = now.toLocalDate();
      Statement st = ledger.statement(VOLUNTEER, today.withDayOfMonth(1).minusMonths(1), null);
      json.put("statement", StatementCommand.output(st).json());
      sections.add(new Section(msg.get("demo.statement"), StatementCommand.output(st)));

      Reports.Teams teams = ledger.teamsReport(YearMonth.from(today).minusMonths(1));
      json.put("report", ReportCommand.teams(teams).json());
      sections.add(new Section(msg.get("demo.report"), ReportCommand.teams(teams)));
    }
    AuditReport audit = Ledger.audit(dir, null);
    json.put("audit", AuditCommand.output(audit).json());
    sections.add(new Section(msg.get("demo.audit"), AuditCommand.output(audit)));

    if (format() == Huzhu.Format.json) {
      out().println(Json.write(json));
    } else {
      StringBuilder sb = new StringBuilder(log);
      for (Section sec : sections) {
        sb.append('\n').append("== ").append(sec.title()).append(" ==").append('\n').append(sec.output().table(msg));
      }
      sb.append('\n').append(msg.get(audit.ok() ? "demo.audit-ok" : "demo.audit-bad")).append('\n');
      out().print(sb);
    }
    out().flush();
    return audit.ok() ? Huzhu.OK : Huzhu.AUDIT_FINDINGS;
  }

  private record Section(String title, Output output) {}

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(DATA + name)) {
      if (in == null) {
        throw new IOException("the example data " + DATA + name + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  private static Path copy(Path data, String name) throws IOException {
    Path p = data.resolve(name);
    Files.write(p, resource(name));
    return p;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

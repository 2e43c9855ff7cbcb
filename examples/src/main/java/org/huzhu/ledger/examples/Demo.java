package org.huzhu.ledger.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.huzhu.ledger.AuditReport;
import org.huzhu.ledger.Balance;
import org.huzhu.ledger.ImportSummary;
import org.huzhu.ledger.Minutes;
import org.huzhu.ledger.Reports;
import org.huzhu.ledger.Statement;

/**
 * Builds a ledger from the bundled example community in a fresh temporary folder, with a fixed
 * "now", then uses it as a community app would: imports, a correction, exchanges at a merchant's
 * counter, hours through the pool, the month-end settlement, a certificate, a statement and the
 * audit.
 */
public final class Demo {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 18, 0);
  static final String[] FILES = {
    "members.csv", "rules-v1.json", "rules-v2.json", "catalog.json", "signins.csv", "signins-gb18030.csv"
  };

  private Demo() {}

  public static void main(String[] args) throws IOException {
    Path work = Files.createTempDirectory("huzhu-demo");
    run(work, new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /** Copies the example community's files into {@code work} and runs the demo there. */
  static void run(Path work, PrintStream out) throws IOException {
    Path data = copyExampleFiles(work.resolve("community"));
    Clock clock = Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE);
    try (CommunityService community = CommunityService.open(work.resolve("ledger"), ZONE, clock)) {
      out.println("enrolled: " + community.enrol(data.resolve("members.csv")));
      out.println("rules: " + community.publishRules(data.resolve("rules-v1.json")));
      out.println("rules: " + community.publishRules(data.resolve("rules-v2.json")));
      ImportSummary s = community.importSheet(data.resolve("signins.csv"));
      out.printf(
          "import %s: read %d, credited %d, duplicates %d, rejected %d, points %d, minutes %s%n",
          s.importId(), s.read(), s.credited(), s.duplicates(), s.rejected(), s.points(), Minutes.format(s.minutes()));
      out.println("rejected by reason: " + s.byReason());
      ImportSummary again = community.importSheet(data.resolve("signins.csv"));
      out.printf("the same sheet again: credited %d, duplicates %d%n", again.credited(), again.duplicates());
      community.backfill("paper-2026-11", "v001", 90, "g1");
      for (String member : new String[] {"v001", "v002", "v003"}) {
        Balance b = community.balanceOf(member);
        out.printf("%-6s %6d points %8s%n", member, b.points(), Minutes.format(b.minutes()));
      }
      out.println("catalog: " + community.publishCatalog(data.resolve("catalog.json")));
      CommunityService.CounterReply haircut = community.redeem("R-demo-1", "v003", "haircut", 1);
      out.printf("v003 exchanges 1 haircut: %s, now %d points%n",
          haircut.done() ? "done as " + haircut.receipt().entry().id() : haircut.refusal(),
          community.balanceOf("v003").points());
      CommunityService.CounterReply rice = community.redeem("R-demo-2", "v003", "rice-5kg", 9);
      out.println("v003 asks for 9 bags of rice: " + (rice.done() ? "done" : rice.refusal()));
      community.donateHours("T-demo-1", "v003", 60);
      community.grantHours("T-demo-2", "v010", 45);
      out.printf("v003 gives 1:00 to the pool, v010 is granted 0:45: the pool holds %s%n",
          Minutes.format(community.poolMinutes()));
      YearMonth month = YearMonth.from(NOW);
      out.printf("month end %s: %d settlement(s), m-barber now owed %d points; run again: %d new%n",
          month, community.settleMerchants(month).size(), community.owedTo("m-barber"),
          community.settleMerchants(month).stream().filter(r -> !r.repeated()).count());
      Reports.Certificate cert = community.certificateOf("v003", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
      out.printf("certificate of v003 for 2026-10: %s verified over %d activities, head %s%n",
          Minutes.format(cert.verifiedMinutes()), cert.activities().size(), cert.head());
      Statement st = community.statementOf("v001", LocalDate.of(2026, 11, 1), null);
      out.printf("statement of v001 from %s: opening %d points%n", st.from(), st.opening().points());
      for (Statement.Line l : st.lines()) {
        out.printf("  %s %-12s %+5d pts %7s  %s%n", l.entry().date(), l.entry().id(), l.points(),
            Minutes.format(l.minutes()), l.explanation());
      }
      out.printf("closing %d points %s%n", st.closing().points(), Minutes.format(st.closing().minutes()));
      AuditReport audit = community.audit();
      out.printf("audit: %s, %d entries, head %s%n", audit.ok() ? "ok" : "FAILED", audit.entries(), community.head());
      audit.findings().forEach(f -> out.println("  " + f));
    }
  }

  static Path copyExampleFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String name : FILES) {
      try (InputStream in = Demo.class.getResourceAsStream("community/" + name)) {
        if (in == null) {
          throw new IOException("example file " + name + " is missing from the classpath");
        }
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir;
  }
}

package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.AuditReport;
import org.huzhu.ledger.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huzhu audit}: verifies the whole journal without opening it as a ledger, so a damaged
 * journal is audited as far as it reads. Exit 1 when there are findings.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Verify the whole journal; exit 1 if anything is wrong.",
    footer = {"", "Example:", "  huzhu audit --expect-head 42:3f9a…"})
final class AuditCommand extends Cli {
  @Option(names = "--expect-head", paramLabel = "SEQ:HASH", description = "An anchor kept elsewhere: entry SEQ must have hash HASH.")
  String expectHead;

  @Override
  int run() {
    String anchor = expectHead == null ? null : expectHead.strip();
    if (anchor != null && !anchor.matches("[0-9]{1,19}:[0-9a-fA-F]{1,128}")) {
      throw new IllegalArgumentException("--expect-head '" + expectHead + "' must be SEQ:HASH");
    }
    AuditReport report = Ledger.audit(root().journal(), anchor);
    print(output(report));
    return report.ok() ? Huzhu.OK : Huzhu.AUDIT_FINDINGS;
  }

  static Output output(AuditReport r) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> findings = new ArrayList<>();
        for (AuditReport.Finding f : r.findings()) {
          findings.add(Json.obj("entry", f.entry(), "check", f.check(), "detail", f.detail()));
        }
        return Json.obj("ok", r.ok(), "entries", r.entries(), "seq", r.seq(), "head", r.head(), "findings", findings);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("entry", "check", "detail");
        for (AuditReport.Finding f : r.findings()) {
          c.raw(f.entry()).raw(f.check()).text(f.detail()).end();
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder();
        sb.append(msg.get(r.ok() ? "audit.ok" : "audit.bad", r.entries(), r.seq() + ":" + r.head(), r.findings().size()))
            .append('\n');
        if (!r.findings().isEmpty()) {
          Table t = new Table(msg.get("h.entry"), msg.get("h.check"), msg.get("h.detail"));
          for (AuditReport.Finding f : r.findings()) {
            t.add(f.entry(), f.check(), f.detail());
          }
          sb.append(t);
        }
        return sb.toString();
      }
    };
  }
}

package org.huzhu.ledger.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import org.huzhu.ledger.EnrolmentSummary;
import org.huzhu.ledger.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code huzhu members import FILE}: enrols the members of a file, all or nothing. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Enrol the members listed in FILE (member_id,joined_on[,team][,grid]), all or nothing.",
    footer = {"", "Example:", "  huzhu members import members.csv --encoding GB18030"})
final class MembersImportCommand extends Cli {
  @Parameters(index = "0", descriptionKey = "file", paramLabel = "FILE", description = "The members CSV file.")
  Path file;

  @Option(names = "--encoding", paramLabel = "CHARSET", description = "The file's charset (default: UTF-8).")
  String encoding;

  @Override
  int run() throws Exception {
    Charset charset = charset(encoding);
    EnrolmentSummary s;
    try (Ledger ledger = openWriter()) {
      s = ledger.enrolFile(file, charset);
    }
    int read = s.enrolled() + s.changed() + s.unchanged();
    print(
        new Output() {
          @Override
          public Object json() {
            return MembersImportCommand.json(s);
          }

          @Override
          public String csv(Messages msg) {
            return new Csv()
                .row("read", "enrolled", "changed", "unchanged")
                .row(read, s.enrolled(), s.changed(), s.unchanged())
                .toString();
          }

          @Override
          public String table(Messages msg) {
            return msg.get("members.done", read, s.enrolled(), s.changed(), s.unchanged()) + "\n";
          }
        });
    return Huzhu.OK;
  }

  /** {@code {"read":N,"enrolled":N,"changed":N,"unchanged":N}}: read is the other three together. */
  static Map<String, Object> json(EnrolmentSummary s) {
    return Json.obj(
        "read", s.enrolled() + s.changed() + s.unchanged(), "enrolled", s.enrolled(), "changed", s.changed(),
        "unchanged", s.unchanged());
  }
}

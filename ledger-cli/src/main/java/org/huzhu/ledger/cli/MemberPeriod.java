package org.huzhu.ledger.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options of commands about one member over a period: {@code statement}, {@code certificate}. */
final class MemberPeriod {
  @Option(names = "--member", required = true, paramLabel = "M", description = "The member.")
  String member;

  @Option(names = "--from", paramLabel = "D", converter = Times.DateConverter.class, description = "First day (inclusive).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "D", converter = Times.DateConverter.class, description = "Last day (inclusive).")
  LocalDate to;

  /** The member's id, trimmed; a malformed id is a usage error (IllegalArgumentException). */
  String memberId() {
    String m = member.strip();
    org.huzhu.ledger.Account.member(m);
    return m;
  }
}

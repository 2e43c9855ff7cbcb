package org.huzhu.ledger.rules;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures {@link Accrual#credit} alone on one thread with a realistic mix of sign-ins under the
 * contract's example rules: mostly hour-based rows of 30 minutes to 4 hours spread over a year
 * (weekends, national day and flood season included), some events, a few rejections.
 *
 * <p>Run: {@code mvn -B -q -pl ledger-core test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.huzhu.ledger.rules.AccrualBench}. Not a test; a rough figure, not JMH.
 */
public final class AccrualBench {
  private AccrualBench() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    RuleVersion rules =
        RuleVersions.parse(Examples.CONTRACT_RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
    String[] activities = {"elderly-care", "elderly-care", "cleanup", "flood-patrol", "report-issue", "elderly-care"};
    int n = 1 << 16;
    SigninFacts[] facts = new SigninFacts[n];
    long[] already = new long[n];
    SplittableRandom rnd = new SplittableRandom(42);
    ZonedDateTime start = Examples.at("2026-01-01T07:00");
    for (int i = 0; i < n; i++) {
      String a = activities[rnd.nextInt(activities.length)];
      ZonedDateTime in = start.plusDays(rnd.nextInt(365)).plusMinutes(rnd.nextInt(12 * 60));
      int roll = rnd.nextInt(100);
      ZonedDateTime checkOut;
      if (roll < 2) {
        checkOut = null; // forgotten check-out
      } else if (roll < 4) {
        checkOut = in.plusMinutes(rnd.nextInt(25)); // too short
      } else {
        checkOut = in.plusMinutes(30 + rnd.nextInt(210)).plusSeconds(rnd.nextInt(60));
      }
      facts[i] = new SigninFacts(a, in, checkOut);
      already[i] = rnd.nextInt(10) < 8 ? 0 : rnd.nextInt(120);
    }
    long sink = 0;
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    for (int round = 0; round < rounds; round++) {
      int iterations = 8_000_000;
      long t0 = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        int k = i & (n - 1);
        CreditResult r = Accrual.credit(facts[k], rules, already[k]);
        if (r instanceof CreditBreakdown b) {
          sink += b.points() + b.minutesCredited();
        } else {
          sink++;
        }
      }
      long ns = System.nanoTime() - t0;
      out.println(String.format(Locale.ROOT, "round %d: %,.0f credits/s (%.0f ns/credit)",
          round, iterations * 1e9 / ns, (double) ns / iterations));
    }
    out.println("checksum " + sink);
  }
}

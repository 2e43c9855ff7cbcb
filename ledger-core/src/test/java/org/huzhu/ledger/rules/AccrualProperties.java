package org.huzhu.ledger.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class AccrualProperties {
  @Provide
  Arbitrary<RuleVersion> rules() {
    return Generators.ruleVersion();
  }

  @Provide
  Arbitrary<SigninFacts> facts() {
    return Generators.facts();
  }

  @Property(tries = 3000)
  void fastPathEqualsTheReference(
      @ForAll("facts") SigninFacts f,
      @ForAll("rules") RuleVersion r,
      @ForAll @LongRange(min = 0, max = 600) long already) {
    CreditResult result = Accrual.credit(f, r, already);
    ReferenceAccrual.Outcome expected = ReferenceAccrual.credit(f, r, already);
    if (expected.rejected() != null) {
      assertEquals(expected.rejected(), ((CreditRejection) result).reason());
      return;
    }
    CreditBreakdown b = (CreditBreakdown) result;
    assertEquals(expected.points(), b.points());
    assertEquals(expected.minutesCredited(), b.minutesCredited());
    assertEquals(0, expected.factor().compareTo(b.factor()));
    assertEquals(r.version(), b.ruleVersion());
  }

  @Property(tries = 2000)
  void pointsAreNeverNegativeAndNeverAboveTheCap(
      @ForAll("facts") SigninFacts f,
      @ForAll("rules") RuleVersion r,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long already) {
    if (Accrual.credit(f, r, already) instanceof CreditBreakdown b) {
      assertTrue(b.points() >= 0, b::explanation);
      assertTrue(b.points() <= b.pointsBeforeCap());
      if (r.dailyPointsCap() != null) {
        assertTrue(b.points() <= Math.max(0, r.dailyPointsCap() - already), b::explanation);
      }
      assertTrue(b.minutesCredited() >= 0 && b.minutesCredited() <= r.maxMinutes());
      assertTrue(b.creditedMinutes() % r.roundingMinutes() == 0);
      assertTrue(!b.explanation().isEmpty());
    }
  }
}

package org.huzhu.ledger.rules;

import static org.huzhu.ledger.rules.Examples.at;
import static org.huzhu.ledger.rules.Examples.signin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.huzhu.ledger.Reason;
import org.junit.jupiter.api.Test;

class AccrualTest {
  private final RuleVersion rules = Examples.contractRules();

  private CreditBreakdown credited(SigninFacts f, RuleVersion r, long already) {
    return assertInstanceOf(CreditBreakdown.class, Accrual.credit(f, r, already));
  }

  private CreditRejection rejected(SigninFacts f, RuleVersion r) {
    return assertInstanceOf(CreditRejection.class, Accrual.credit(f, r, 0));
  }

  // 2026-01-05 is a Monday, 2026-01-03 a Saturday.

  @Test
  void plainWeekdayHours() {
    CreditBreakdown b = credited(signin("elderly-care", "2026-01-05T09:00", "2026-01-05T11:00"), rules, 0);
    assertEquals(120, b.durationMinutes());
    assertEquals(120, b.creditedMinutes());
    assertEquals(20, b.points());
    assertEquals(120, b.minutesCredited());
    assertEquals(List.of(), b.multipliers());
    assertEquals(0, BigDecimal.ONE.compareTo(b.factor()));
    assertEquals(2, b.ruleVersion());
    assertTrue(b.hourBased());
    assertEquals("2:00 elderly-care × 10/h = 20", b.explanation());
  }

  @Test
  void weekendMultiplier() {
    CreditBreakdown b = credited(signin("elderly-care", "2026-01-03T09:00", "2026-01-03T11:00"), rules, 0);
    assertEquals(30, b.points());
    assertEquals(List.of(new MatchedMultiplier("weekend", new BigDecimal("1.5"))), b.multipliers());
    assertEquals("2:00 elderly-care × 10/h × 1.5 weekend = 30", b.explanation());
  }

  @Test
  void duration44WithRounding15AndMin30IsCredited30() {
    CreditBreakdown b = credited(signin("elderly-care", "2026-01-05T09:00", "2026-01-05T09:44"), rules, 0);
    assertEquals(44, b.durationMinutes());
    assertEquals(30, b.creditedMinutes());
    assertEquals(15, b.roundingMinutes());
    assertEquals(5, b.points());
    assertEquals(30, b.minutesCredited());
    assertEquals("0:44 rounded down to 0:30 elderly-care × 10/h = 5", b.explanation());
  }

  @Test
  void duration29Min59SecondsIsTooShort() {
    CreditRejection r = rejected(signin("elderly-care", "2026-01-05T09:00", "2026-01-05T09:29:59"), rules);
    assertEquals(Reason.TOO_SHORT, r.reason());
    assertTrue(r.detail().contains("lasted 29 min"), r.detail());
    assertTrue(r.detail().contains("minimum of 30 min"), r.detail());
  }

  @Test
  void roundingBelowMinimumIsTooShortAndSaysSo() {
    RuleVersion r = RuleVersion.builder(1, LocalDate.of(2026, 1, 1))
        .roundingMinutes(30).minMinutes(45)
        .activity(Activity.perHour("a", "A", BigDecimal.TEN)).build();
    CreditRejection rej = rejected(signin("a", "2026-01-05T09:00", "2026-01-05T09:50"), r);
    assertEquals(Reason.TOO_SHORT, rej.reason());
    assertEquals("lasted 50 min, 30 min after rounding down to 30-minute steps, below the minimum of 45 min", rej.detail());
  }

  @Test
  void durationEqualToMaxIsAcceptedAndOneMoreIsTooLong() {
    CreditBreakdown b = credited(signin("cleanup", "2026-01-05T08:00", "2026-01-05T20:00"), rules, 0);
    assertEquals(720, b.durationMinutes());
    assertEquals(60, b.points());
    CreditRejection r = rejected(signin("cleanup", "2026-01-05T08:00", "2026-01-05T20:01"), rules);
    assertEquals(Reason.TOO_LONG, r.reason());
    assertEquals("lasted 721 min, above the maximum of 720 min", r.detail());
  }

  @Test
  void datesMultiplier() {
    // 2026-10-01 is a Thursday.
    CreditBreakdown b = credited(signin("elderly-care", "2026-10-01T09:00", "2026-10-01T11:00"), rules, 0);
    assertEquals(40, b.points());
    assertEquals("national-day", b.multipliers().get(0).name());
    CreditBreakdown dayAfter = credited(signin("elderly-care", "2026-10-02T09:00", "2026-10-02T11:00"), rules, 0);
    assertEquals(20, dayAfter.points());
  }

  @Test
  void activitiesWithPeriodMultiplier() {
    // 2026-06-01 is a Monday: flood-season only.
    assertEquals(16, credited(signin("flood-patrol", "2026-06-01T09:00", "2026-06-01T10:00"), rules, 0).points());
    assertEquals(16, credited(signin("flood-patrol", "2026-09-30T09:00", "2026-09-30T10:00"), rules, 0).points());
    // Thursday 2026-10-01 is national day but out of the season: ×2 from national-day only.
    assertEquals(16, credited(signin("flood-patrol", "2026-10-01T09:00", "2026-10-01T10:00"), rules, 0).points());
    // Another activity in the season: no flood-season factor.
    assertEquals(10, credited(signin("elderly-care", "2026-06-01T09:00", "2026-06-01T10:00"), rules, 0).points());
    // Friday before the season.
    assertEquals(8, credited(signin("flood-patrol", "2026-05-29T09:00", "2026-05-29T10:00"), rules, 0).points());
  }

  @Test
  void fromEqualToToHoldsOnThatDate() {
    LocalDate d = LocalDate.of(2026, 3, 4);
    RuleVersion r = RuleVersion.builder(1, LocalDate.of(2026, 1, 1))
        .activity(Activity.perHour("a", "A", BigDecimal.TEN))
        .multiplier(Multiplier.always("one-day", new BigDecimal("3")).withActivities(Set.of("a")).withPeriod(d, d))
        .build();
    assertEquals(30, credited(signin("a", "2026-03-04T00:00", "2026-03-04T01:00"), r, 0).points());
    assertEquals(10, credited(signin("a", "2026-03-03T23:00", "2026-03-04T00:00"), r, 0).points());
    assertEquals(10, credited(signin("a", "2026-03-05T00:00", "2026-03-05T01:00"), r, 0).points());
  }

  @Test
  void factorsMultiply() {
    // Saturday 2026-06-06, in the flood season: 8/h × 2 h × 1.5 × 2 = 48.
    CreditBreakdown b = credited(signin("flood-patrol", "2026-06-06T09:00", "2026-06-06T11:00"), rules, 0);
    assertEquals(48, b.points());
    assertEquals(0, new BigDecimal("3").compareTo(b.factor()));
    assertEquals(List.of("weekend", "flood-season"), b.multipliers().stream().map(MatchedMultiplier::name).toList());
    assertEquals("2:00 flood-patrol × 8/h × 1.5 weekend × 2 flood-season = 48", b.explanation());
  }

  @Test
  void onlyOneFloorAtTheEnd() {
    RuleVersion r = RuleVersion.builder(1, LocalDate.of(2026, 1, 1))
        .activity(Activity.perHour("a", "A", new BigDecimal("7.5")))
        .multiplier(Multiplier.always("third", new BigDecimal("1.333")))
        .build();
    // 50 × 7.5 × 1.333 / 60 = 8.33125 → 8 (flooring each step would give 6 × 1.333 → 7).
    assertEquals(8, credited(signin("a", "2026-01-05T09:00", "2026-01-05T09:50"), r, 0).points());
  }

  @Test
  void capCutsPointsButMinutesStillPost() {
    SigninFacts f = signin("elderly-care", "2026-01-03T09:00", "2026-01-03T11:00");
    CreditBreakdown reached = credited(f, rules, 100);
    assertEquals(30, reached.pointsBeforeCap());
    assertEquals(0, reached.points());
    assertEquals(120, reached.minutesCredited());
    assertEquals(100L, reached.dailyPointsCap());
    CreditBreakdown over = credited(f, rules, 250);
    assertEquals(0, over.points());
    CreditBreakdown partly = credited(f, rules, 90);
    assertEquals(10, partly.points());
    assertTrue(partly.capped());
    assertEquals("2:00 elderly-care × 10/h × 1.5 weekend = 30, daily cap 100 with 90 already credited: 10", partly.explanation());
    CreditBreakdown notCut = credited(f, rules, 70);
    assertEquals(30, notCut.points());
    assertTrue(!notCut.capped());
  }

  @Test
  void noCapMeansNoLimit() {
    RuleVersion r = RuleVersion.withDefaults(1, LocalDate.of(2026, 1, 1), List.of(Activity.perHour("a", "A", BigDecimal.TEN)));
    CreditBreakdown b = credited(signin("a", "2026-01-05T09:00", "2026-01-05T11:00"), r, 1_000_000);
    assertEquals(20, b.points());
    assertNull(b.dailyPointsCap());
  }

  @Test
  void eventBased() {
    CreditBreakdown b = credited(signin("report-issue", "2026-01-05T09:00", null), rules, 0);
    assertEquals(2, b.points());
    assertEquals(0, b.creditedMinutes());
    assertEquals(0, b.minutesCredited());
    assertEquals(0, b.durationMinutes());
    assertTrue(!b.hourBased());
    assertEquals("report-issue × 2/event = 2", b.explanation());
    // A short event is not too short, and an event on national day doubles.
    CreditBreakdown nd = credited(signin("report-issue", "2026-10-01T09:00", "2026-10-01T09:05"), rules, 0);
    assertEquals(4, nd.points());
    assertEquals(5, nd.durationMinutes());
    assertEquals(0, nd.minutesCredited());
    // Check-out equal to check-in is fine for an event.
    assertEquals(2, credited(signin("report-issue", "2026-01-05T09:00", "2026-01-05T09:00"), rules, 0).points());
    CreditRejection r = rejected(signin("report-issue", "2026-01-05T09:30", "2026-01-05T08:00"), rules);
    assertEquals(Reason.BAD_INTERVAL, r.reason());
    assertEquals("check-out 08:00 is before check-in 09:30", r.detail());
  }

  @Test
  void creditHoursFalseCreditsNoMinutes() {
    RuleVersion r = RuleVersion.builder(1, LocalDate.of(2026, 1, 1))
        .activity(new Activity("meeting", "Meeting", new BigDecimal("3"), null, false)).build();
    CreditBreakdown b = credited(signin("meeting", "2026-01-05T09:00", "2026-01-05T11:00"), r, 0);
    assertEquals(6, b.points());
    assertEquals(120, b.creditedMinutes());
    assertEquals(0, b.minutesCredited());
    assertEquals("2:00 meeting × 3/h = 6 (minutes not credited)", b.explanation());
  }

  @Test
  void rejectionsInContractOrder() {
    assertEquals(Reason.UNKNOWN_ACTIVITY, rejected(signin("karaoke", "2026-01-05T09:00", null), rules).reason());
    CreditRejection noOut = rejected(signin("elderly-care", "2026-01-05T09:00", null), rules);
    assertEquals(Reason.NO_CHECKOUT, noOut.reason());
    CreditRejection before = rejected(signin("elderly-care", "2026-01-05T09:30", "2026-01-05T08:00"), rules);
    assertEquals(Reason.BAD_INTERVAL, before.reason());
    assertEquals("check-out 08:00 is before check-in 09:30", before.detail());
    assertEquals(Reason.BAD_INTERVAL, rejected(signin("elderly-care", "2026-01-05T09:30", "2026-01-05T09:30"), rules).reason());
    assertEquals(Reason.BAD_INTERVAL, rejected(signin("elderly-care", "2026-01-05T09:30", "2026-01-05T09:30:59"), rules).reason());
    // A negative interval longer than max is still bad-interval, not too-long.
    assertEquals(Reason.BAD_INTERVAL, rejected(signin("elderly-care", "2026-01-06T09:30", "2026-01-05T08:00"), rules).reason());
  }

  @Test
  void ruleVersionSwitchesOnItsEffectiveDate() {
    RuleVersion v1 = RuleVersion.withDefaults(1, LocalDate.of(2025, 1, 1), List.of(Activity.perHour("elderly-care", "old", new BigDecimal("6"))));
    List<RuleVersion> versions = List.of(rules, v1);
    assertEquals(1, RuleVersions.inForce(versions, LocalDate.of(2025, 12, 31)).orElseThrow().version());
    assertEquals(2, RuleVersions.inForce(versions, LocalDate.of(2026, 1, 1)).orElseThrow().version());
    assertTrue(RuleVersions.inForce(versions, LocalDate.of(2024, 12, 31)).isEmpty());
    SigninFacts lastOld = signin("elderly-care", "2025-12-31T09:00", "2025-12-31T11:00");
    RuleVersion r = RuleVersions.inForce(versions, lastOld.checkIn().toLocalDate()).orElseThrow();
    assertEquals(12, credited(lastOld, r, 0).points());
    SigninFacts firstNew = signin("elderly-care", "2026-01-01T09:00", "2026-01-01T11:00");
    r = RuleVersions.inForce(versions, firstNew.checkIn().toLocalDate()).orElseThrow();
    assertEquals(20, credited(firstNew, r, 0).points());
    assertEquals(2, credited(firstNew, r, 0).ruleVersion());
  }

  @Test
  void offsetsAreConvertedToTheLedgerZoneBeforeChoosingMultipliers() {
    // Friday 18:30 at -08:00 is Saturday 10:30 in Shanghai: the weekend applies.
    ZonedDateTime in = OffsetDateTime.parse("2026-01-02T18:30-08:00").atZoneSameInstant(Examples.SHANGHAI);
    ZonedDateTime out = OffsetDateTime.parse("2026-01-02T20:30-08:00").atZoneSameInstant(Examples.SHANGHAI);
    assertEquals(LocalDate.of(2026, 1, 3), in.toLocalDate());
    CreditBreakdown b = credited(new SigninFacts("elderly-care", in, out), rules, 0);
    assertEquals(30, b.points());
    assertEquals("weekend", b.multipliers().get(0).name());
    // Saturday 01:00 in Shanghai is still Friday in UTC: the Shanghai date counts.
    ZonedDateTime utcIn = ZonedDateTime.parse("2026-01-02T17:00Z").withZoneSameInstant(Examples.SHANGHAI);
    CreditBreakdown c = credited(new SigninFacts("elderly-care", utcIn, utcIn.plusHours(2)), rules, 0);
    assertEquals(30, c.points());
  }

  @Test
  void durationIsElapsedTimeAcrossOffsetChanges() {
    // São Paulo has no DST now; use a zone with a gap: New York, 2026-03-08 02:00 → 03:00.
    java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
    ZonedDateTime in = ZonedDateTime.of(2026, 3, 8, 1, 0, 0, 0, ny);
    ZonedDateTime out = ZonedDateTime.of(2026, 3, 8, 4, 0, 0, 0, ny);
    RuleVersion r = RuleVersion.withDefaults(1, LocalDate.of(2026, 1, 1), List.of(Activity.perHour("a", "A", new BigDecimal("60"))));
    assertEquals(120, credited(new SigninFacts("a", in, out), r, 0).durationMinutes());
  }

  @Test
  void elapsedMinutesRoundDown() {
    assertEquals(29, Accrual.elapsedMinutes(at("2026-01-05T09:00:00.5"), at("2026-01-05T09:30:00.4")));
    assertEquals(30, Accrual.elapsedMinutes(at("2026-01-05T09:00:00.5"), at("2026-01-05T09:30:00.5")));
    assertEquals(-1, Accrual.elapsedMinutes(at("2026-01-05T09:00:30"), at("2026-01-05T09:00")));
  }

  @Test
  void negativeAlreadyCreditedIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class,
        () -> Accrual.credit(signin("cleanup", "2026-01-05T09:00", "2026-01-05T10:00"), rules, -1));
  }

  @Test
  void fractionsTooLargeForLongsFallBackToExactBigIntegers() {
    // rate × factor has 27 fraction digits: 60 × 10^27 does not fit a long.
    RuleVersion r = RuleVersion.builder(1, LocalDate.of(2026, 1, 1))
        .activity(Activity.perHour("a", "A", new BigDecimal("12.345678901")))
        .multiplier(Multiplier.always("x", new BigDecimal("1.000000000000000001")))
        .multiplier(Multiplier.always("y", new BigDecimal("0.99999999")))
        .build();
    CreditBreakdown b = credited(signin("a", "2026-01-05T09:00", "2026-01-05T23:59"), r, 0);
    BigDecimal exact = new BigDecimal("899").multiply(new BigDecimal("12.345678901"))
        .multiply(new BigDecimal("1.000000000000000001")).multiply(new BigDecimal("0.99999999"))
        .divide(BigDecimal.valueOf(60), 0, java.math.RoundingMode.FLOOR);
    assertEquals(exact.longValueExact(), b.points());
    assertEquals(184, b.points());
  }
}

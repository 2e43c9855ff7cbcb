package org.huzhu.ledger.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleVersionsTest {
  private static final String ACT = "\"activities\":{\"a\":{\"points_per_hour\":\"10\"}}";

  private static RuleVersion parse(String json) {
    return RuleVersions.parse(json.getBytes(StandardCharsets.UTF_8), "rules.json");
  }

  /** Parses a document that must be refused and returns the detail. */
  private static String refused(String json) {
    LedgerRefusal e = assertThrows(LedgerRefusal.class, () -> parse(json));
    assertEquals(Reason.BAD_FILE, e.reason());
    assertTrue(e.detail().startsWith("rules.json: "), e.detail());
    return e.detail();
  }

  private static String doc(String fields) {
    return "{\"version\":1,\"effective_from\":\"2026-01-01\"," + fields + "}";
  }

  private static String multiplier(String m) {
    return doc(ACT + ",\"multipliers\":[" + m + "]");
  }

  @Test
  void contractExample() {
    RuleVersion v = Examples.contractRules();
    assertEquals(2, v.version());
    assertEquals(LocalDate.of(2026, 1, 1), v.effectiveFrom());
    assertEquals(15, v.roundingMinutes());
    assertEquals(30, v.minMinutes());
    assertEquals(720, v.maxMinutes());
    assertEquals(100L, v.dailyPointsCap());
    assertEquals(12, v.pointsExpireMonths());
    assertEquals(600, v.hoursCreditLimitMinutes());
    assertEquals(List.of("cleanup", "elderly-care", "flood-patrol", "report-issue"), List.copyOf(v.activities().keySet()));
    assertEquals("助老服务", v.activity("elderly-care").name());
    assertEquals(new BigDecimal("10"), v.activity("elderly-care").pointsPerHour());
    assertTrue(v.activity("elderly-care").creditHours());
    assertEquals(new BigDecimal("2"), v.activity("report-issue").pointsPerEvent());
    assertFalse(v.activity("report-issue").hourBased());
    assertEquals(List.of("weekend", "national-day", "flood-season"), v.multipliers().stream().map(Multiplier::name).toList());
    Multiplier weekend = v.multipliers().get(0);
    assertEquals(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), weekend.daysOfWeek());
    assertNull(weekend.dates());
    assertEquals(new BigDecimal("1.5"), weekend.factor());
    Multiplier flood = v.multipliers().get(2);
    assertEquals(Set.of("flood-patrol"), flood.activities());
    assertEquals(LocalDate.of(2026, 6, 1), flood.from());
    assertEquals(LocalDate.of(2026, 9, 30), flood.to());
  }

  @Test
  void defaults() {
    RuleVersion v = parse(doc(ACT));
    assertEquals(1, v.roundingMinutes());
    assertEquals(0, v.minMinutes());
    assertEquals(1440, v.maxMinutes());
    assertNull(v.dailyPointsCap());
    assertNull(v.pointsExpireMonths());
    assertEquals(0, v.hoursCreditLimitMinutes());
    assertEquals(List.of(), v.multipliers());
    assertTrue(v.activity("a").creditHours());
    assertEquals("a", v.activity("a").name());
  }

  @Test
  void decimalsAsStringsOrNumbersAreReadExactly() {
    RuleVersion v = parse(doc("\"activities\":{\"a\":{\"points_per_hour\":0.1},\"b\":{\"points_per_hour\":\"0.10\"},"
        + "\"c\":{\"points_per_event\":1234567890.000000000000001}}"));
    assertEquals(new BigDecimal("0.1"), v.activity("a").pointsPerHour());
    assertEquals(v.activity("a").pointsPerHour(), v.activity("b").pointsPerHour());
    assertEquals(new BigDecimal("1234567890.000000000000001"), v.activity("c").pointsPerEvent());
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] body = doc(ACT).getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals(parse(doc(ACT)), RuleVersions.parse(withBom, "rules.json"));
  }

  @Test
  void invalidJsonGivesLineAndColumn() {
    String d = refused("{\n  \"version\": 1,\n  \"effective_from\": \"2026-01-01\"\n  \"activities\": {}\n}");
    assertTrue(d.contains("line 4, column"), d);
    assertTrue(d.contains("invalid JSON"), d);
  }

  @Test
  void invalidUtf8GivesLine() {
    byte[] b = ("{\n\"version\":1,\n\"x\":\"").getBytes(StandardCharsets.UTF_8);
    byte[] bad = java.util.Arrays.copyOf(b, b.length + 2);
    bad[b.length] = (byte) 0xC3;
    bad[b.length + 1] = (byte) 0x28;
    LedgerRefusal e = assertThrows(LedgerRefusal.class, () -> RuleVersions.parse(bad, "rules.json"));
    assertEquals("rules.json: line 3: bytes that are not valid UTF-8 (rules files are UTF-8)", e.detail());
  }

  @Test
  void emptyFileAndTrailingContentAndNonObject() {
    assertTrue(refused("").contains("empty"));
    assertTrue(refused(doc(ACT) + " {}").contains("content after"));
    assertTrue(refused("[1]").contains("must be a JSON object"));
    assertTrue(refused("{\"a\":1,\"a\":2}").contains("invalid JSON"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"activities\":{\"a\":{\"points_per_hour\":1}},\"effective_from\":\"2026-01-01\"}|version: missing",
    "{\"version\":1,\"activities\":{\"a\":{\"points_per_hour\":1}}}|effective_from: missing",
    "{\"version\":1,\"effective_from\":\"2026-01-01\"}|activities: missing",
  })
  void missingRequiredFields(String json, String expected) {
    String d = refused(json);
    assertTrue(d.contains(expected), d);
  }

  @Test
  void aFieldNameWithALineBreakIsReportedOnOneLine() {
    String d = refused(doc(ACT + ",\"ro\\nding_minutes\":1")); // an escaped line break
    assertEquals("rules.json: ro\\u000ading_minutes: unknown field", d);
  }

  @Test
  void unknownFieldsAtEveryLevel() {
    assertEquals("rules.json: colour: unknown field", refused(doc(ACT + ",\"colour\":1")));
    assertEquals("rules.json: activities.a.rate: unknown field",
        refused(doc("\"activities\":{\"a\":{\"points_per_hour\":\"1\",\"rate\":1}}")));
    assertEquals("rules.json: multipliers[0].weekday: unknown field",
        refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"weekday\":\"MONDAY\"}")));
  }

  @Test
  void wrongTypes() {
    assertTrue(refused(doc(ACT).replace("\"version\":1", "\"version\":\"1\"")).contains("version: must be an integer, not a string"));
    assertTrue(refused(doc(ACT).replace("\"version\":1", "\"version\":1.0")).contains("version: must be an integer, not 1.0"));
    assertTrue(refused(doc(ACT + ",\"max_minutes\":null")).contains("max_minutes: must be an integer, not null"));
    assertTrue(refused(doc(ACT + ",\"daily_points_cap\":10.5")).contains("daily_points_cap: must be an integer"));
    assertTrue(refused(doc("\"activities\":[]")).contains("activities: must be an object, not an array"));
    assertTrue(refused(doc(ACT + ",\"multipliers\":{}")).contains("multipliers: must be an array"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":\"1\",\"credit_hours\":\"yes\"}}"))
        .contains("activities.a.credit_hours: must be true or false, not a string"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":true}}")).contains("activities.a.points_per_hour: must be a decimal"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"name\":5,\"points_per_hour\":\"1\"}}")).contains("activities.a.name: must be a string"));
    assertTrue(refused(doc(ACT).replace("\"2026-01-01\"", "20260101")).contains("effective_from: must be a string"));
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"days_of_week\":\"MONDAY\"}")).contains("multipliers[0].days_of_week: must be an array"));
  }

  @Test
  void activityWithBothOrNeitherRate() {
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":\"1\",\"points_per_event\":\"1\"}}"))
        .contains("activities.a: has both points_per_hour and points_per_event"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"name\":\"A\"}}"))
        .contains("activities.a: has neither points_per_hour nor points_per_event"));
  }

  @Test
  void creditHoursOnEventActivity() {
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_event\":\"1\",\"credit_hours\":false}}"))
        .contains("activities.a.credit_hours: only an hour-based activity"));
  }

  @Test
  void multiplierNamingUnknownActivity() {
    assertEquals("rules.json: multipliers[0].activities[1]: activity 'b' is not defined in this version's activities",
        refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"activities\":[\"a\",\"b\"]}")));
  }

  @Test
  void duplicateMultiplierNames() {
    assertEquals("rules.json: multipliers[1].name: 'm' is already the name of multipliers[0]",
        refused(multiplier("{\"name\":\"m\",\"factor\":\"2\"},{\"name\":\"m\",\"factor\":\"3\"}")));
  }

  @Test
  void unknownDayNames() {
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"days_of_week\":[\"SATURDAY\",\"Sunday\"]}"))
        .contains("multipliers[0].days_of_week[1]: 'Sunday' is not a day of the week"));
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"days_of_week\":[\"SAT\"]}"))
        .contains("days_of_week[0]"));
  }

  @Test
  void emptyConditionListsAreRefused() {
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"dates\":[]}")).contains("multipliers[0].dates: must not be empty"));
  }

  @Test
  void ratesMustBeNonNegativeDecimals() {
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":\"-1\"}}")).contains("activities.a.points_per_hour: must be >= 0"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":-0.5}}")).contains("activities.a.points_per_hour: must be >= 0"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_event\":\"ten\"}}")).contains("activities.a.points_per_event: not a decimal"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_event\":\".5\"}}")).contains("activities.a.points_per_event: not a decimal"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_event\":\" 5\"}}")).contains("not a decimal"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_event\":\"1234567890123456789012345678901234\"}}")).contains("longer than 32"));
    String long50 = "1".repeat(50);
    assertTrue(
        refused(doc("\"activities\":{\"a\":{\"points_per_event\":\"" + long50 + "\"}}"))
            .endsWith("longer than 32 characters: a value of 50 characters"));
    assertEquals(BigDecimal.ZERO, parse(doc("\"activities\":{\"a\":{\"points_per_hour\":\"0.00\"}}")).activity("a").pointsPerHour());
  }

  @Test
  void factorsMustBePositiveDecimals() {
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"0\"}")).contains("multipliers[0].factor: must be > 0, not 0"));
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":-2}")).contains("multipliers[0].factor: must be > 0"));
    assertTrue(refused(multiplier("{\"name\":\"m\"}")).contains("multipliers[0].factor: missing"));
    assertTrue(refused(multiplier("{\"factor\":\"2\"}")).contains("multipliers[0].name: missing"));
  }

  @Test
  void exponentsAreRefused() {
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":1e2}}")).contains("activities.a.points_per_hour: exponents are not accepted"));
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":\"1E2\"}}")).contains("activities.a.points_per_hour: exponents are not accepted"));
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":1.5e0}")).contains("multipliers[0].factor: exponents"));
    assertTrue(refused(doc(ACT + ",\"max_minutes\":1e3")).contains("max_minutes: must be an integer"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "rounding_minutes|0|must be >= 1",
    "min_minutes|-1|must be >= 0",
    "max_minutes|0|must be >= 1",
    "daily_points_cap|-1|must be >= 0",
    "points_expire_months|0|must be >= 1",
    "hours_credit_limit_minutes|-1|must be >= 0",
    "version|0|must be >= 1",
    "max_minutes|2147483648|must be <= 2147483647",
    "daily_points_cap|1000000000001|must be <= 1000000000000",
  })
  void bounds(String field, String value, String why) {
    String json = field.equals("version") ? doc(ACT).replace("\"version\":1", "\"version\":" + value) : doc(ACT + ",\"" + field + "\":" + value);
    assertEquals("rules.json: " + field + ": " + why + ", not " + value, refused(json));
  }

  @Test
  void boundsAtTheirEdgesAreAccepted() {
    RuleVersion v = parse(doc(ACT + ",\"rounding_minutes\":1,\"min_minutes\":0,\"max_minutes\":1,\"daily_points_cap\":0,"
        + "\"points_expire_months\":1,\"hours_credit_limit_minutes\":0"));
    assertEquals(0L, v.dailyPointsCap());
  }

  @Test
  void datesMustBeRealIsoDates() {
    assertTrue(refused(doc(ACT).replace("2026-01-01", "2026-02-30")).contains("effective_from: '2026-02-30' is not a date"));
    assertTrue(refused(doc(ACT).replace("2026-01-01", "2026-1-1")).contains("effective_from: must be a date YYYY-MM-DD"));
    assertTrue(refused(doc(ACT).replace("2026-01-01", "2026-01-01T00:00")).contains("effective_from: must be a date YYYY-MM-DD"));
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"dates\":[\"2026-13-01\"]}")).contains("multipliers[0].dates[0]"));
  }

  @Test
  void fromMustNotBeAfterTo() {
    assertTrue(refused(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"from\":\"2026-06-02\",\"to\":\"2026-06-01\"}"))
        .contains("multipliers[0].to: 2026-06-01 is before from 2026-06-02"));
    parse(multiplier("{\"name\":\"m\",\"factor\":\"2\",\"from\":\"2026-06-01\",\"to\":\"2026-06-01\"}"));
  }

  @Test
  void activityKeysFollowThePattern() {
    assertTrue(refused(doc("\"activities\":{\"a b\":{\"points_per_hour\":\"1\"}}")).contains("activities.a b: an activity key must match"));
    assertTrue(refused(doc("\"activities\":{\"\":{\"points_per_hour\":\"1\"}}")).contains("an activity key must match"));
    String long65 = "x".repeat(65);
    assertTrue(refused(doc("\"activities\":{\"" + long65 + "\":{\"points_per_hour\":\"1\"}}")).contains("an activity key must match"));
    assertTrue(refused(doc("\"activities\":{}")).contains("activities: must define at least one activity"));
  }

  @Test
  void absurdRatesAreRefusedWhenPublished() {
    assertTrue(refused(doc("\"activities\":{\"a\":{\"points_per_hour\":\"100000000000\"}}"))
        .contains("activities.a: with max_minutes and the multipliers, one sign-in could earn more than 1000000000000 points"));
  }

  @Test
  void successorChecks() {
    RuleVersion v2 = Examples.contractRules();
    RuleVersions.checkSuccessor(null, v2, "rules.json");
    RuleVersion v3 = RuleVersion.withDefaults(3, LocalDate.of(2026, 1, 1), List.of(Activity.perHour("a", "A", BigDecimal.ONE)));
    RuleVersions.checkSuccessor(v2, v3, "rules.json");
    LedgerRefusal notAbove = assertThrows(LedgerRefusal.class, () -> RuleVersions.checkSuccessor(v3, v2, "r.json"));
    assertEquals(Reason.BAD_FILE, notAbove.reason());
    assertEquals("r.json: version: 2 is not above the latest version 3", notAbove.detail());
    RuleVersion earlier = RuleVersion.withDefaults(4, LocalDate.of(2025, 12, 31), List.of(Activity.perHour("a", "A", BigDecimal.ONE)));
    LedgerRefusal early = assertThrows(LedgerRefusal.class, () -> RuleVersions.checkSuccessor(v2, earlier, "r.json"));
    assertTrue(early.detail().startsWith("r.json: effective_from: 2025-12-31 is earlier"), early.detail());
  }

  @Test
  void identicalMeansEqualParsedValues() {
    RuleVersion a = parse(doc("\"activities\":{\"a\":{\"points_per_hour\":\"10\"}}"));
    RuleVersion b = parse("{ \"effective_from\": \"2026-01-01\", \"version\": 1, \"rounding_minutes\": 1,"
        + " \"activities\": {\"a\": {\"name\": \"a\", \"points_per_hour\": 10.00, \"credit_hours\": true}}, \"multipliers\": [] }");
    assertTrue(RuleVersions.identical(a, b));
    assertFalse(RuleVersions.identical(a, parse(doc("\"activities\":{\"a\":{\"points_per_hour\":\"10.01\"}}"))));
  }

  @Test
  void canonicalJsonIsPinned() {
    String expected = "{\"activities\":{"
        + "\"cleanup\":{\"credit_hours\":true,\"name\":\"环境整治\",\"points_per_hour\":\"5\"},"
        + "\"elderly-care\":{\"credit_hours\":true,\"name\":\"助老服务\",\"points_per_hour\":\"10\"},"
        + "\"flood-patrol\":{\"credit_hours\":true,\"name\":\"防汛巡查\",\"points_per_hour\":\"8\"},"
        + "\"report-issue\":{\"name\":\"随手拍\",\"points_per_event\":\"2\"}},"
        + "\"daily_points_cap\":100,\"effective_from\":\"2026-01-01\",\"hours_credit_limit_minutes\":600,"
        + "\"max_minutes\":720,\"min_minutes\":30,\"multipliers\":["
        + "{\"days_of_week\":[\"SATURDAY\",\"SUNDAY\"],\"factor\":\"1.5\",\"name\":\"weekend\"},"
        + "{\"dates\":[\"2026-10-01\"],\"factor\":\"2\",\"name\":\"national-day\"},"
        + "{\"activities\":[\"flood-patrol\"],\"factor\":\"2\",\"from\":\"2026-06-01\",\"name\":\"flood-season\",\"to\":\"2026-09-30\"}],"
        + "\"points_expire_months\":12,\"rounding_minutes\":15,\"version\":2}";
    RuleVersion v = Examples.contractRules();
    assertEquals(expected, RuleVersions.toCanonicalJson(v));
    assertEquals(v, RuleVersions.fromCanonicalJson(expected));
  }

  @Test
  void damagedCanonicalJsonIsAnIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> RuleVersions.fromCanonicalJson("{\"version\":"));
  }

  @Test
  void recordsRejectBadValuesNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RuleVersion.builder(1, LocalDate.of(2026, 1, 1)).roundingMinutes(0).activity(Activity.perHour("a", "A", BigDecimal.ONE)).build());
    assertEquals("roundingMinutes must be >= 1: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Multiplier.always("m", BigDecimal.ZERO));
    assertEquals("multiplier m: factor must be > 0: 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Activity("a", "A", BigDecimal.ONE, BigDecimal.ONE, true));
    assertTrue(e.getMessage().contains("exactly one of pointsPerHour and pointsPerEvent"));
    e = assertThrows(IllegalArgumentException.class, () -> new Activity("a", "A", null, BigDecimal.ONE, true));
    assertTrue(e.getMessage().contains("creditHours must be false"));
    e = assertThrows(IllegalArgumentException.class,
        () -> RuleVersion.builder(1, LocalDate.of(2026, 1, 1)).activity(Activity.perHour("a", "A", BigDecimal.ONE))
            .multiplier(Multiplier.always("m", BigDecimal.TEN).withActivities(Set.of("b"))).build());
    assertEquals("multiplier m: activity 'b' is not defined", e.getMessage());
  }
}

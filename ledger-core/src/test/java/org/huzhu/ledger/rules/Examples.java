package org.huzhu.ledger.rules;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The contract's example rules and helpers to build sign-ins in the ledger's zone. */
final class Examples {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static final String CONTRACT_RULES =
      "{\n"
          + "  \"version\": 2,\n"
          + "  \"effective_from\": \"2026-01-01\",\n"
          + "  \"rounding_minutes\": 15,\n"
          + "  \"min_minutes\": 30,\n"
          + "  \"max_minutes\": 720,\n"
          + "  \"daily_points_cap\": 100,\n"
          + "  \"points_expire_months\": 12,\n"
          + "  \"hours_credit_limit_minutes\": 600,\n"
          + "  \"activities\": {\n"
          + "    \"elderly-care\": {\"name\": \"助老服务\", \"points_per_hour\": \"10\"},\n"
          + "    \"cleanup\":      {\"name\": \"环境整治\", \"points_per_hour\": \"5\"},\n"
          + "    \"flood-patrol\": {\"name\": \"防汛巡查\", \"points_per_hour\": \"8\"},\n"
          + "    \"report-issue\": {\"name\": \"随手拍\", \"points_per_event\": \"2\"}\n"
          + "  },\n"
          + "  \"multipliers\": [\n"
          + "    {\"name\": \"weekend\", \"days_of_week\": [\"SATURDAY\", \"SUNDAY\"], \"factor\": \"1.5\"},\n"
          + "    {\"name\": \"national-day\", \"dates\": [\"2026-10-01\"], \"factor\": \"2\"},\n"
          + "    {\"name\": \"flood-season\", \"activities\": [\"flood-patrol\"], \"from\": \"2026-06-01\", \"to\": \"2026-09-30\", \"factor\": \"2\"}\n"
          + "  ]\n"
          + "}\n";

  private Examples() {}

  static RuleVersion contractRules() {
    return RuleVersions.parse(CONTRACT_RULES.getBytes(StandardCharsets.UTF_8), "rules.json");
  }

  static ZonedDateTime at(String localDateTime) {
    return ZonedDateTime.of(LocalDateTime.parse(localDateTime), SHANGHAI);
  }

  static SigninFacts signin(String activity, String in, String out) {
    return new SigninFacts(activity, at(in), out == null ? null : at(out));
  }
}

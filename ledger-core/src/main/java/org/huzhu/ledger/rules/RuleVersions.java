package org.huzhu.ledger.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;

/** Interim parser; replaced by the full accrual rules. */
public final class RuleVersions {
  private RuleVersions() {}

  public static RuleVersion fromCanonicalJson(String json) {
    try {
      JsonNode n = new ObjectMapper().readTree(json);
      return new RuleVersion(
          n.get("version").intValue(),
          LocalDate.parse(n.get("effective_from").asText()),
          n.has("points_expire_months") ? n.get("points_expire_months").intValue() : null,
          n.has("hours_credit_limit_minutes") ? n.get("hours_credit_limit_minutes").longValue() : 0);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}

package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes the canonical form of a rule version: a valid {@code rules.json} with every field
 * explicit, keys in alphabetical order at every level, set elements in their natural order,
 * decimals as JSON strings of their exact plain text, no whitespace. Because the text is a rules
 * file, reading it back is simply {@link RulesParser}.
 *
 * <p>Strings are escaped so the output never holds a TAB, CR or LF (validated names cannot hold
 * control characters anyway); non-ASCII characters are written as themselves.
 */
final class CanonicalJson {
  private CanonicalJson() {}

  static String write(RuleVersion v) {
    StringBuilder sb = new StringBuilder(256);
    sb.append('{');
    sb.append("\"activities\":{");
    boolean first = true;
    for (Map.Entry<String, Activity> e : v.activities().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':');
      activity(sb, e.getValue());
    }
    sb.append('}');
    if (v.dailyPointsCap() != null) {
      sb.append(",\"daily_points_cap\":").append(v.dailyPointsCap().longValue());
    }
    sb.append(",\"effective_from\":");
    string(sb, v.effectiveFrom().toString());
    sb.append(",\"hours_credit_limit_minutes\":").append(v.hoursCreditLimitMinutes());
    sb.append(",\"max_minutes\":").append(v.maxMinutes());
    sb.append(",\"min_minutes\":").append(v.minMinutes());
    sb.append(",\"multipliers\":[");
    for (int i = 0; i < v.multipliers().size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      multiplier(sb, v.multipliers().get(i));
    }
    sb.append(']');
    if (v.pointsExpireMonths() != null) {
      sb.append(",\"points_expire_months\":").append(v.pointsExpireMonths().intValue());
    }
    sb.append(",\"rounding_minutes\":").append(v.roundingMinutes());
    sb.append(",\"version\":").append(v.version());
    return sb.append('}').toString();
  }

  private static void activity(StringBuilder sb, Activity a) {
    sb.append('{');
    if (a.hourBased()) {
      sb.append("\"credit_hours\":").append(a.creditHours()).append(',');
    }
    sb.append("\"name\":");
    string(sb, a.name());
    sb.append(a.hourBased() ? ",\"points_per_hour\":" : ",\"points_per_event\":");
    decimal(sb, a.rate());
    sb.append('}');
  }

  private static void multiplier(StringBuilder sb, Multiplier m) {
    sb.append('{');
    if (m.activities() != null) {
      sb.append("\"activities\":");
      strings(sb, m.activities().iterator());
      sb.append(',');
    }
    if (m.dates() != null) {
      sb.append("\"dates\":[");
      boolean first = true;
      for (LocalDate d : m.dates()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, d.toString());
      }
      sb.append("],");
    }
    if (m.daysOfWeek() != null) {
      sb.append("\"days_of_week\":[");
      boolean first = true;
      for (DayOfWeek d : m.daysOfWeek()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, d.name());
      }
      sb.append("],");
    }
    sb.append("\"factor\":");
    decimal(sb, m.factor());
    if (m.from() != null) {
      sb.append(",\"from\":");
      string(sb, m.from().toString());
    }
    sb.append(",\"name\":");
    string(sb, m.name());
    if (m.to() != null) {
      sb.append(",\"to\":");
      string(sb, m.to().toString());
    }
    sb.append('}');
  }

  private static void strings(StringBuilder sb, Iterator<String> it) {
    sb.append('[');
    boolean first = true;
    while (it.hasNext()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, it.next());
    }
    sb.append(']');
  }

  private static void decimal(StringBuilder sb, BigDecimal d) {
    sb.append('"').append(d.toPlainString()).append('"');
  }

  static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}

package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.rules.CreditBreakdown;
import org.huzhu.ledger.rules.MatchedMultiplier;

/** The JSON of credit entries, kept apart because it carries the accrual breakdown. */
final class CreditCodec {
  private CreditCodec() {}

  static void write(JsonGenerator g, EntryDetail d) throws IOException {
    if (!(d instanceof EntryDetail.Credit c)) {
      throw new IllegalArgumentException("no codec for entry kind " + d.kind());
    }
    JsonFields.string(g, "member", c.member());
    JsonFields.string(g, "activity", c.activity());
    JsonFields.string(g, "check_in", c.checkIn().toString());
    if (c.checkOut() != null) {
      JsonFields.string(g, "check_out", c.checkOut().toString());
    }
    JsonFields.string(g, "verified_by", c.verifiedBy());
    if (c.team() != null) {
      JsonFields.string(g, "team", c.team());
    }
    if (c.grid() != null) {
      JsonFields.string(g, "grid", c.grid());
    }
    if (c.importId() != null) {
      JsonFields.string(g, "import", c.importId());
    }
    CreditBreakdown b = c.breakdown();
    JsonFields.object(g, "breakdown");
    JsonFields.number(g, "rule_version", b.ruleVersion());
    JsonFields.bool(g, "hour_based", b.hourBased());
    JsonFields.number(g, "duration", b.durationMinutes());
    JsonFields.number(g, "credited", b.creditedMinutes());
    JsonFields.number(g, "rounding", b.roundingMinutes());
    JsonFields.string(g, "rate", b.rate().toPlainString());
    JsonFields.array(g, "multipliers");
    for (MatchedMultiplier m : b.multipliers()) {
      g.writeStartObject();
      JsonFields.string(g, "name", m.name());
      JsonFields.string(g, "factor", m.factor().toPlainString());
      g.writeEndObject();
    }
    g.writeEndArray();
    JsonFields.string(g, "factor", b.factor().toPlainString());
    JsonFields.number(g, "before_cap", b.pointsBeforeCap());
    if (b.dailyPointsCap() != null) {
      JsonFields.number(g, "cap", b.dailyPointsCap());
    }
    JsonFields.number(g, "already", b.pointsAlreadyCredited());
    JsonFields.number(g, "points", b.points());
    JsonFields.number(g, "minutes", b.minutesCredited());
    g.writeEndObject();
  }

  static EntryDetail read(String kind, Map<String, Object> d) {
    if (!kind.equals("credit")) {
      throw new IllegalArgumentException("unknown entry kind '" + kind + "'");
    }
    Map<String, Object> b = JsonValues.object(d, "breakdown");
    List<MatchedMultiplier> multipliers = new ArrayList<>();
    for (Map<String, Object> m : JsonValues.objects(b, "multipliers")) {
      multipliers.add(new MatchedMultiplier(JsonValues.text(m, "name"), new BigDecimal(JsonValues.text(m, "factor"))));
    }
    String activity = JsonValues.text(d, "activity");
    CreditBreakdown breakdown =
        new CreditBreakdown(
            (int) JsonValues.number(b, "rule_version"),
            activity,
            JsonValues.bool(b, "hour_based"),
            JsonValues.number(b, "duration"),
            JsonValues.number(b, "credited"),
            (int) JsonValues.number(b, "rounding"),
            new BigDecimal(JsonValues.text(b, "rate")),
            multipliers,
            new BigDecimal(JsonValues.text(b, "factor")),
            JsonValues.number(b, "before_cap"),
            b.containsKey("cap") ? JsonValues.number(b, "cap") : null,
            JsonValues.number(b, "already"),
            JsonValues.number(b, "points"),
            JsonValues.number(b, "minutes"));
    String out = JsonValues.optText(d, "check_out");
    return new EntryDetail.Credit(
        JsonValues.text(d, "member"),
        activity,
        JsonValues.zoned(JsonValues.text(d, "check_in")),
        out == null ? null : JsonValues.zoned(out),
        JsonValues.text(d, "verified_by"),
        JsonValues.optText(d, "team"),
        JsonValues.optText(d, "grid"),
        JsonValues.optText(d, "import"),
        breakdown);
  }
}

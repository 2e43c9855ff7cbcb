package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.rules.CreditBreakdown;
import org.huzhu.ledger.rules.MatchedMultiplier;

/** The JSON of credit entries, kept apart because it carries the accrual breakdown. */
final class CreditCodec {
  private CreditCodec() {}

  static void write(JsonGenerator g, EntryDetail d) throws IOException {
    if (!(d instanceof EntryDetail.Credit c)) {
      throw new IllegalArgumentException("no codec for entry kind " + d.kind());
    }
    g.writeStringField("member", c.member());
    g.writeStringField("activity", c.activity());
    g.writeStringField("check_in", c.checkIn().toString());
    if (c.checkOut() != null) {
      g.writeStringField("check_out", c.checkOut().toString());
    }
    g.writeStringField("verified_by", c.verifiedBy());
    if (c.team() != null) {
      g.writeStringField("team", c.team());
    }
    if (c.grid() != null) {
      g.writeStringField("grid", c.grid());
    }
    if (c.importId() != null) {
      g.writeStringField("import", c.importId());
    }
    CreditBreakdown b = c.breakdown();
    g.writeObjectFieldStart("breakdown");
    g.writeNumberField("rule_version", b.ruleVersion());
    g.writeBooleanField("hour_based", b.hourBased());
    g.writeNumberField("duration", b.durationMinutes());
    g.writeNumberField("credited", b.creditedMinutes());
    g.writeNumberField("rounding", b.roundingMinutes());
    g.writeStringField("rate", b.rate().toPlainString());
    g.writeArrayFieldStart("multipliers");
    for (MatchedMultiplier m : b.multipliers()) {
      g.writeStartObject();
      g.writeStringField("name", m.name());
      g.writeStringField("factor", m.factor().toPlainString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("factor", b.factor().toPlainString());
    g.writeNumberField("before_cap", b.pointsBeforeCap());
    if (b.dailyPointsCap() != null) {
      g.writeNumberField("cap", b.dailyPointsCap());
    }
    g.writeNumberField("already", b.pointsAlreadyCredited());
    g.writeNumberField("points", b.points());
    g.writeNumberField("minutes", b.minutesCredited());
    g.writeEndObject();
  }

  static EntryDetail read(String kind, JsonNode d) {
    if (!kind.equals("credit")) {
      throw new IllegalArgumentException("unknown entry kind '" + kind + "'");
    }
    JsonNode b = d.get("breakdown");
    List<MatchedMultiplier> multipliers = new ArrayList<>();
    for (JsonNode m : b.get("multipliers")) {
      multipliers.add(new MatchedMultiplier(EntryCodec.text(m, "name"), new BigDecimal(EntryCodec.text(m, "factor"))));
    }
    CreditBreakdown breakdown =
        new CreditBreakdown(
            b.get("rule_version").intValue(),
            EntryCodec.text(d, "activity"),
            b.get("hour_based").booleanValue(),
            b.get("duration").longValue(),
            b.get("credited").longValue(),
            b.get("rounding").intValue(),
            new BigDecimal(EntryCodec.text(b, "rate")),
            multipliers,
            new BigDecimal(EntryCodec.text(b, "factor")),
            b.get("before_cap").longValue(),
            b.has("cap") ? b.get("cap").longValue() : null,
            b.get("already").longValue(),
            b.get("points").longValue(),
            b.get("minutes").longValue());
    String out = EntryCodec.opt(d, "check_out");
    return new EntryDetail.Credit(
        EntryCodec.text(d, "member"),
        EntryCodec.text(d, "activity"),
        ZonedDateTime.parse(EntryCodec.text(d, "check_in")),
        out == null ? null : ZonedDateTime.parse(out),
        EntryCodec.text(d, "verified_by"),
        EntryCodec.opt(d, "team"),
        EntryCodec.opt(d, "grid"),
        EntryCodec.opt(d, "import"),
        breakdown);
  }
}

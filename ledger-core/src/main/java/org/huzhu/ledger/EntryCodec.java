package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical JSON of an entry as the journal stores it: compact, fixed key order, absent values
 * omitted, so that the same entry always has the same bytes (and the same hash).
 *
 * <p>Adding a kind of entry means one {@code write…} and one {@code read…} branch here.
 */
final class EntryCodec {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private EntryCodec() {}

  static byte[] toJson(Entry e) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("id", e.id());
      g.writeStringField("kind", e.kind());
      g.writeStringField("date", e.date().toString());
      g.writeArrayFieldStart("postings");
      for (Posting p : e.postings()) {
        g.writeStartObject();
        g.writeStringField("account", p.account().name());
        g.writeNumberField("points", p.points());
        g.writeNumberField("minutes", p.minutes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("data");
      writeDetail(g, e.detail());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out.toByteArray();
  }

  private static void writeDetail(JsonGenerator g, EntryDetail d) throws IOException {
    if (d instanceof EntryDetail.LedgerCreated x) {
      g.writeStringField("zone", x.zone().getId());
    } else if (d instanceof EntryDetail.Enrolment x) {
      g.writeStringField("member", x.member());
      g.writeStringField("joined_on", x.joinedOn().toString());
      optional(g, "team", x.team());
      optional(g, "grid", x.grid());
    } else if (d instanceof EntryDetail.RulesPublished x) {
      g.writeNumberField("version", x.version());
      g.writeStringField("effective_from", x.effectiveFrom().toString());
      g.writeFieldName("rules");
      g.writeRawValue(x.rulesJson());
    } else if (d instanceof EntryDetail.CatalogPublished x) {
      g.writeNumberField("version", x.version());
      g.writeArrayFieldStart("items");
      for (CatalogItem i : x.items()) {
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("name", i.name());
        g.writeStringField("merchant", i.merchant());
        g.writeNumberField("price_points", i.pricePoints());
        if (i.stock() != null) {
          g.writeNumberField("stock", i.stock());
        }
        if (i.limitPerMemberPerMonth() != null) {
          g.writeNumberField("limit_per_member_per_month", i.limitPerMemberPerMonth());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (d instanceof EntryDetail.Adjustment x) {
      g.writeStringField("member", x.member());
      g.writeNumberField("points", x.points());
      g.writeNumberField("minutes", x.minutes());
      g.writeStringField("reason", x.reason());
      g.writeStringField("approved_by", x.approvedBy());
      optional(g, "at", x.at());
      lots(g, "spent", x.spent());
    } else if (d instanceof EntryDetail.Reversal x) {
      g.writeStringField("target", x.target());
      g.writeStringField("reason", x.reason());
      optional(g, "at", x.at());
      lots(g, "restored", x.restored());
    } else if (d instanceof EntryDetail.Redemption x) {
      g.writeStringField("member", x.member());
      g.writeStringField("item", x.item());
      g.writeStringField("merchant", x.merchant());
      g.writeNumberField("quantity", x.quantity());
      g.writeNumberField("price_points", x.pricePoints());
      optional(g, "at", x.at());
      lots(g, "spent", x.spent());
    } else if (d instanceof EntryDetail.Transfer x) {
      g.writeStringField("from", x.from().name());
      g.writeStringField("to", x.to().name());
      g.writeNumberField("minutes", x.minutes());
      optional(g, "memo", x.memo());
      optional(g, "at", x.at());
    } else if (d instanceof EntryDetail.Expiry x) {
      g.writeStringField("member", x.member());
      g.writeStringField("lot", x.lot());
      g.writeNumberField("points", x.points());
    } else if (d instanceof EntryDetail.Settlement x) {
      g.writeStringField("merchant", x.merchant());
      g.writeNumberField("points", x.points());
      optional(g, "at", x.at());
    } else {
      CreditCodec.write(g, d);
    }
  }

  private static void optional(JsonGenerator g, String field, Object value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value.toString());
    }
  }

  private static void lots(JsonGenerator g, String field, List<EntryDetail.LotSpend> lots)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (EntryDetail.LotSpend s : lots) {
      g.writeStartObject();
      g.writeStringField("lot", s.lot());
      g.writeNumberField("points", s.points());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * Reads an entry back from its canonical JSON.
   *
   * @throws IllegalArgumentException if the JSON is not an entry this version can read
   */
  static Entry fromJson(long seq, byte[] json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (IOException ex) {
      throw new IllegalArgumentException("entry " + seq + " is not valid JSON: " + ex.getMessage(), ex);
    }
    try {
      String id = text(n, "id");
      LocalDate date = LocalDate.parse(text(n, "date"));
      List<Posting> postings = new ArrayList<>();
      for (JsonNode p : n.get("postings")) {
        postings.add(
            new Posting(
                new Account(text(p, "account")), p.get("points").longValue(), p.get("minutes").longValue()));
      }
      JsonNode d = n.get("data");
      EntryDetail detail = readDetail(text(n, "kind"), d);
      return new Entry(seq, id, date, postings, detail);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("entry " + seq + " cannot be read: " + ex.getMessage(), ex);
    }
  }

  private static EntryDetail readDetail(String kind, JsonNode d) {
    switch (kind) {
      case "ledger":
        return new EntryDetail.LedgerCreated(ZoneId.of(text(d, "zone")));
      case "enrolment":
        return new EntryDetail.Enrolment(
            text(d, "member"), LocalDate.parse(text(d, "joined_on")), opt(d, "team"), opt(d, "grid"));
      case "rules":
        return new EntryDetail.RulesPublished(
            d.get("version").intValue(),
            LocalDate.parse(text(d, "effective_from")),
            d.get("rules").toString());
      case "catalog":
        List<CatalogItem> items = new ArrayList<>();
        for (JsonNode i : d.get("items")) {
          items.add(
              new CatalogItem(
                  text(i, "id"),
                  text(i, "name"),
                  text(i, "merchant"),
                  i.get("price_points").longValue(),
                  i.has("stock") ? i.get("stock").longValue() : null,
                  i.has("limit_per_member_per_month")
                      ? i.get("limit_per_member_per_month").longValue()
                      : null));
        }
        return new EntryDetail.CatalogPublished(d.get("version").intValue(), items);
      case "adjustment":
        return new EntryDetail.Adjustment(
            text(d, "member"),
            d.get("points").longValue(),
            d.get("minutes").longValue(),
            text(d, "reason"),
            text(d, "approved_by"),
            at(d),
            lots(d, "spent"));
      case "reversal":
        return new EntryDetail.Reversal(text(d, "target"), text(d, "reason"), at(d), lots(d, "restored"));
      case "redemption":
        return new EntryDetail.Redemption(
            text(d, "member"),
            text(d, "item"),
            text(d, "merchant"),
            d.get("quantity").longValue(),
            d.get("price_points").longValue(),
            at(d),
            lots(d, "spent"));
      case "transfer":
        return new EntryDetail.Transfer(
            new Account(text(d, "from")),
            new Account(text(d, "to")),
            d.get("minutes").longValue(),
            opt(d, "memo"),
            at(d));
      case "expiry":
        return new EntryDetail.Expiry(text(d, "member"), text(d, "lot"), d.get("points").longValue());
      case "settlement":
        return new EntryDetail.Settlement(text(d, "merchant"), d.get("points").longValue(), at(d));
      default:
        return CreditCodec.read(kind, d);
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return v.textValue();
  }

  static String opt(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static LocalDateTime at(JsonNode d) {
    String at = opt(d, "at");
    return at == null ? null : LocalDateTime.parse(at);
  }

  private static List<EntryDetail.LotSpend> lots(JsonNode d, String field) {
    List<EntryDetail.LotSpend> out = new ArrayList<>();
    JsonNode arr = d.get(field);
    if (arr != null) {
      for (JsonNode s : arr) {
        out.add(new EntryDetail.LotSpend(text(s, "lot"), s.get("points").longValue()));
      }
    }
    return out;
  }
}

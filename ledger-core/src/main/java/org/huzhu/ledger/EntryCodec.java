package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.Map;

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

  /**
   * One buffer and generator per encoding thread, reused: an import encodes a million entries, and
   * a new buffer and generator for each was more fresh memory than the journal it writes.
   */
  private static final class Encoder {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    final JsonGenerator g;

    Encoder() {
      try {
        g = FACTORY.createGenerator(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      g.setRootValueSeparator(null); // each entry is a document of its own
    }
  }

  private static final ThreadLocal<Encoder> ENCODERS = ThreadLocal.withInitial(Encoder::new);

  static byte[] toJson(Entry e) {
    if (e.detail() instanceof EntryDetail.Credit) {
      byte[] credit = CanonicalCredits.write(e);
      if (credit != null) {
        return credit;
      }
    }
    return generate(e);
  }

  /** Writes any entry with a JSON generator: what {@link #toJson} does for all but most credits. */
  static byte[] generate(Entry e) {
    Encoder encoder = ENCODERS.get();
    JsonGenerator g = encoder.g;
    boolean reusable = false;
    try {
      g.writeStartObject();
      JsonFields.string(g, "id", e.id());
      JsonFields.string(g, "kind", e.kind());
      JsonFields.string(g, "date", e.date().toString());
      JsonFields.array(g, "postings");
      for (Posting p : e.postings()) {
        g.writeStartObject();
        JsonFields.string(g, "account", p.account().name());
        JsonFields.number(g, "points", p.points());
        JsonFields.number(g, "minutes", p.minutes());
        g.writeEndObject();
      }
      g.writeEndArray();
      JsonFields.object(g, "data");
      writeDetail(g, e.detail());
      g.writeEndObject();
      g.writeEndObject();
      g.flush();
      byte[] json = encoder.out.toByteArray();
      // A large rules document's buffer is not kept for the credits after it.
      reusable = json.length <= 1 << 16;
      return json;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } finally {
      if (reusable) {
        encoder.out.reset();
      } else {
        ENCODERS.remove(); // nor a generator left inside a document that failed
      }
    }
  }

  private static void writeDetail(JsonGenerator g, EntryDetail d) throws IOException {
    if (d instanceof EntryDetail.LedgerCreated x) {
      JsonFields.string(g, "zone", x.zone().getId());
    } else if (d instanceof EntryDetail.Enrolment x) {
      JsonFields.string(g, "member", x.member());
      JsonFields.string(g, "joined_on", x.joinedOn().toString());
      optional(g, "team", x.team());
      optional(g, "grid", x.grid());
    } else if (d instanceof EntryDetail.RulesPublished x) {
      JsonFields.number(g, "version", x.version());
      JsonFields.string(g, "effective_from", x.effectiveFrom().toString());
      g.writeFieldName("rules");
      g.writeRawValue(x.rulesJson());
    } else if (d instanceof EntryDetail.CatalogPublished x) {
      JsonFields.number(g, "version", x.version());
      JsonFields.array(g, "items");
      for (CatalogItem i : x.items()) {
        g.writeStartObject();
        JsonFields.string(g, "id", i.id());
        JsonFields.string(g, "name", i.name());
        JsonFields.string(g, "merchant", i.merchant());
        JsonFields.number(g, "price_points", i.pricePoints());
        if (i.stock() != null) {
          JsonFields.number(g, "stock", i.stock());
        }
        if (i.limitPerMemberPerMonth() != null) {
          JsonFields.number(g, "limit_per_member_per_month", i.limitPerMemberPerMonth());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } else if (d instanceof EntryDetail.Adjustment x) {
      JsonFields.string(g, "member", x.member());
      JsonFields.number(g, "points", x.points());
      JsonFields.number(g, "minutes", x.minutes());
      JsonFields.string(g, "reason", x.reason());
      JsonFields.string(g, "approved_by", x.approvedBy());
      optional(g, "at", x.at());
      lots(g, "spent", x.spent());
    } else if (d instanceof EntryDetail.Reversal x) {
      JsonFields.string(g, "target", x.target());
      JsonFields.string(g, "reason", x.reason());
      optional(g, "at", x.at());
      lots(g, "restored", x.restored());
    } else if (d instanceof EntryDetail.Redemption x) {
      JsonFields.string(g, "member", x.member());
      JsonFields.string(g, "item", x.item());
      JsonFields.string(g, "merchant", x.merchant());
      JsonFields.number(g, "quantity", x.quantity());
      JsonFields.number(g, "price_points", x.pricePoints());
      optional(g, "at", x.at());
      lots(g, "spent", x.spent());
    } else if (d instanceof EntryDetail.Transfer x) {
      JsonFields.string(g, "from", x.from().name());
      JsonFields.string(g, "to", x.to().name());
      JsonFields.number(g, "minutes", x.minutes());
      optional(g, "memo", x.memo());
      optional(g, "at", x.at());
    } else if (d instanceof EntryDetail.Expiry x) {
      JsonFields.string(g, "member", x.member());
      JsonFields.string(g, "lot", x.lot());
      JsonFields.number(g, "points", x.points());
    } else if (d instanceof EntryDetail.Settlement x) {
      JsonFields.string(g, "merchant", x.merchant());
      JsonFields.number(g, "points", x.points());
      optional(g, "at", x.at());
    } else {
      CreditCodec.write(g, d);
    }
  }

  private static void optional(JsonGenerator g, String field, Object value) throws IOException {
    if (value != null) {
      JsonFields.string(g, field, value.toString());
    }
  }

  private static void lots(JsonGenerator g, String field, List<EntryDetail.LotSpend> lots)
      throws IOException {
    JsonFields.array(g, field);
    for (EntryDetail.LotSpend s : lots) {
      g.writeStartObject();
      JsonFields.string(g, "lot", s.lot());
      JsonFields.number(g, "points", s.points());
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
    Entry credit = CanonicalCredits.read(seq, json);
    return credit != null ? credit : parse(seq, json);
  }

  /** Reads any entry with a JSON parser: what {@link #fromJson} does for all but the ledger's own credits. */
  static Entry parse(long seq, byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("entry " + seq + " is not a JSON object");
      }
      String id = null;
      String kind = null;
      LocalDate date = null;
      List<Posting> postings = new ArrayList<>(2);
      EntryDetail detail = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "id" -> id = p.getText();
          case "kind" -> kind = p.getText();
          case "date" -> date = JsonValues.date(p.getText());
          case "postings" -> {
            if (value != JsonToken.START_ARRAY) {
              throw new IllegalArgumentException("postings is not a list");
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
              postings.add(posting(p));
            }
          }
          case "data" -> {
            if (kind == null) {
              throw new IllegalArgumentException("data comes before kind");
            }
            detail = kind.equals("rules") ? rules(p) : readDetail(kind, asMap(JsonValues.read(p)));
          }
          default -> throw new IllegalArgumentException("unknown field '" + field + "'");
        }
      }
      if (id == null || date == null || detail == null || p.nextToken() != null) {
        throw new IllegalArgumentException("id, date, kind or data is missing, or text follows the entry");
      }
      return new Entry(seq, id, date, postings, detail);
    } catch (IOException ex) {
      throw new IllegalArgumentException("entry " + seq + " is not valid JSON: " + ex.getMessage(), ex);
    } catch (RuntimeException ex) {
      throw new IllegalArgumentException("entry " + seq + " cannot be read: " + ex.getMessage(), ex);
    }
  }

  private static Posting posting(JsonParser p) throws IOException {
    String account = null;
    Long points = null;
    Long minutes = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "account" -> account = p.getText();
        case "points" -> points = integral(p, t);
        case "minutes" -> minutes = integral(p, t);
        default -> throw new IllegalArgumentException("unknown posting field '" + field + "'");
      }
    }
    if (account == null || points == null || minutes == null) {
      throw new IllegalArgumentException("a posting lacks account, points or minutes");
    }
    return new Posting(Account.named(account), points, minutes);
  }

  private static long integral(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw new IllegalArgumentException("'" + p.getText() + "' is not a whole number");
    }
    return p.getLongValue();
  }

  private static EntryDetail rules(JsonParser p) throws IOException {
    JsonNode d = MAPPER.readTree(p);
    return new EntryDetail.RulesPublished(
        d.get("version").intValue(), LocalDate.parse(text(d, "effective_from")), d.get("rules").toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException("data is not an object");
    }
    return (Map<String, Object>) o;
  }

  private static EntryDetail readDetail(String kind, Map<String, Object> d) {
    switch (kind) {
      case "ledger":
        return new EntryDetail.LedgerCreated(ZoneId.of(JsonValues.text(d, "zone")));
      case "enrolment":
        return new EntryDetail.Enrolment(
            JsonValues.text(d, "member"),
            JsonValues.date(JsonValues.text(d, "joined_on")),
            JsonValues.optText(d, "team"),
            JsonValues.optText(d, "grid"));
      case "catalog":
        List<CatalogItem> items = new ArrayList<>();
        for (Map<String, Object> i : JsonValues.objects(d, "items")) {
          items.add(
              new CatalogItem(
                  JsonValues.text(i, "id"),
                  JsonValues.text(i, "name"),
                  JsonValues.text(i, "merchant"),
                  JsonValues.number(i, "price_points"),
                  i.containsKey("stock") ? JsonValues.number(i, "stock") : null,
                  i.containsKey("limit_per_member_per_month") ? JsonValues.number(i, "limit_per_member_per_month") : null));
        }
        return new EntryDetail.CatalogPublished((int) JsonValues.number(d, "version"), items);
      case "adjustment":
        return new EntryDetail.Adjustment(
            JsonValues.text(d, "member"),
            JsonValues.number(d, "points"),
            JsonValues.number(d, "minutes"),
            JsonValues.text(d, "reason"),
            JsonValues.text(d, "approved_by"),
            at(d),
            lots(d, "spent"));
      case "reversal":
        return new EntryDetail.Reversal(
            JsonValues.text(d, "target"), JsonValues.text(d, "reason"), at(d), lots(d, "restored"));
      case "redemption":
        return new EntryDetail.Redemption(
            JsonValues.text(d, "member"),
            JsonValues.text(d, "item"),
            JsonValues.text(d, "merchant"),
            JsonValues.number(d, "quantity"),
            JsonValues.number(d, "price_points"),
            at(d),
            lots(d, "spent"));
      case "transfer":
        return new EntryDetail.Transfer(
            new Account(JsonValues.text(d, "from")),
            new Account(JsonValues.text(d, "to")),
            JsonValues.number(d, "minutes"),
            JsonValues.optText(d, "memo"),
            at(d));
      case "expiry":
        return new EntryDetail.Expiry(JsonValues.text(d, "member"), JsonValues.text(d, "lot"), JsonValues.number(d, "points"));
      case "settlement":
        return new EntryDetail.Settlement(JsonValues.text(d, "merchant"), JsonValues.number(d, "points"), at(d));
      default:
        return CreditCodec.read(kind, d);
    }
  }

  private static LocalDateTime at(Map<String, Object> d) {
    String at = JsonValues.optText(d, "at");
    return at == null ? null : JsonValues.dateTime(at);
  }

  private static List<EntryDetail.LotSpend> lots(Map<String, Object> d, String field) {
    List<EntryDetail.LotSpend> out = new ArrayList<>();
    for (Map<String, Object> s : JsonValues.objects(d, field)) {
      out.add(new EntryDetail.LotSpend(JsonValues.text(s, "lot"), JsonValues.number(s, "points")));
    }
    return out;
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return v.textValue();
  }
}

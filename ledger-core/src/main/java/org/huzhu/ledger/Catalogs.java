package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads {@code catalog.json}: {@code {"items": [{"id", "name", "merchant", "price_points", ...}]}}. */
final class Catalogs {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> ITEM_FIELDS =
      Set.of("id", "name", "merchant", "price_points", "stock", "limit_per_member_per_month");

  private Catalogs() {}

  static List<CatalogItem> parse(byte[] json, String fileName) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw bad(fileName, "not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
    } catch (IOException e) {
      throw bad(fileName, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw bad(fileName, "must be a JSON object with \"items\"");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("items")) {
        throw bad(fileName, f + ": unknown field");
      }
    }
    JsonNode items = root.get("items");
    if (items == null || !items.isArray()) {
      throw bad(fileName, "items: must be a list");
    }
    List<CatalogItem> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode n = items.get(i);
      String where = "items[" + i + "]";
      if (!n.isObject()) {
        throw bad(fileName, where + ": must be an object");
      }
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!ITEM_FIELDS.contains(f)) {
          throw bad(fileName, where + "." + f + ": unknown field");
        }
      }
      String id = text(n, "id", where, fileName);
      String name = text(n, "name", where, fileName);
      String merchant = text(n, "merchant", where, fileName);
      long price = integer(n, "price_points", where, fileName, 1);
      // null says "unlimited" as plainly as leaving the field out
      Long stock = given(n, "stock") ? integer(n, "stock", where, fileName, 0) : null;
      Long limit =
          given(n, "limit_per_member_per_month") ? integer(n, "limit_per_member_per_month", where, fileName, 0) : null;
      if (!ids.add(id)) {
        throw bad(fileName, where + ".id: '" + id + "' is listed twice");
      }
      try {
        out.add(new CatalogItem(id, name, merchant, price, stock, limit));
      } catch (IllegalArgumentException e) {
        throw bad(fileName, where + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static boolean given(JsonNode n, String field) {
    return n.has(field) && !n.get(field).isNull();
  }

  private static String text(JsonNode n, String field, String where, String fileName) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw bad(fileName, where + "." + field + ": must be a non-empty string");
    }
    if (org.huzhu.ledger.imports.Ids.halfACharacter(v.textValue()) >= 0) {
      throw bad(fileName, where + "." + field + ": holds half of a character (a lone surrogate), which is not text");
    }
    return v.textValue().strip();
  }

  private static long integer(JsonNode n, String field, String where, String fileName, long min) {
    JsonNode v = n.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad(fileName, where + "." + field + ": must be a whole number");
    }
    long value = v.longValue();
    if (value < min || value > Requests.MAX_AMOUNT) {
      throw bad(fileName, where + "." + field + ": must be between " + min + " and 10^12, was " + value);
    }
    return value;
  }

  private static LedgerRefusal bad(String fileName, String detail) {
    return new LedgerRefusal(Reason.BAD_FILE, fileName + ": " + detail);
  }
}

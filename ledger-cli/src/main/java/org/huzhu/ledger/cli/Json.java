package org.huzhu.ledger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON output: compact, keys in insertion order, never affected by the language. */
final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private Json() {}

  /** An ordered object from alternating keys and values. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * An entry's canonical JSON ({@code Entry.toJson}) with its sequence number added after the id:
   * every field, the detail ({@code data}) included, exactly as the journal keeps it.
   */
  static String withSeq(String entryJson, long seq) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode in =
          (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(entryJson);
      com.fasterxml.jackson.databind.node.ObjectNode out = MAPPER.createObjectNode();
      out.set("id", in.get("id"));
      out.put("seq", seq);
      for (java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f : in.properties()) {
        if (!f.getKey().equals("id")) {
          out.set(f.getKey(), f.getValue());
        }
      }
      return MAPPER.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read an entry's JSON", e);
    }
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}

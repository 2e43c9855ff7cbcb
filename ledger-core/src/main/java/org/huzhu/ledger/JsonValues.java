package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the JSON the ledger itself wrote, quickly: plain maps and lists from a streaming parser
 * (no tree nodes), and hand parsers for the fixed date formats {@code java.time} prints. Replay and
 * audit read every entry, so this is on the hot path; anything unexpected is an {@link
 * IllegalArgumentException}.
 */
final class JsonValues {
  private static final java.util.concurrent.ConcurrentMap<String, ZoneId> ZONES = new ConcurrentHashMap<>();
  private static final java.util.concurrent.ConcurrentMap<String, ZoneOffset> OFFSETS = new ConcurrentHashMap<>();

  private JsonValues() {}

  /** The value at the parser's current token: a Map, List, String, Long, Boolean or null. */
  static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        // room for a credit's breakdown (12 keys) without growing
        Map<String, Object> m = new HashMap<>(32);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, read(p));
        }
        return m;
      case START_ARRAY:
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(read(p));
        }
        return l;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected " + t);
    }
  }

  static String text(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof String s)) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return s;
  }

  static String optText(Map<String, Object> m, String field) {
    Object v = m.get(field);
    return v == null ? null : v.toString();
  }

  static long number(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof Long n)) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not a whole number");
    }
    return n;
  }

  static boolean bool(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof Boolean b)) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not true/false");
    }
    return b;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException("field '" + field + "' is not a list");
    }
    for (Object o : l) {
      if (!(o instanceof Map)) {
        throw new IllegalArgumentException("field '" + field + "' holds something other than objects");
      }
    }
    return (List<Map<String, Object>>) v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> m, String field) {
    Object v = m.get(field);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not an object");
    }
    return (Map<String, Object>) v;
  }

  /** {@code uuuu-MM-dd} as {@link LocalDate#toString} prints years 0 to 9999. */
  static LocalDate date(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return LocalDate.parse(s);
    }
    return LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
  }

  /** {@link LocalDateTime#toString}'s forms: {@code uuuu-MM-ddTHH:mm[:ss[.fraction]]}. */
  static LocalDateTime dateTime(String s) {
    int end = s.length();
    if (end < 16 || s.charAt(10) != 'T' || s.charAt(13) != ':') {
      return LocalDateTime.parse(s);
    }
    int second = 0;
    int nano = 0;
    if (end > 16) {
      if (s.charAt(16) != ':' || end < 19) {
        return LocalDateTime.parse(s);
      }
      second = digits(s, 17, 19);
      if (end > 19) {
        if (s.charAt(19) != '.' || end > 29) {
          return LocalDateTime.parse(s);
        }
        nano = digits(s, 20, end);
        for (int i = end - 20; i < 9; i++) {
          nano *= 10;
        }
      }
    }
    return LocalDateTime.of(date(s.substring(0, 10)), java.time.LocalTime.of(digits(s, 11, 13), digits(s, 14, 16), second, nano));
  }

  /** {@link ZonedDateTime#toString}'s form: local date-time, offset, and the zone in brackets. */
  static ZonedDateTime zoned(String s) {
    int bracket = s.indexOf('[');
    if (bracket < 0 || !s.endsWith("]")) {
      return ZonedDateTime.parse(s);
    }
    String local = s.substring(0, bracket);
    int sign = Math.max(local.lastIndexOf('+'), local.lastIndexOf('-'));
    if (local.endsWith("Z")) {
      sign = local.length() - 1;
    }
    if (sign < 16) {
      return ZonedDateTime.parse(s);
    }
    LocalDateTime ldt = dateTime(local.substring(0, sign));
    // a journal names a handful of zones and offsets millions of times over
    ZoneOffset offset = Shared.get(OFFSETS, local.substring(sign), ZoneOffset::of);
    ZoneId zone = Shared.get(ZONES, s.substring(bracket + 1, s.length() - 1), ZoneId::of);
    ZonedDateTime z = ZonedDateTime.ofLocal(ldt, zone, offset);
    if (!z.getOffset().equals(offset)) {
      throw new IllegalArgumentException("'" + s + "': offset " + offset + " is not valid in " + zone);
    }
    return z;
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("'" + s + "' is not a date or time");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}

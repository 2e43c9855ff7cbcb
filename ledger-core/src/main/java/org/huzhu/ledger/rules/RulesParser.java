package org.huzhu.ledger.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

/**
 * Reads a {@code rules.json} document into a {@link RuleVersion}.
 *
 * <p>Design: the bytes are decoded strictly as UTF-8 (so a bad byte is reported with its line),
 * then Jackson's streaming parser builds a small tree of our own in which numbers keep their
 * source text. Validation then walks that tree with a field path, so every refusal names the
 * field; numbers are only ever read from their decimal text, never through {@code double}.
 */
final class RulesParser {
  static final int MAX_FILE_BYTES = 1 << 20;
  static final int MAX_ACTIVITIES = 1000;
  static final int MAX_MULTIPLIERS = 100;
  static final int MAX_LIST_ELEMENTS = 1000;

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Set<String> TOP_FIELDS =
      Set.of(
          "version",
          "effective_from",
          "rounding_minutes",
          "min_minutes",
          "max_minutes",
          "daily_points_cap",
          "points_expire_months",
          "hours_credit_limit_minutes",
          "activities",
          "multipliers");
  private static final Set<String> ACTIVITY_FIELDS =
      Set.of("name", "points_per_hour", "points_per_event", "credit_hours");
  private static final Set<String> MULTIPLIER_FIELDS =
      Set.of("name", "days_of_week", "dates", "activities", "from", "to", "factor");

  /** A JSON number with its source text. */
  private record Num(String text, boolean integral) {}

  /** JSON null, kept apart from an absent field. */
  private enum Null {
    INSTANCE
  }

  private final String fileName;

  private RulesParser(String fileName) {
    this.fileName = fileName;
  }

  static RuleVersion parse(byte[] json, String fileName) {
    return new RulesParser(fileName).parse(json);
  }

  private LedgerRefusal refuse(String path, String why) {
    return new LedgerRefusal(Reason.BAD_FILE, fileName + ": " + path + ": " + why);
  }

  private RuleVersion parse(byte[] bytes) {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new LedgerRefusal(
          Reason.BAD_FILE,
          fileName + ": the file has " + bytes.length + " bytes, more than " + MAX_FILE_BYTES);
    }
    Object root = readTree(decode(bytes));
    if (!(root instanceof Map)) {
      throw new LedgerRefusal(
          Reason.BAD_FILE, fileName + ": the document must be a JSON object, not " + kind(root));
    }
    return version(asObject(root));
  }

  // ---- decoding and syntax ----

  private String decode(byte[] bytes) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      start = 3; // a UTF-8 byte order mark is skipped
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = start; i < in.position(); i++) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
          line++;
        }
      }
      throw new LedgerRefusal(
          Reason.BAD_FILE,
          fileName + ": line " + line + ": bytes that are not valid UTF-8 (rules files are UTF-8)");
    }
    try {
      decoder.flush(out);
    } catch (RuntimeException e) {
      throw new LedgerRefusal(Reason.BAD_FILE, fileName + ": bytes that are not valid UTF-8");
    }
    out.flip();
    return out.toString();
  }

  /** Builds the tree; a syntax error is refused with its line and column. */
  private Object readTree(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new LedgerRefusal(Reason.BAD_FILE, fileName + ": the file is empty");
      }
      Object root = readValue(p, t);
      JsonToken after = p.nextToken();
      if (after != null) {
        JsonLocation at = p.currentTokenLocation();
        throw new LedgerRefusal(
            Reason.BAD_FILE,
            fileName + ": line " + at.getLineNr() + ", column " + at.getColumnNr()
                + ": invalid JSON: content after the rules object");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new LedgerRefusal(
          Reason.BAD_FILE, fileName + ": " + where + "invalid JSON: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new LedgerRefusal(Reason.BAD_FILE, fileName + ": unreadable: " + oneLine(e.getMessage()));
    }
  }

  private static Object readValue(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          map.put(name, readValue(p, p.nextToken()));
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          list.add(readValue(p, n));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return new Num(p.getText(), true);
      case VALUE_NUMBER_FLOAT:
        return new Num(p.getText(), false);
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return Null.INSTANCE;
      default:
        throw new IllegalStateException("unexpected token " + t);
    }
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  // ---- the document ----

  private RuleVersion version(Map<String, Object> doc) {
    onlyKnown("", doc, TOP_FIELDS);
    for (String f : List.of("version", "effective_from", "activities")) {
      if (!doc.containsKey(f)) {
        throw refuse(f, "missing (a required field)");
      }
    }
    int version = (int) integer("version", doc.get("version"), 1, Integer.MAX_VALUE);
    LocalDate effectiveFrom = date("effective_from", doc.get("effective_from"));
    int rounding = (int) optInteger(doc, "rounding_minutes", 1, Integer.MAX_VALUE, RuleVersion.DEFAULT_ROUNDING_MINUTES);
    int min = (int) optInteger(doc, "min_minutes", 0, Integer.MAX_VALUE, RuleVersion.DEFAULT_MIN_MINUTES);
    int max = (int) optInteger(doc, "max_minutes", 1, Integer.MAX_VALUE, RuleVersion.DEFAULT_MAX_MINUTES);
    Long cap =
        doc.containsKey("daily_points_cap")
            ? integer("daily_points_cap", doc.get("daily_points_cap"), 0, RuleVersion.MAX_AMOUNT)
            : null;
    Integer expire =
        doc.containsKey("points_expire_months")
            ? (int) integer("points_expire_months", doc.get("points_expire_months"), 1, Integer.MAX_VALUE)
            : null;
    long limit =
        optInteger(doc, "hours_credit_limit_minutes", 0, RuleVersion.MAX_AMOUNT, RuleVersion.DEFAULT_HOURS_CREDIT_LIMIT_MINUTES);

    Map<String, Object> acts = object("activities", doc.get("activities"));
    if (acts.isEmpty()) {
      throw refuse("activities", "must define at least one activity");
    }
    if (acts.size() > MAX_ACTIVITIES) {
      throw refuse("activities", "more than " + MAX_ACTIVITIES + " activities");
    }
    TreeMap<String, Activity> activities = new TreeMap<>();
    for (Map.Entry<String, Object> e : acts.entrySet()) {
      activities.put(e.getKey(), activity(e.getKey(), e.getValue()));
    }

    List<Multiplier> multipliers = new ArrayList<>();
    if (doc.containsKey("multipliers")) {
      List<Object> ms = array("multipliers", doc.get("multipliers"));
      if (ms.size() > MAX_MULTIPLIERS) {
        throw refuse("multipliers", "more than " + MAX_MULTIPLIERS + " multipliers");
      }
      Map<String, Integer> seen = new LinkedHashMap<>();
      for (int i = 0; i < ms.size(); i++) {
        String path = "multipliers[" + i + "]";
        Multiplier m = multiplier(path, ms.get(i), activities);
        Integer earlier = seen.putIfAbsent(m.name(), i);
        if (earlier != null) {
          throw refuse(path + ".name", "'" + m.name() + "' is already the name of multipliers[" + earlier + "]");
        }
        multipliers.add(m);
      }
    }
    String tooRich = Bounds.firstActivityAboveMaxAmount(max, activities.values(), multipliers);
    if (tooRich != null) {
      throw refuse(
          "activities." + tooRich,
          "with max_minutes and the multipliers, one sign-in could earn more than "
              + RuleVersion.MAX_AMOUNT + " points");
    }
    try {
      return new RuleVersion(version, effectiveFrom, rounding, min, max, cap, expire, limit, activities, multipliers);
    } catch (IllegalArgumentException e) {
      // Every rule is checked above with its path; this is a safety net.
      throw new LedgerRefusal(Reason.BAD_FILE, fileName + ": " + e.getMessage());
    }
  }

  private Activity activity(String key, Object value) {
    String path = "activities." + key;
    if (!Activity.KEY.matcher(key).matches()) {
      throw refuse(path, "an activity key must match [A-Za-z0-9._-]{1,64}");
    }
    Map<String, Object> a = object(path, value);
    onlyKnown(path, a, ACTIVITY_FIELDS);
    String name = key;
    if (a.containsKey("name")) {
      name = string(path + ".name", a.get("name"));
      String why = Activity.checkName(name);
      if (why != null) {
        throw refuse(path + ".name", why);
      }
    }
    boolean perHour = a.containsKey("points_per_hour");
    boolean perEvent = a.containsKey("points_per_event");
    if (perHour && perEvent) {
      throw refuse(path, "has both points_per_hour and points_per_event; give exactly one");
    }
    if (!perHour && !perEvent) {
      throw refuse(path, "has neither points_per_hour nor points_per_event; give exactly one");
    }
    if (perEvent) {
      if (a.containsKey("credit_hours")) {
        throw refuse(path + ".credit_hours", "only an hour-based activity (points_per_hour) credits hours");
      }
      BigDecimal rate = decimal(path + ".points_per_event", a.get("points_per_event"), false);
      return new Activity(key, name, null, rate, false);
    }
    BigDecimal rate = decimal(path + ".points_per_hour", a.get("points_per_hour"), false);
    boolean creditHours = true;
    if (a.containsKey("credit_hours")) {
      Object v = a.get("credit_hours");
      if (!(v instanceof Boolean)) {
        throw refuse(path + ".credit_hours", "must be true or false, not " + kind(v));
      }
      creditHours = (Boolean) v;
    }
    return new Activity(key, name, rate, null, creditHours);
  }

  private Multiplier multiplier(String path, Object value, Map<String, Activity> activities) {
    Map<String, Object> m = object(path, value);
    onlyKnown(path, m, MULTIPLIER_FIELDS);
    if (!m.containsKey("name")) {
      throw refuse(path + ".name", "missing (a required field)");
    }
    String name = string(path + ".name", m.get("name"));
    String why = Multiplier.checkName(name);
    if (why != null) {
      throw refuse(path + ".name", why);
    }
    if (!m.containsKey("factor")) {
      throw refuse(path + ".factor", "missing (a required field)");
    }
    BigDecimal factor = decimal(path + ".factor", m.get("factor"), true);

    Set<DayOfWeek> days = null;
    if (m.containsKey("days_of_week")) {
      days = EnumSet.noneOf(DayOfWeek.class);
      List<Object> list = nonEmptyArray(path + ".days_of_week", m.get("days_of_week"));
      for (int i = 0; i < list.size(); i++) {
        String p = path + ".days_of_week[" + i + "]";
        String d = string(p, list.get(i));
        days.add(dayOfWeek(p, d));
      }
    }
    Set<LocalDate> dates = null;
    if (m.containsKey("dates")) {
      dates = new TreeSet<>();
      List<Object> list = nonEmptyArray(path + ".dates", m.get("dates"));
      for (int i = 0; i < list.size(); i++) {
        dates.add(date(path + ".dates[" + i + "]", list.get(i)));
      }
    }
    Set<String> acts = null;
    if (m.containsKey("activities")) {
      acts = new TreeSet<>();
      List<Object> list = nonEmptyArray(path + ".activities", m.get("activities"));
      for (int i = 0; i < list.size(); i++) {
        String p = path + ".activities[" + i + "]";
        String a = string(p, list.get(i));
        if (!activities.containsKey(a)) {
          throw refuse(p, "activity '" + a + "' is not defined in this version's activities");
        }
        acts.add(a);
      }
    }
    LocalDate from = m.containsKey("from") ? date(path + ".from", m.get("from")) : null;
    LocalDate to = m.containsKey("to") ? date(path + ".to", m.get("to")) : null;
    if (from != null && to != null && from.isAfter(to)) {
      throw refuse(path + ".to", to + " is before from " + from);
    }
    return new Multiplier(name, days, dates, acts, from, to, factor);
  }

  private DayOfWeek dayOfWeek(String path, String d) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(d)) {
        return day;
      }
    }
    throw refuse(path, "'" + d + "' is not a day of the week (MONDAY ... SUNDAY)");
  }

  // ---- typed values ----

  private void onlyKnown(String path, Map<String, Object> obj, Set<String> known) {
    for (String f : obj.keySet()) {
      if (!known.contains(f)) {
        throw refuse(path.isEmpty() ? f : path + "." + f, "unknown field");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object v) {
    return (Map<String, Object>) v;
  }

  private Map<String, Object> object(String path, Object v) {
    if (!(v instanceof Map)) {
      throw refuse(path, "must be an object, not " + kind(v));
    }
    return asObject(v);
  }

  @SuppressWarnings("unchecked")
  private List<Object> array(String path, Object v) {
    if (!(v instanceof List)) {
      throw refuse(path, "must be an array, not " + kind(v));
    }
    return (List<Object>) v;
  }

  private List<Object> nonEmptyArray(String path, Object v) {
    List<Object> list = array(path, v);
    if (list.isEmpty()) {
      throw refuse(path, "must not be empty (omit it for no condition)");
    }
    if (list.size() > MAX_LIST_ELEMENTS) {
      throw refuse(path, "more than " + MAX_LIST_ELEMENTS + " elements");
    }
    return list;
  }

  private String string(String path, Object v) {
    if (!(v instanceof String)) {
      throw refuse(path, "must be a string, not " + kind(v));
    }
    if (org.huzhu.ledger.imports.Ids.halfACharacter((String) v) >= 0) {
      throw refuse(path, "holds half of a character (a lone surrogate), which is not text");
    }
    return (String) v;
  }

  private long optInteger(Map<String, Object> doc, String field, long min, long max, long dflt) {
    return doc.containsKey(field) ? integer(field, doc.get(field), min, max) : dflt;
  }

  private long integer(String path, Object v, long min, long max) {
    if (!(v instanceof Num)) {
      throw refuse(path, "must be an integer, not " + kind(v));
    }
    Num n = (Num) v;
    if (!n.integral()) {
      throw refuse(path, "must be an integer, not " + n.text());
    }
    BigInteger b = new BigInteger(n.text());
    if (b.compareTo(BigInteger.valueOf(min)) < 0) {
      throw refuse(path, "must be >= " + min + ", not " + n.text());
    }
    if (b.compareTo(BigInteger.valueOf(max)) > 0) {
      throw refuse(path, "must be <= " + max + ", not " + n.text());
    }
    return b.longValueExact();
  }

  /** A value as a refusal shows it: long or unprintable text is described, never echoed. */
  private static String shown(String text) {
    if (!Texts.isCleanText(text)) {
      return "a value with control characters";
    }
    return text.length() <= 40 ? text : "a value of " + text.length() + " characters";
  }

  private static String quoted(String text) {
    return Texts.isCleanText(text) && text.length() <= 40 ? "'" + text + "'" : shown(text);
  }

  /** A decimal from a JSON string or number, read from its text. */
  private BigDecimal decimal(String path, Object v, boolean positive) {
    String text;
    if (v instanceof String) {
      text = (String) v;
    } else if (v instanceof Num) {
      text = ((Num) v).text();
    } else {
      throw refuse(path, "must be a decimal (a string such as \"1.5\" or a number), not " + kind(v));
    }
    String shown = shown(text);
    if (Decimals.WITH_EXPONENT.matcher(text).matches()) {
      throw refuse(path, "exponents are not accepted, write the decimal in full: " + shown);
    }
    if (!Decimals.PLAIN_DECIMAL.matcher(text).matches()) {
      throw refuse(path, "not a decimal number: " + quoted(text));
    }
    if (text.length() > Decimals.MAX_TEXT_LENGTH) {
      throw refuse(path, "longer than " + Decimals.MAX_TEXT_LENGTH + " characters: " + shown);
    }
    BigDecimal d = new BigDecimal(text);
    if (positive && d.signum() <= 0) {
      throw refuse(path, "must be > 0, not " + text);
    }
    if (!positive && d.signum() < 0) {
      throw refuse(path, "must be >= 0, not " + text);
    }
    return d;
  }

  private LocalDate date(String path, Object v) {
    String s = string(path, v);
    if (!DATE.matcher(s).matches()) {
      throw refuse(path, "must be a date YYYY-MM-DD, not " + quoted(s));
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw refuse(path, "'" + s + "' is not a date");
    }
  }

  private static String kind(Object v) {
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Num) {
      return "the number " + ((Num) v).text();
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    return "null";
  }
}

package org.huzhu.ledger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.huzhu.ledger.rules.CreditBreakdown;
import org.huzhu.ledger.rules.MatchedMultiplier;

/**
 * Writes and reads a credit's JSON directly as bytes, without a JSON generator or parser.
 *
 * <p>Design: credits are nearly every entry of a large journal, and walking their tokens with a
 * general parser into maps was most of a replay's decoding, as generating them was a good part of
 * an import. Both directions here handle only the layout {@link EntryCodec#generate} gives a credit
 * (its keys in their order, strings of printable ASCII that need no escape, whole numbers without
 * leading zeros). The writer gives up (null) on a string it would have to escape; the reader on
 * anything else, including every record the general parser would refuse, which then reads it and
 * words its refusal. Values are read with the general path's own readers, so the two cannot
 * disagree on a record this one accepts.
 */
final class CanonicalCredits {
  private static final byte[] ID = ascii("{\"id\":");
  private static final byte[] KIND = ascii(",\"kind\":\"credit\",\"date\":");
  private static final byte[] POSTINGS = ascii(",\"postings\":[");
  private static final byte[] ACCOUNT = ascii("{\"account\":");
  private static final byte[] POINTS = ascii(",\"points\":");
  private static final byte[] MINUTES = ascii(",\"minutes\":");
  private static final byte[] DATA = ascii(",\"data\":{\"member\":");
  private static final byte[] ACTIVITY = ascii(",\"activity\":");
  private static final byte[] CHECK_IN = ascii(",\"check_in\":");
  private static final byte[] CHECK_OUT = ascii(",\"check_out\":");
  private static final byte[] VERIFIED_BY = ascii(",\"verified_by\":");
  private static final byte[] TEAM = ascii(",\"team\":");
  private static final byte[] GRID = ascii(",\"grid\":");
  private static final byte[] IMPORT = ascii(",\"import\":");
  private static final byte[] BREAKDOWN = ascii(",\"breakdown\":{\"rule_version\":");
  private static final byte[] HOUR_BASED = ascii(",\"hour_based\":");
  private static final byte[] DURATION = ascii(",\"duration\":");
  private static final byte[] CREDITED = ascii(",\"credited\":");
  private static final byte[] ROUNDING = ascii(",\"rounding\":");
  private static final byte[] RATE = ascii(",\"rate\":");
  private static final byte[] MULTIPLIERS = ascii(",\"multipliers\":[");
  private static final byte[] NAME = ascii("{\"name\":");
  private static final byte[] FACTOR = ascii(",\"factor\":");
  private static final byte[] BEFORE_CAP = ascii(",\"before_cap\":");
  private static final byte[] CAP = ascii(",\"cap\":");
  private static final byte[] ALREADY = ascii(",\"already\":");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] END = ascii("}}}");

  /** Thrown, without a stack, where the bytes leave the layout: the general path takes over. */
  private static final RuntimeException OTHERWISE = new OutOfLayout();

  private static final class OutOfLayout extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfLayout() {
      super("not in the credit layout", null, false, false);
    }
  }

  /** The longest string the general parser reads (Jackson's default read constraints). */
  private static final int MAX_STRING =
      com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxStringLength();

  private final byte[] json;
  private int at;

  private CanonicalCredits(byte[] json) {
    this.json = json;
  }

  /**
   * The canonical JSON of {@code e}, a credit, exactly as {@link EntryCodec#generate} writes it; null
   * when one of its strings needs an escape or is not ASCII, which that path then writes.
   */
  static byte[] write(Entry e) {
    EntryDetail.Credit c = (EntryDetail.Credit) e.detail();
    Out out = OUT.get();
    out.at = 0;
    out.escaped = false;
    out.raw(ID).string(e.id()).raw(KIND).string(e.date().toString()).raw(POSTINGS);
    boolean first = true;
    for (Posting p : e.postings()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      out.raw(ACCOUNT).string(p.account().name()).raw(POINTS).number(p.points()).raw(MINUTES).number(p.minutes()).raw('}');
    }
    out.raw(']').raw(DATA).string(c.member()).raw(ACTIVITY).string(c.activity());
    out.raw(CHECK_IN).string(c.checkIn().toString());
    if (c.checkOut() != null) {
      out.raw(CHECK_OUT).string(c.checkOut().toString());
    }
    out.raw(VERIFIED_BY).string(c.verifiedBy());
    out.optional(TEAM, c.team()).optional(GRID, c.grid()).optional(IMPORT, c.importId());
    CreditBreakdown b = c.breakdown();
    out.raw(BREAKDOWN).number(b.ruleVersion()).raw(HOUR_BASED).raw(b.hourBased() ? TRUE : FALSE);
    out.raw(DURATION).number(b.durationMinutes()).raw(CREDITED).number(b.creditedMinutes());
    out.raw(ROUNDING).number(b.roundingMinutes()).raw(RATE).string(b.rate().toPlainString()).raw(MULTIPLIERS);
    first = true;
    for (MatchedMultiplier m : b.multipliers()) {
      if (!first) {
        out.raw(',');
      }
      first = false;
      out.raw(NAME).string(m.name()).raw(FACTOR).string(m.factor().toPlainString()).raw('}');
    }
    out.raw(']').raw(FACTOR).string(b.factor().toPlainString()).raw(BEFORE_CAP).number(b.pointsBeforeCap());
    if (b.dailyPointsCap() != null) {
      out.raw(CAP).number(b.dailyPointsCap());
    }
    out.raw(ALREADY).number(b.pointsAlreadyCredited()).raw(POINTS).number(b.points());
    out.raw(MINUTES).number(b.minutesCredited()).raw(END);
    return out.escaped ? null : Arrays.copyOf(out.buf, out.at);
  }

  private static final ThreadLocal<Out> OUT = ThreadLocal.withInitial(Out::new);

  /** One growing buffer per encoding thread, reused from credit to credit. */
  private static final class Out {
    byte[] buf = new byte[1024];
    int at;
    /** Set when a string would need an escape: the entry is left to the general writer. */
    boolean escaped;

    private void room(int n) {
      if (at + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, at + n));
      }
    }

    Out raw(byte[] literal) {
      room(literal.length);
      System.arraycopy(literal, 0, buf, at, literal.length);
      at += literal.length;
      return this;
    }

    Out raw(char c) {
      room(1);
      buf[at++] = (byte) c;
      return this;
    }

    Out string(String s) {
      room(s.length() + 2);
      buf[at++] = '"';
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
          escaped = true;
        }
        buf[at++] = (byte) c;
      }
      buf[at++] = '"';
      return this;
    }

    Out optional(byte[] field, String value) {
      return value == null ? this : raw(field).string(value);
    }

    Out number(long v) {
      if (v >= 0 && v < 10) {
        room(1);
        buf[at++] = (byte) ('0' + v);
        return this;
      }
      String digits = Long.toString(v);
      room(digits.length());
      for (int i = 0; i < digits.length(); i++) {
        buf[at++] = (byte) digits.charAt(i);
      }
      return this;
    }
  }

  /** The credit in {@code json}, or null when it is not a credit in the ledger's own layout. */
  static Entry read(long seq, byte[] json) {
    try {
      return new CanonicalCredits(json).entry(seq);
    } catch (RuntimeException e) {
      return null; // OTHERWISE, or a value the general path will refuse with its own words
    }
  }

  private Entry entry(long seq) {
    String id = string(ID);
    expect(KIND);
    java.time.LocalDate date = JsonValues.date(string());
    expect(POSTINGS);
    List<Posting> postings = new ArrayList<>(2);
    if (peek() != ']') {
      do {
        postings.add(posting());
      } while (take(','));
    }
    expect(']');
    String member = string(DATA);
    String activity = string(ACTIVITY);
    String checkIn = string(CHECK_IN);
    String checkOut = optional(CHECK_OUT);
    String verifiedBy = string(VERIFIED_BY);
    String team = optional(TEAM);
    String grid = optional(GRID);
    String importId = optional(IMPORT);
    int ruleVersion = (int) number(BREAKDOWN);
    expect(HOUR_BASED);
    boolean hourBased = bool();
    long duration = number(DURATION);
    long credited = number(CREDITED);
    int rounding = (int) number(ROUNDING);
    BigDecimal rate = new BigDecimal(string(RATE));
    expect(MULTIPLIERS);
    List<MatchedMultiplier> multipliers = new ArrayList<>(0);
    if (peek() != ']') {
      do {
        String name = string(NAME);
        multipliers.add(new MatchedMultiplier(name, new BigDecimal(string(FACTOR))));
        expect('}');
      } while (take(','));
    }
    expect(']');
    BigDecimal factor = new BigDecimal(string(FACTOR));
    long beforeCap = number(BEFORE_CAP);
    Long cap = matches(CAP) ? number(CAP) : null;
    long already = number(ALREADY);
    long points = number(POINTS);
    long minutes = number(MINUTES);
    expect(END);
    if (at != json.length) {
      throw OTHERWISE;
    }
    CreditBreakdown breakdown =
        new CreditBreakdown(
            ruleVersion, activity, hourBased, duration, credited, rounding, rate, multipliers, factor,
            beforeCap, cap, already, points, minutes);
    EntryDetail.Credit credit =
        new EntryDetail.Credit(
            member,
            activity,
            JsonValues.zoned(checkIn),
            checkOut == null ? null : JsonValues.zoned(checkOut),
            verifiedBy,
            team,
            grid,
            importId,
            breakdown);
    return new Entry(seq, id, date, postings, credit);
  }

  private Posting posting() {
    String account = string(ACCOUNT);
    long points = number(POINTS);
    long minutes = number(MINUTES);
    expect('}');
    return new Posting(Account.named(account), points, minutes);
  }

  private String optional(byte[] field) {
    return matches(field) ? string(field) : null;
  }

  /** The string after {@code field}, which must come next. */
  private String string(byte[] field) {
    expect(field);
    return string();
  }

  /** The whole number after {@code field}, which must come next. */
  private long number(byte[] field) {
    expect(field);
    return number();
  }

  /** A string of printable ASCII other than quote and backslash, which JSON writes as it is. */
  private String string() {
    expect('"');
    int from = at;
    while (at < json.length) {
      byte b = json[at];
      if (b == '"') {
        if (at - from > MAX_STRING) {
          throw OTHERWISE; // the parser refuses it, in its own words
        }
        String s = new String(json, from, at - from, StandardCharsets.ISO_8859_1);
        at++;
        return s;
      }
      if (b < 0x20 || b > 0x7e || b == '\\') {
        throw OTHERWISE;
      }
      at++;
    }
    throw OTHERWISE;
  }

  /** A whole number as a JSON writer gives a long: no plus, no leading zero, no {@code -0}. */
  private long number() {
    boolean negative = take('-');
    int from = at;
    long v = 0;
    while (at < json.length && json[at] >= '0' && json[at] <= '9') {
      v = v * 10 + (json[at] - '0');
      at++;
    }
    int digits = at - from;
    // Eighteen digits always fit a long; longer numbers are left to the general path.
    if (digits == 0 || digits > 18 || (json[from] == '0' && (digits > 1 || negative))) {
      throw OTHERWISE;
    }
    return negative ? -v : v;
  }

  private boolean bool() {
    if (matches(TRUE)) {
      at += TRUE.length;
      return true;
    }
    expect(FALSE);
    return false;
  }

  private byte peek() {
    if (at >= json.length) {
      throw OTHERWISE;
    }
    return json[at];
  }

  private boolean take(char c) {
    if (at < json.length && json[at] == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      throw OTHERWISE;
    }
  }

  private boolean matches(byte[] literal) {
    return Arrays.equals(json, at, Math.min(at + literal.length, json.length), literal, 0, literal.length);
  }

  private void expect(byte[] literal) {
    if (!matches(literal)) {
      throw OTHERWISE;
    }
    at += literal.length;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

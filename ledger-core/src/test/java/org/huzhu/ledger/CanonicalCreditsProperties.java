package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.huzhu.ledger.rules.CreditBreakdown;
import org.huzhu.ledger.rules.MatchedMultiplier;

/**
 * The credit writer that skips the JSON generator writes the generator's very bytes; the reader
 * that skips the parser reads every credit the ledger writes, and reads any record, however
 * changed, either as the parser does or not at all.
 */
class CanonicalCreditsProperties {

  @Property(tries = 500)
  void writesTheGeneratorsBytes(@ForAll("credits") Entry credit) {
    byte[] generated = EntryCodec.generate(credit);
    byte[] written = CanonicalCredits.write(credit);
    if (isAscii(generated)) {
      assertNotNull(written);
    }
    if (written != null) {
      assertArrayEquals(generated, written);
    }
    assertArrayEquals(generated, EntryCodec.toJson(credit));
  }

  @Property(tries = 500)
  void readsEveryCreditTheLedgerWritesAsTheParserDoes(@ForAll("credits") Entry credit) {
    byte[] json = EntryCodec.toJson(credit);
    Entry read = CanonicalCredits.read(credit.seq(), json);
    if (isAscii(json)) {
      assertNotNull(read, () -> "not read: " + new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }
    if (read != null) {
      assertEquals(credit, read);
    }
    assertEquals(credit, EntryCodec.parse(credit.seq(), json));
    assertEquals(credit, EntryCodec.fromJson(credit.seq(), json));
  }

  @Property(tries = 3000)
  void readsAChangedRecordAsTheParserDoesOrNotAtAll(
      @ForAll("credits") Entry credit,
      @ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll("bytes") byte replacement,
      @ForAll @IntRange(min = 0, max = 2) int how) {
    byte[] json = EntryCodec.toJson(credit);
    int at = where % json.length;
    byte[] changed =
        switch (how) {
          case 0 -> {
            byte[] c = json.clone();
            c[at] = replacement;
            yield c;
          }
          case 1 -> concat(Arrays.copyOf(json, at), Arrays.copyOfRange(json, at + 1, json.length));
          default -> concat(Arrays.copyOf(json, at), new byte[] {replacement}, Arrays.copyOfRange(json, at, json.length));
        };
    Entry read = CanonicalCredits.read(credit.seq(), changed);
    if (read != null) {
      assertEquals(EntryCodec.parse(credit.seq(), changed), read);
    }
  }

  @Provide
  Arbitrary<Byte> bytes() {
    // mostly the bytes a credit is made of, so that a change often still reads
    return Arbitraries.oneOf(
        Arbitraries.of("0123456789-\":,{}[]abcdefgtrue.Z+T ".chars().boxed().toArray(Integer[]::new))
            .map(Integer::byteValue),
        Arbitraries.bytes());
  }

  @Provide
  Arbitrary<Entry> credits() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("Sab09._:-").ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> names = Arbitraries.strings().withChars("vgx09._-").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> optionalNames =
        Arbitraries.oneOf(names, Arbitraries.of("网格一", "team \"a\"", "t\\1")).injectNull(0.4);
    Arbitrary<ZonedDateTime> checkIns =
        Combinators.combine(
                Arbitraries.longs().between(0, 5L * 365 * 24 * 3600),
                Arbitraries.of(0, 0, 0, 500_000_000, 123_456_789),
                Arbitraries.of("Asia/Shanghai", "UTC", "America/New_York", "Asia/Kolkata", "+05:45"))
            .as(
                (seconds, nanos, zone) ->
                    ZonedDateTime.of(
                        LocalDateTime.of(2025, 1, 1, 0, 0).plusSeconds(seconds).withNano(nanos), ZoneId.of(zone)));
    Arbitrary<BigDecimal> decimals = Arbitraries.of("0", "1", "2", "10", "1.5", "0.75", "12.50", "3").map(BigDecimal::new);
    Arbitrary<List<MatchedMultiplier>> multipliers =
        Combinators.combine(names, decimals).as(MatchedMultiplier::new).list().ofMaxSize(3);
    Arbitrary<long[]> amounts =
        Combinators.combine(
                Arbitraries.longs().between(0, 1_000_000_000_000L),
                Arbitraries.longs().between(0, 3),
                Arbitraries.longs().between(0, 1440),
                Arbitraries.longs().between(0, 10_000).injectNull(0.3))
            .as((beforeCap, cut, minutes, cap) -> new long[] {beforeCap, Math.max(0, beforeCap - cut), minutes, cap == null ? -1 : cap});
    Arbitrary<Object[]> head =
        Combinators.combine(ids, names, names, checkIns, Arbitraries.integers().between(-1, 600), names, optionalNames, optionalNames)
            .as((id, member, activity, in, length, verifier, team, grid) -> new Object[] {id, member, activity, in, length, verifier, team, grid});
    Arbitrary<Object[]> tail =
        Combinators.combine(
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(16).map(h -> "import:" + h).injectNull(0.3),
                Arbitraries.integers().between(1, Integer.MAX_VALUE),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 60),
                decimals,
                multipliers,
                decimals,
                amounts)
            .as((imp, version, hourBased, rounding, rate, ms, factor, a) -> new Object[] {imp, version, hourBased, rounding, rate, ms, factor, a});
    return Combinators.combine(head, tail, Arbitraries.longs().between(1, Long.MAX_VALUE)).as(CanonicalCreditsProperties::credit);
  }

  private static Entry credit(Object[] head, Object[] tail, long seq) {
    String member = (String) head[1];
    ZonedDateTime in = (ZonedDateTime) head[3];
    int length = (Integer) head[4];
    long[] a = (long[]) tail[7];
    long points = a[1];
    long minutes = a[2];
    @SuppressWarnings("unchecked")
    List<MatchedMultiplier> ms = (List<MatchedMultiplier>) tail[5];
    CreditBreakdown b =
        new CreditBreakdown(
            (Integer) tail[1], (String) head[2], (Boolean) tail[2], minutes + 7, minutes, (Integer) tail[3],
            (BigDecimal) tail[4], ms, (BigDecimal) tail[6], a[0], a[3] < 0 ? null : a[3], a[0] % 7, points, minutes);
    EntryDetail.Credit c =
        new EntryDetail.Credit(
            member, (String) head[2], in, length < 0 ? null : in.plusMinutes(length), (String) head[5],
            (String) head[6], (String) head[7], (String) tail[0], b);
    List<Posting> postings = new ArrayList<>();
    if (points != 0 || minutes != 0) {
      postings.add(new Posting(Account.ISSUED, -points, -minutes));
      postings.add(new Posting(Account.member(member), points, minutes));
    }
    LocalDate date = in.toLocalDate();
    return new Entry(seq, (String) head[0], date, postings, c);
  }

  private static boolean isAscii(byte[] json) {
    for (byte b : json) {
      if (b < 0x20 || b > 0x7e || b == '\\') {
        return false;
      }
    }
    return true;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}

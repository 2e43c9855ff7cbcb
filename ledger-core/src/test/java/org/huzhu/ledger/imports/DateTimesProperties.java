package org.huzhu.ledger.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DateTimesProperties {
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter STRICT_LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  @Property
  void resolverAgreesWithZonedDateTimeOf(
      @ForAll("zones") ZoneId zone,
      @ForAll @LongRange(min = -25_000, max = 60_000) long epochDay,
      @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano) {
    LocalDateTime local =
        LocalDate.ofEpochDay(epochDay).atStartOfDay().plusSeconds(secondOfDay).withNano(nano);
    ZoneResolver resolver = new ZoneResolver(zone);
    // Twice: the first call fills the day cache, the second reads it.
    assertEquals(ZonedDateTime.of(local, zone), resolver.resolve(local));
    assertEquals(ZonedDateTime.of(local, zone), resolver.resolve(local));
  }

  @Property
  void resolverAgreesWithZonedDateTimeOfNearTransitions(
      @ForAll("zones") ZoneId zone,
      @ForAll @IntRange(min = 0, max = 40) int transition,
      @ForAll @IntRange(min = -3 * 1440, max = 3 * 1440) int minutesAway) {
    var rules = zone.getRules();
    var t = rules.nextTransition(java.time.Instant.parse("2008-01-01T00:00:00Z"));
    for (int i = 0; i < transition && t != null; i++) {
      t = rules.nextTransition(t.getInstant());
    }
    if (t == null) {
      return;
    }
    LocalDateTime local = t.getDateTimeBefore().plusMinutes(minutesAway);
    ZoneResolver resolver = new ZoneResolver(zone);
    assertEquals(ZonedDateTime.of(local, zone), resolver.resolve(local));
    assertEquals(ZonedDateTime.of(local, zone), resolver.resolve(local));
  }

  @Property
  void formattedDateTimesParseBack(
      @ForAll("zones") ZoneId zone,
      @ForAll @LongRange(min = 0, max = 2_900_000) long epochDay,
      @ForAll @IntRange(min = 0, max = 86_399) int secondOfDay,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes,
      @ForAll boolean withOffset,
      @ForAll boolean space) {
    LocalDateTime local =
        LocalDate.ofEpochDay(epochDay - 719_528).atStartOfDay().plusSeconds(secondOfDay).withNano(nano);
    if (local.getYear() < 0 || local.getYear() > 9999) {
      return;
    }
    String text = local.toString();
    if (space) {
      text = text.replace('T', ' ');
    }
    ZonedDateTime expected = ZonedDateTime.of(local, zone);
    if (withOffset) {
      java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60);
      text += offset.getId();
      expected = OffsetDateTime.of(local, offset).atZoneSameInstant(zone);
    }
    assertEquals(expected, DateTimes.parseDateTime(text, new ZoneResolver(zone)));
  }

  /** The contract sets no length on a fraction: digits below a nanosecond are read and dropped. */
  @Property
  void digitsBelowANanosecondAreDropped(
      @ForAll @IntRange(min = 0, max = 999_999_999) int nano,
      @ForAll("extraDigits") String extra,
      @ForAll boolean withOffset) {
    String text = String.format(Locale.ROOT, "2026-11-03T09:00:05.%09d%s%s", nano, extra, withOffset ? "+08:00" : "");
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    assertEquals(
        ZonedDateTime.of(LocalDateTime.of(2026, 11, 3, 9, 0, 5, nano), shanghai),
        DateTimes.parseDateTime(text, new ZoneResolver(shanghai)));
  }

  @Provide
  Arbitrary<String> extraDigits() {
    return Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(30);
  }

  @Property
  void digitShapedTextIsValidExactlyWhenStrictJavaTimeSaysSo(
      @ForAll @IntRange(min = 0, max = 9999) int year,
      @ForAll @IntRange(min = 0, max = 99) int month,
      @ForAll @IntRange(min = 0, max = 99) int day,
      @ForAll @IntRange(min = 0, max = 99) int hour,
      @ForAll @IntRange(min = 0, max = 99) int minute) {
    String date = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    String text = String.format(Locale.ROOT, "%sT%02d:%02d", date, hour, minute);
    LocalDateTime strict;
    try {
      strict = LocalDateTime.parse(text, STRICT_LOCAL);
    } catch (DateTimeParseException e) {
      strict = null;
    }
    ZoneId utc = ZoneId.of("UTC");
    ZonedDateTime parsed = DateTimes.parseDateTime(text, new ZoneResolver(utc));
    assertEquals(strict, parsed == null ? null : parsed.toLocalDateTime());
    LocalDate strictDate;
    try {
      strictDate = LocalDate.parse(date, STRICT_DATE);
    } catch (DateTimeParseException e) {
      strictDate = null;
    }
    assertEquals(strictDate, DateTimes.parseDate(date));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "Asia/Shanghai",
            "America/New_York",
            "America/Sao_Paulo",
            "Europe/London",
            "Australia/Lord_Howe",
            "Pacific/Apia",
            "Asia/Kathmandu",
            "UTC",
            "+05:30")
        .map(ZoneId::of);
  }
}

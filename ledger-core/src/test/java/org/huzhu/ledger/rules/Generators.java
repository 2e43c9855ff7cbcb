package org.huzhu.ledger.rules;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Arbitrary rule versions and sign-ins for the properties. */
final class Generators {
  static final LocalDate START = LocalDate.of(2026, 1, 1);
  static final List<String> KEYS = List.of("a", "b.c", "d_e", "F-9");
  static final List<ZoneId> ZONES =
      List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"), ZoneId.of("UTC"), ZoneId.of("Australia/Lord_Howe"));

  private Generators() {}

  /** Decimals with up to 9 fraction digits, small and large, so both paths of Accrual run. */
  static Arbitrary<BigDecimal> decimal(long maxUnscaled) {
    return Combinators.combine(Arbitraries.longs().between(0, maxUnscaled), Arbitraries.integers().between(0, 9))
        .as(BigDecimal::valueOf);
  }

  static Arbitrary<BigDecimal> factor() {
    return Arbitraries.oneOf(
        Arbitraries.of(new BigDecimal("1.5"), new BigDecimal("2"), new BigDecimal("0.5"), new BigDecimal("1.25")),
        decimal(5_000_000_000L).filter(d -> d.signum() > 0 && d.compareTo(BigDecimal.TEN) < 0));
  }

  static Arbitrary<LocalDate> date() {
    return Arbitraries.integers().between(-40, 400).map(START::plusDays);
  }

  static Arbitrary<Activity> activity(String key) {
    Arbitrary<BigDecimal> rate = Arbitraries.frequencyOf(
        Tuple.of(9, decimal(100_000)), Tuple.of(1, decimal(Long.MAX_VALUE / 1000)));
    return Combinators.combine(rate, Arbitraries.integers().between(0, 2))
        .as((r, kind) -> kind == 0 ? Activity.perEvent(key, "E " + key, r) : new Activity(key, "H " + key, r, null, kind == 1));
  }

  static Arbitrary<Multiplier> multiplier(int i) {
    Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).injectNull(0.6);
    Arbitrary<Set<LocalDate>> dates = date().set().ofMinSize(1).ofMaxSize(5).injectNull(0.7);
    Arbitrary<Set<String>> acts = Arbitraries.of(KEYS).set().ofMinSize(1).injectNull(0.6);
    Arbitrary<LocalDate> from = date().injectNull(0.6);
    Arbitrary<Integer> span = Arbitraries.integers().between(0, 200).injectNull(0.5);
    return Combinators.combine(days, dates, acts, from, span, factor())
        .as((d, ds, as, f, s, fac) -> new Multiplier("m" + i + "-名", d, ds, as, f,
            s == null ? null : (f == null ? START.plusDays(s) : f.plusDays(s)), fac));
  }

  static Arbitrary<RuleVersion> ruleVersion() {
    Arbitrary<List<Activity>> acts = Combinators.combine(
            activity(KEYS.get(0)), activity(KEYS.get(1)), activity(KEYS.get(2)), activity(KEYS.get(3)))
        .as(List::of);
    Arbitrary<List<Multiplier>> mults = Arbitraries.integers().between(0, 11).flatMap(n -> {
      List<Arbitrary<Multiplier>> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        list.add(multiplier(i));
      }
      return Combinators.combine(list).as(l -> l);
    });
    Arbitrary<Integer> rounding = Arbitraries.oneOf(Arbitraries.just(1), Arbitraries.of(5, 15, 30, 60), Arbitraries.integers().between(1, 1000));
    Arbitrary<Integer> min = Arbitraries.integers().between(0, 120);
    Arbitrary<Integer> max = Arbitraries.oneOf(Arbitraries.of(720, 1440), Arbitraries.integers().between(1, 3000));
    Arbitrary<Long> cap = Arbitraries.longs().between(0, 500).injectNull(0.4);
    Arbitrary<Integer> expire = Arbitraries.integers().between(1, 36).injectNull(0.5);
    Arbitrary<Integer> version = Arbitraries.integers().between(1, Integer.MAX_VALUE);
    Arbitrary<Long> limit = Arbitraries.longs().between(0, RuleVersion.MAX_AMOUNT);
    return Combinators.combine(version, date(), rounding, min, max, cap, expire, limit)
        .as(Scalars::new)
        .flatMap(sc -> Combinators.combine(acts, mults).as((as, ms) -> {
          java.util.TreeMap<String, Activity> map = new java.util.TreeMap<>();
          as.forEach(a -> map.put(a.key(), a));
          return new RuleVersion(sc.version, sc.from, sc.rounding, sc.min, sc.max, sc.cap, sc.expire, sc.limit, map, ms);
        }))
        .ignoreException(IllegalArgumentException.class);
  }

  private record Scalars(int version, LocalDate from, int rounding, int min, int max, Long cap, Integer expire, long limit) {}

  static Arbitrary<SigninFacts> facts() {
    Arbitrary<String> activity = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.just("unknown"));
    Arbitrary<Long> startSeconds = Arbitraries.longs().between(-40L * 86400, 400L * 86400);
    Arbitrary<Long> lengthSeconds = Arbitraries.oneOf(
        Arbitraries.longs().between(-7200, 3000 * 60),
        Arbitraries.of(0L, 59L, 60L, 1799L, 1800L, 2640L, 43200L, 43260L, 86400L));
    Arbitrary<Integer> nanos = Arbitraries.integers().between(0, 999_999_999);
    Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
    Arbitrary<Boolean> noCheckout = Arbitraries.of(true, false, false, false, false);
    return Combinators.combine(activity, startSeconds, lengthSeconds, nanos, zone, noCheckout)
        .as((a, s, len, n, z, none) -> {
          ZonedDateTime in = START.atStartOfDay(z).plusSeconds(s).plusNanos(n);
          ZonedDateTime out = none ? null : in.plusSeconds(len).withNano((int) ((n * 7L) % 1_000_000_000L));
          return new SigninFacts(a, in, out);
        });
  }
}

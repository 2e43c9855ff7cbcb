package org.huzhu.ledger.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Resolves local date-times in one zone exactly as {@link ZonedDateTime#of(LocalDateTime, ZoneId)}
 * does, but fast.
 *
 * <p>Why: for zones without future rules, such as Asia/Shanghai, {@code ZonedDateTime.of} binary
 * searches an array of local date-time objects on every call, which dominated reading a large file.
 * Here each local date is looked at once: when no offset transition lies within two days of it,
 * every time of that day has the one offset, and the cached offset is used; days near a transition
 * (where gaps and overlaps are) always take the exact {@code ZonedDateTime.of} path. One instance
 * per reader; not thread-safe.
 */
final class ZoneResolver {
  private static final int SLOTS = 256;
  private static final long MARGIN_SECONDS = 2 * 86_400L;

  private final ZoneId zone;
  private final ZoneRules rules;
  private final ZoneOffset fixed;
  private final long[] days = new long[SLOTS];
  /** Offset for the day in the same slot, or null for a slot unused or a day near a transition. */
  private final ZoneOffset[] offsets = new ZoneOffset[SLOTS];

  ZoneResolver(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
  }

  ZoneId zone() {
    return zone;
  }

  /** The same value as {@code ZonedDateTime.of(local, zone)}. */
  ZonedDateTime resolve(LocalDateTime local) {
    ZoneOffset offset = fixed != null ? fixed : offsetOfWholeDay(local.toLocalDate());
    if (offset == null) {
      return ZonedDateTime.of(local, zone);
    }
    // Not ZonedDateTime.ofInstant(local, offset, zone): it re-validates the offset with the slow
    // local-time search. The instant is exact because the offset is the day's only one.
    return ZonedDateTime.ofInstant(
        Instant.ofEpochSecond(local.toEpochSecond(offset), local.getNano()), zone);
  }

  private ZoneOffset offsetOfWholeDay(LocalDate date) {
    long day = date.toEpochDay();
    int slot = (int) (day & (SLOTS - 1));
    if (days[slot] == day && offsets[slot] != null) {
      return offsets[slot];
    }
    ZoneOffset offset = rules.getOffset(date.atStartOfDay());
    long start = date.toEpochSecond(LocalTime.MIDNIGHT, offset);
    ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(start - MARGIN_SECONDS));
    boolean quiet =
        next == null || next.getInstant().getEpochSecond() > start + 86_400L + MARGIN_SECONDS;
    days[slot] = day;
    offsets[slot] = quiet ? offset : null;
    return offsets[slot];
  }
}

package org.huzhu.ledger.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * "Now" for one command: {@code HUZHU_NOW} when set, else the system clock. A local {@code
 * HUZHU_NOW} is read in the ledger's zone, which is known only once the ledger is open, so it is
 * resolved then ({@link #setZone}); until then the clock refuses to tell the time. A {@code
 * HUZHU_NOW} with an offset ({@code Z}, {@code +08:00}) names an instant and needs no zone.
 */
final class NowClock extends Clock {
  private final LocalDateTime fixedLocal;
  private final Instant fixedInstant;
  private volatile ZoneId zone;

  private NowClock(LocalDateTime fixedLocal, Instant fixedInstant, ZoneId zone) {
    this.fixedLocal = fixedLocal;
    this.fixedInstant = fixedInstant;
    this.zone = zone;
  }

  /**
   * @param huzhuNow the value of {@code HUZHU_NOW}: a date, a local date-time or one with an
   *     offset; or null for the system clock
   * @throws IllegalArgumentException if it is set but unreadable
   */
  static NowClock fromEnv(String huzhuNow) {
    if (huzhuNow == null || huzhuNow.isBlank()) {
      return new NowClock(null, null, null);
    }
    String s = huzhuNow.strip();
    try {
      return new NowClock(null, OffsetDateTime.parse(s).toInstant(), null);
    } catch (DateTimeParseException notAnInstant) {
      return new NowClock(Times.parseAt(s, "HUZHU_NOW"), null, null);
    }
  }

  /** Sets the zone a local "now" is read in: the ledger's. */
  void setZone(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    ZoneId z = zone;
    return z == null ? ZoneOffset.UTC : z;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new NowClock(fixedLocal, fixedInstant, newZone);
  }

  @Override
  public Instant instant() {
    if (fixedInstant != null) {
      return fixedInstant;
    }
    if (fixedLocal == null) {
      return Instant.now();
    }
    ZoneId z = zone;
    if (z == null) {
      throw new IllegalStateException("HUZHU_NOW read before the ledger's zone is known");
    }
    return fixedLocal.atZone(z).toInstant();
  }
}

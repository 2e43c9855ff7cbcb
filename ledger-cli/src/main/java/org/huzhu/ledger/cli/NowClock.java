package org.huzhu.ledger.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * "Now" for one command, in the ledger's zone: {@code HUZHU_NOW} when set, else the system clock.
 * A local {@code HUZHU_NOW} is read in that zone (known before opening, from {@code
 * Ledger.zoneOf}); one with an offset ({@code Z}, {@code +08:00}) names an instant.
 */
final class NowClock extends Clock {
  private final Instant fixed;
  private final ZoneId zone;

  private NowClock(Instant fixed, ZoneId zone) {
    this.fixed = fixed;
    this.zone = zone;
  }

  /**
   * @param huzhuNow the value of {@code HUZHU_NOW}: a date, a local date-time or one with an
   *     offset; or null for the system clock
   * @param zone the ledger's zone
   * @throws IllegalArgumentException if it is set but unreadable
   */
  static NowClock fromEnv(String huzhuNow, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (huzhuNow == null || huzhuNow.isBlank()) {
      return new NowClock(null, zone);
    }
    String s = huzhuNow.strip();
    try {
      return new NowClock(OffsetDateTime.parse(s).toInstant(), zone);
    } catch (DateTimeParseException notAnInstant) {
      return new NowClock(Times.parseAt(s, "HUZHU_NOW").atZone(zone).toInstant(), zone);
    }
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new NowClock(fixed, newZone);
  }

  @Override
  public Instant instant() {
    return fixed != null ? fixed : Instant.now();
  }
}

package org.huzhu.ledger.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * "Now" for one command: the local date-time of {@code HUZHU_NOW} in the ledger's zone, or the
 * system clock. The ledger's zone is known only once it is open, so a fixed "now" is resolved
 * then ({@link #setZone}); until then the clock refuses to tell the time.
 */
final class NowClock extends Clock {
  private final LocalDateTime fixed;
  private volatile ZoneId zone;

  private NowClock(LocalDateTime fixed, ZoneId zone) {
    this.fixed = fixed;
    this.zone = zone;
  }

  /**
   * @param huzhuNow the value of {@code HUZHU_NOW}: a date-time or a date, or null
   * @throws IllegalArgumentException if it is set but unreadable
   */
  static NowClock fromEnv(String huzhuNow) {
    if (huzhuNow == null || huzhuNow.isBlank()) {
      return new NowClock(null, null);
    }
    return new NowClock(Times.parseAt(huzhuNow.strip(), "HUZHU_NOW"), null);
  }

  /** Sets the zone a fixed "now" is read in: the ledger's. */
  void setZone(ZoneId zone) {
    this.zone = zone;
  }

  /** Whether "now" comes from {@code HUZHU_NOW}. */
  boolean isFixed() {
    return fixed != null;
  }

  @Override
  public ZoneId getZone() {
    ZoneId z = zone;
    return z == null ? ZoneOffset.UTC : z;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new NowClock(fixed, newZone);
  }

  @Override
  public Instant instant() {
    if (fixed == null) {
      return Instant.now();
    }
    ZoneId z = zone;
    if (z == null) {
      throw new IllegalStateException("HUZHU_NOW read before the ledger's zone is known");
    }
    return fixed.atZone(z).toInstant();
  }

  /** Today in {@code zone}. */
  LocalDate today(ZoneId z) {
    return fixed != null ? fixed.toLocalDate() : LocalDate.ofInstant(Instant.now(), z);
  }
}

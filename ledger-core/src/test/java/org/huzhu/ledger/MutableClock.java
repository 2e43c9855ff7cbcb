package org.huzhu.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests move by hand, so no test reads the wall clock or sleeps. */
final class MutableClock extends Clock {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private volatile Instant now;

  MutableClock(LocalDateTime localNow) {
    this.now = localNow.atZone(SHANGHAI).toInstant();
  }

  void set(LocalDateTime localNow) {
    now = localNow.atZone(SHANGHAI).toInstant();
  }

  void advanceDays(long days) {
    now = now.plusSeconds(days * 86_400);
  }

  @Override
  public ZoneId getZone() {
    return SHANGHAI;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}

package org.huzhu.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** "Now" in the ledger's zone, read once per command from the injected clock. */
record Clocks(Clock clock, ZoneId zone) {
  LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), zone);
  }
}

package org.huzhu.ledger;
import org.junit.jupiter.api.Test;
import net.jqwik.api.*;
import static org.junit.jupiter.api.Assertions.*;
class SmokeTest {
  @Test void one() { assertEquals(2, 1 + 1); }
  @Property(tries = 10) void prop(@ForAll int x) { assertEquals(x, x); }
}

package org.huzhu.ledger.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.huzhu.ledger.LedgerRefusal;
import org.huzhu.ledger.Reason;

class RuleVersionsProperties {
  @Provide
  Arbitrary<RuleVersion> rules() {
    return Generators.ruleVersion();
  }

  @Property(tries = 1000)
  void canonicalJsonRoundTrips(@ForAll("rules") RuleVersion v) {
    String json = RuleVersions.toCanonicalJson(v);
    RuleVersion back = RuleVersions.fromCanonicalJson(json);
    assertEquals(v, back);
    assertEquals(json, RuleVersions.toCanonicalJson(back));
    assertFalse(json.contains("\t") || json.contains("\r") || json.contains("\n") || json.contains(" \""), json);
    assertEquals(v, RuleVersions.parse(json.getBytes(StandardCharsets.UTF_8), "x.json"));
  }

  @Provide
  Arbitrary<byte[]> garbled() {
    byte[] contract = Examples.CONTRACT_RULES.getBytes(StandardCharsets.UTF_8);
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> mutated = Combinators.combine(
            Arbitraries.integers().between(0, contract.length - 1).list().ofMinSize(1).ofMaxSize(4),
            Arbitraries.bytes().list().ofSize(4),
            Arbitraries.integers().between(0, 2))
        .as((positions, values, mode) -> {
          byte[] b = contract.clone();
          for (int i = 0; i < positions.size(); i++) {
            int p = positions.get(i);
            if (mode == 0) {
              b[p] = values.get(i);
            } else if (mode == 1) {
              b[p] = (byte) "{}[]\",:0123456789.eE- tn".charAt(Math.floorMod(values.get(i), 24));
            } else {
              b = java.util.Arrays.copyOf(b, Math.min(b.length, p));
            }
          }
          return b;
        });
    Arbitrary<byte[]> tokens = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"version\"", "1", "-1", "1.5", "1e2",
            "\"2026-01-01\"", "\"activities\"", "\"a\"", "\"points_per_hour\"", "\"multipliers\"", "\"factor\"",
            "\"effective_from\"", "null", "true", "\"name\"", "\"days_of_week\"", "\"MONDAY\"")
        .list().ofMaxSize(40).map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(random, mutated, tokens);
  }

  @Property(tries = 3000)
  void parseOnlyEverRefusesWithBadFile(@ForAll("garbled") byte[] input) {
    try {
      RuleVersion v = RuleVersions.parse(input, "g.json");
      assertEquals(v, RuleVersions.fromCanonicalJson(RuleVersions.toCanonicalJson(v)));
    } catch (LedgerRefusal e) {
      assertEquals(Reason.BAD_FILE, e.reason());
      assertFalse(e.detail().contains("\n"), e.detail());
    }
  }
}

package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Records the generated credits of the properties never come near. */
class CanonicalCreditsTest {

  @Test
  void aStringLongerThanTheParserReadsIsLeftToTheParser() {
    String json =
        "{\"id\":\"" + "a".repeat(20_000_001) + "\",\"kind\":\"credit\",\"date\":\"2026-03-04\",\"postings\":[],"
            + "\"data\":{\"member\":\"v1\",\"activity\":\"cleanup\",\"check_in\":\"2026-03-04T09:00+08:00[Asia/Shanghai]\","
            + "\"verified_by\":\"g1\",\"breakdown\":{\"rule_version\":1,\"hour_based\":false,\"duration\":0,\"credited\":0,"
            + "\"rounding\":15,\"rate\":\"0\",\"multipliers\":[],\"factor\":\"1\",\"before_cap\":0,\"already\":0,"
            + "\"points\":0,\"minutes\":0}}}";
    byte[] record = json.getBytes(StandardCharsets.US_ASCII);
    assertThrows(IllegalArgumentException.class, () -> EntryCodec.parse(7, record));
    assertNull(CanonicalCredits.read(7, record));
    assertThrows(IllegalArgumentException.class, () -> EntryCodec.fromJson(7, record));
  }
}

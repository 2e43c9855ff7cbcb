package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

/** The JSON of credit entries, kept apart because it carries the accrual breakdown. */
final class CreditCodec {
  private CreditCodec() {}

  static void write(JsonGenerator g, EntryDetail d) {
    throw new IllegalArgumentException("no codec for entry kind " + d.kind());
  }

  static EntryDetail read(String kind, JsonNode d) {
    throw new IllegalArgumentException("unknown entry kind '" + kind + "'");
  }
}

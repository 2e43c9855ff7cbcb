package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** A snapshot gives back the entries it was made of, whatever their ids. */
class StateCodecProperties {

  /** Ids as the ledger gives them, and now and then one wider than ASCII, empty, or very long. */
  @Provide
  Arbitrary<List<String>> ids() {
    return Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.strings().withChars("abcS:-0123456789").ofMinLength(1).ofMaxLength(12)),
            Tuple.of(2, Arbitraries.strings().withChars("aé网\u00ff\u0080").ofMinLength(0).ofMaxLength(4)),
            Tuple.of(1, Arbitraries.strings().withChars("xy").ofMinLength(250).ofMaxLength(300)))
        .list()
        .ofMaxSize(200);
  }

  @Property(tries = 100)
  void aSnapshotsEntriesComeBackAsTheyWere(@ForAll("ids") List<String> ids) {
    LedgerState s = new LedgerState();
    Map<String, EntryInfo> model = new HashMap<>();
    long seq = 0;
    for (String id : new LinkedHashSet<>(ids)) {
      seq++;
      EntryInfo info =
          new EntryInfo(
              seq, "credit", LocalDate.of(2026, 1, 1).plusDays(seq % 40), seq * 7919, null, null, null,
              new EntryInfo.CreditInfo("v" + seq % 5, seq % 30, seq % 90, seq % 2 == 0, "import:a", "cleanup", null, null));
      s.entries.put(id, info);
      model.put(id, info);
    }
    LedgerState back = StateCodec.decode(ByteBuffer.wrap(StateCodec.encode(s)));
    assertEquals(model, new HashMap<>(back.entries));
    for (Map.Entry<String, EntryInfo> e : model.entrySet()) {
      assertEquals(e.getValue(), back.entries.get(e.getKey()), e.getKey());
    }
  }
}

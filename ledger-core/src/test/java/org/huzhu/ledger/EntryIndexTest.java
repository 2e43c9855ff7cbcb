package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Cases of {@link EntryIndex} that the generated histories of its properties rarely reach. */
class EntryIndexTest {

  private static EntryInfo adjustment(long seq) {
    return new EntryInfo(seq, "adjustment", LocalDate.of(2026, 1, 1), seq, null, null, null, null);
  }

  @Test
  void anIndexMergedIntoAnotherThatMovesAnEntrysSeqStillFindsEveryIdBySeq() {
    EntryIndex root = new EntryIndex();
    root.put("x", adjustment(1));
    root.put("y", adjustment(2));
    EntryIndex child = new EntryIndex();
    child.put("x", adjustment(3));
    root.putAll(child);
    assertEquals("y", root.idOfSeq(2));
    assertEquals("x", root.idOfSeq(3));
    assertEquals(null, root.idOfSeq(1));
  }
}

package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Seqs} holds what a list of the seqs added holds, and a copy changes apart from it. */
class SeqsProperties {

  /** Seqs that mostly follow each other, as an import's credits do, with jumps and repeats. */
  @Provide
  Arbitrary<List<Long>> steps() {
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(10, Arbitraries.just(1L)),
            net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-20, 20)),
            net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(2, 1L << 40)))
        .list()
        .ofMaxSize(200);
  }

  @Property(tries = 300)
  void holdsWhatAListOfTheSeqsHolds(@ForAll("steps") List<Long> steps, @ForAll("steps") List<Long> more) {
    Seqs seqs = new Seqs();
    List<Long> model = new ArrayList<>();
    long seq = 1;
    for (long step : steps) {
      seq = Math.max(1, seq + step);
      seqs.add(seq);
      model.add(seq);
    }
    Seqs copy = seqs.copy();
    List<Long> copyModel = new ArrayList<>(model);
    for (long step : more) {
      seq = Math.max(1, seq + step);
      copy.add(seq);
      copyModel.add(seq);
    }
    assertEquals(model, seqs.stream().boxed().toList());
    assertEquals(model.size(), seqs.size());
    assertEquals(copyModel, copy.stream().boxed().toList());
    Seqs rebuilt = new Seqs();
    for (int r = 0; r < copy.runs(); r++) {
      rebuilt.addRun(copy.runFirst(r), copy.runLength(r));
    }
    assertEquals(copyModel, rebuilt.stream().boxed().toList());
    assertEquals(copy.runs(), rebuilt.runs());
    assertEquals(copyModel.size(), rebuilt.size());
  }

  @Property(tries = 300)
  void addsARunAsThatManySeqs(@ForAll("steps") List<Long> starts, @ForAll("steps") List<Long> lengths) {
    Seqs byRun = new Seqs();
    Seqs one = new Seqs();
    long seq = 1;
    for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
      seq = Math.max(1, seq + starts.get(i));
      long length = Math.floorMod(lengths.get(i), 5) + 1;
      byRun.addRun(seq, length);
      for (long k = 0; k < length; k++) {
        one.add(seq + k);
      }
      seq += length;
    }
    assertEquals(one.stream().boxed().toList(), byRun.stream().boxed().toList());
    assertEquals(one.size(), byRun.size());
    assertEquals(one.runs(), byRun.runs());
  }
}

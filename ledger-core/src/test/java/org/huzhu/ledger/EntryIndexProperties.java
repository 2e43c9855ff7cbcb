package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link EntryIndex} answers as a hash map does, for any puts, overwrites included. */
class EntryIndexProperties {

  record Put(String id, EntryInfo info) {}

  private static final Entry CREATED =
      new Entry(1, "sys:ledger", LocalDate.of(1970, 1, 1), List.of(), new EntryDetail.LedgerCreated(ZoneId.of("Asia/Shanghai")));

  @Provide
  Arbitrary<List<Put>> puts() {
    Arbitrary<String> ids = ids();
    Arbitrary<EntryInfo.CreditInfo> credits =
        Combinators.combine(
                Arbitraries.integers().between(1, 400).map(n -> "v" + n),
                Arbitraries.oneOf(Arbitraries.longs().between(-5, 500), Arbitraries.longs()),
                Arbitraries.oneOf(Arbitraries.longs().between(0, 900), Arbitraries.longs()),
                Arbitraries.of(true, false),
                Arbitraries.just("import:a").injectNull(0.3),
                Arbitraries.of("cleanup", "elderly-care"),
                Arbitraries.just("t1").injectNull(0.5))
            .as((m, p, min, hour, imp, act, team) ->
                new EntryInfo.CreditInfo(m, p, min, hour, imp, act, team, team == null ? null : "g1"));
    Arbitrary<EntryInfo> infos =
        Combinators.combine(
                Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000_000), Arbitraries.longs().greaterOrEqual(1)),
                Arbitraries.of("credit", "adjustment", "reversal"),
                Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2025, 1, 1).plusDays(d)),
                Arbitraries.longs(),
                Arbitraries.just(LocalDateTime.of(2026, 3, 1, 9, 30)).injectNull(0.7),
                Arbitraries.just("reversal:x").injectNull(0.7),
                Arbitraries.just(CREATED).injectNull(0.7),
                credits.injectNull(0.4))
            .as((seq, kind, date, fp, at, rev, entry, credit) ->
                new EntryInfo(seq, kind, date, fp, at, rev, entry, credit));
    return Combinators.combine(ids, infos).as(Put::new).list().ofMaxSize(300);
  }

  @Property(tries = 200)
  void answersAsAHashMapDoes(
      @ForAll("puts") List<Put> puts, @ForAll boolean presized, @ForAll @IntRange(max = 300) int reserveAt) {
    EntryIndex index = presized ? new EntryIndex(puts.size()) : new EntryIndex();
    Map<String, EntryInfo> model = new HashMap<>();
    for (int i = 0; i < puts.size(); i++) {
      Put p = puts.get(i);
      if (i == reserveAt) {
        index.reserve(puts.size() - i); // room made part-way changes nothing that can be seen
      }
      assertEquals(model.put(p.id(), p.info()), index.put(p.id(), p.info()));
      assertEquals(model.size(), index.size());
    }
    for (Put p : puts) {
      assertEquals(model.get(p.id()), index.get(p.id()));
    }
    assertNull(index.get("not-put-anywhere"));
    assertEquals(model, index);
    assertEquals(model.keySet(), Set.copyOf(index.keySet()));
    assertEquals(model, new HashMap<>(index));
    assertEquals(Set.copyOf(model.entrySet()), Set.copyOf(index.entrySet()));
    assertEquals(model.entrySet().hashCode(), index.entrySet().hashCode());
    assertEquals(model.values().size(), index.values().size());
    assertEquals(Set.copyOf(model.values()), Set.copyOf(index.values()));
  }

  @Property(tries = 200)
  void mergingAnIndexAnswersAsMergingMapsDoes(
      @ForAll("puts") List<Put> before, @ForAll("puts") List<Put> merged) {
    EntryIndex index = new EntryIndex();
    Map<String, EntryInfo> model = new HashMap<>();
    for (Put p : before) {
      index.put(p.id(), p.info());
      model.put(p.id(), p.info());
    }
    EntryIndex child = new EntryIndex();
    Map<String, EntryInfo> childModel = new HashMap<>();
    for (Put p : merged) {
      child.put(p.id(), p.info());
      childModel.put(p.id(), p.info());
    }
    index.putAll(child);
    model.putAll(childModel);
    assertEquals(model, index);
    assertEquals(model.size(), index.size());
    for (String id : model.keySet()) {
      assertEquals(model.get(id), index.get(id));
    }
  }

  /** Mostly short ids, as the ledger gives them; now and then one wider than Latin-1 or longer than 255. */
  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(20, Arbitraries.strings().withChars("abcxyz:-0123456789").ofMinLength(1).ofMaxLength(6)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("aé网\u00ff").ofMinLength(1).ofMaxLength(4)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("ab").ofMinLength(250).ofMaxLength(300)));
  }

  @Property(tries = 200)
  void findsEachIdBySeq(@ForAll("seqs") List<Long> seqs, @ForAll("ids") String prefix, @ForAll boolean sorted) {
    List<Long> order = sorted ? seqs.stream().sorted().toList() : seqs;
    EntryIndex index = new EntryIndex();
    for (long seq : order) {
      index.put(prefix + seq, new EntryInfo(seq, "adjustment", LocalDate.of(2026, 1, 1), seq, null, null, null, null));
    }
    for (long seq : seqs) {
      assertEquals(prefix + seq, index.idOfSeq(seq));
      assertEquals(seq, index.get(prefix + seq).seq());
    }
    assertNull(index.idOfSeq(0));
    assertNull(index.idOfSeq(-7));
  }

  /** Distinct seqs in any order, small ones or ones too large to pack beside a slot. */
  @Provide
  Arbitrary<List<Long>> seqs() {
    Arbitrary<Long> small = Arbitraries.longs().between(1, 5_000);
    Arbitrary<Long> large = Arbitraries.longs().between(1L << 40, Long.MAX_VALUE);
    return Arbitraries.oneOf(small.list().uniqueElements().ofMaxSize(300), Arbitraries.oneOf(small, large).list().uniqueElements().ofMaxSize(300));
  }

  @Property(tries = 200)
  void walksItsSlotsInSeqOrder(@ForAll("seqs") List<Long> seqs) {
    EntryIndex index = new EntryIndex();
    for (long seq : seqs) {
      index.put("e" + seq, new EntryInfo(seq, "adjustment", LocalDate.of(2026, 1, 1), seq, null, null, null, null));
    }
    List<Long> walked = new java.util.ArrayList<>();
    for (int slot : index.slotsBySeq()) {
      walked.add(index.infoAt(slot).seq());
      assertEquals("e" + index.infoAt(slot).seq(), index.idAt(slot));
    }
    assertEquals(seqs.stream().sorted().toList(), walked);
  }

  /** Ids over several pages of id bytes, some kept apart (wide, empty, long): each found by id and by seq. */
  @net.jqwik.api.Example
  void findsIdsAcrossPages() {
    EntryIndex index = new EntryIndex();
    int n = 250_000;
    for (int i = 1; i <= n; i++) {
      String id = i % 9_999 == 0 ? "网" + i : i == 77_777 ? "" : i % 55_555 == 0 ? "x".repeat(300) + i : "entry-" + i;
      index.put(id, new EntryInfo(i, "adjustment", LocalDate.of(2026, 1, 1), i, null, null, null, null));
    }
    assertEquals(n, index.size());
    for (int i = 1; i <= n; i++) {
      String id = i % 9_999 == 0 ? "网" + i : i == 77_777 ? "" : i % 55_555 == 0 ? "x".repeat(300) + i : "entry-" + i;
      assertEquals(i, index.get(id).seq(), id);
      assertEquals(id, index.idOfSeq(i));
    }
    assertNull(index.get("entry-0"));
  }

  /**
   * However many entries it is made for, an index starts with no more rows than its table can name
   * (a slot shares an int with bits of its hash), and its table is a power of two at most 0.6 full.
   */
  @Property
  void neverHoldsMoreRowsThanItsTableCanName(@ForAll int expected) {
    int rows = EntryIndex.capacityFor(expected);
    org.junit.jupiter.api.Assertions.assertTrue(rows >= 16 && rows <= EntryIndex.MAX_SLOTS, "rows " + rows);
    int table = EntryIndex.tableFor(rows);
    assertEquals(1, Integer.bitCount(table));
    org.junit.jupiter.api.Assertions.assertTrue(table * 0.6 >= rows, "table " + table + " for " + rows);
    assertEquals(EntryIndex.MAX_SLOTS, EntryIndex.capacityFor(Integer.MAX_VALUE));
    assertEquals(EntryIndex.MAX_SLOTS, EntryIndex.capacityFor(1 << 28));
  }

  @Property(tries = 100)
  void refusesADecodedIdTwice(@ForAll("puts") List<Put> puts) {
    EntryIndex index = new EntryIndex();
    Set<String> seen = new java.util.HashSet<>();
    for (Put p : puts) {
      EntryInfo i = p.info();
      if (seen.add(p.id())) {
        index.addDecoded(p.id(), i.seq(), i.kind(), i.date(), i.fingerprint(), i.at(), i.reversedBy(), i.entry());
      } else {
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> index.addDecoded(p.id(), i.seq(), i.kind(), i.date(), i.fingerprint(), i.at(), i.reversedBy(), i.entry()));
      }
    }
    assertEquals(seen.size(), index.size());
  }
}

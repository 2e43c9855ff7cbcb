package org.huzhu.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link NameColumn}, {@link LongColumn} and {@link DateColumn} answer as a plain array does,
 * whatever they narrow.
 */
class ColumnsProperties {

  /** Sets row {@code row} to {@code value}, or, when {@code resize}, makes the column {@code row} rows long. */
  record Change<T>(boolean resize, int row, T value) {}

  private static final int ROWS = 500;

  @Provide
  Arbitrary<List<Change<String>>> nameChanges() {
    // Pools that stay within a byte, cross into a char, and repeat the very same instance or not.
    Arbitrary<String> names =
        Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.of("credit", "adjustment", "cleanup")),
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 100_000).map(n -> "v" + n)))
            .injectNull(0.05);
    return changes(names);
  }

  /**
   * Copying rows from another column gives the names that column holds, whichever numbers either
   * column gave them and however wide either has grown.
   */
  @Property(tries = 100)
  void copyingRowsGivesTheSourcesNames(
      @ForAll("nameChanges") List<Change<String>> sourceChanges,
      @ForAll("nameChanges") List<Change<String>> targetChanges,
      @ForAll("nameChanges") List<Change<String>> copies) {
    NameColumn source = new NameColumn(ROWS);
    NameColumn target = new NameColumn(ROWS);
    String[] sourceModel = new String[ROWS];
    String[] targetModel = new String[ROWS];
    for (Change<String> c : sourceChanges) {
      source.set(c.row() % ROWS, c.value());
      sourceModel[c.row() % ROWS] = c.value();
    }
    for (Change<String> c : targetChanges) {
      target.set(c.row() % ROWS, c.value());
      targetModel[c.row() % ROWS] = c.value();
    }
    NameColumn.Copier copier = target.copierFrom(source);
    for (Change<String> c : copies) {
      // the row number and the value's hash pick a source row and a target row
      int to = c.row() % ROWS;
      int from = Math.floorMod(java.util.Objects.hashCode(c.value()) + c.row(), ROWS);
      if (c.resize()) {
        target.set(to, c.value()); // a name set between copies, as a merge never does but may
        targetModel[to] = c.value();
      } else {
        copier.copy(to, from);
        targetModel[to] = sourceModel[from];
      }
    }
    assertRows(targetModel, target::get);
    assertRows(sourceModel, source::get);
  }

  @Provide
  Arbitrary<List<Change<Long>>> longChanges() {
    Arbitrary<Long> values =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 70_000),
            Arbitraries.longs().between(-1000, 1000),
            Arbitraries.of((long) Integer.MIN_VALUE, Integer.MIN_VALUE + 1L, (long) Integer.MAX_VALUE, 1L << 31),
            Arbitraries.longs());
    return changes(values);
  }

  private static <T> Arbitrary<List<Change<T>>> changes(Arbitrary<T> values) {
    return Combinators.combine(Arbitraries.integers().between(0, 40).map(n -> n == 0), Arbitraries.integers().between(0, 700), values)
        .as(Change<T>::new)
        .list()
        .ofMinSize(300)
        .ofMaxSize(1500);
  }

  @Property(tries = 100)
  void aNameColumnAnswersAsAnArrayDoes(@ForAll("nameChanges") List<Change<String>> changes) {
    NameColumn column = new NameColumn(ROWS);
    String[] model = new String[ROWS];
    for (Change<String> c : changes) {
      if (c.resize()) {
        column.resize(c.row());
        model = Arrays.copyOf(model, c.row());
      } else if (c.row() < model.length) {
        // a fresh string half the time: the column must not rely on the same instance coming back
        String value = c.value() == null || c.row() % 2 == 0 ? c.value() : new String(c.value());
        column.set(c.row(), value);
        model[c.row()] = value;
      }
      assertRows(model, column::get);
    }
  }

  @Property(tries = 100)
  void aLongColumnAnswersAsAnArrayDoes(@ForAll("longChanges") List<Change<Long>> changes, @ForAll boolean small) {
    LongColumn column = new LongColumn(ROWS, small);
    Long[] model = new Long[ROWS];
    Arrays.fill(model, 0L);
    for (Change<Long> c : changes) {
      if (c.resize()) {
        column.resize(c.row());
        int before = model.length;
        model = Arrays.copyOf(model, c.row());
        Arrays.fill(model, Math.min(before, model.length), model.length, 0L);
      } else if (c.row() < model.length) {
        column.set(c.row(), c.value());
        model[c.row()] = c.value();
      }
      assertRows(model, column::get);
    }
  }

  @Provide
  Arbitrary<List<Change<LocalDate>>> dateChanges() {
    Arbitrary<LocalDate> dates =
        Arbitraries.oneOf(
                Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2025, 1, 1).plusDays(d)),
                Arbitraries.of(
                    LocalDate.EPOCH, LocalDate.EPOCH.minusDays(1), LocalDate.ofEpochDay(65_534),
                    LocalDate.ofEpochDay(65_535), LocalDate.of(1950, 6, 1), LocalDate.MAX, LocalDate.MIN))
            .injectNull(0.05);
    return changes(dates);
  }

  @Property(tries = 100)
  void aDateColumnAnswersAsAnArrayDoes(@ForAll("dateChanges") List<Change<LocalDate>> changes) {
    DateColumn column = new DateColumn(ROWS);
    LocalDate[] model = new LocalDate[ROWS];
    Arrays.fill(model, LocalDate.EPOCH);
    for (Change<LocalDate> c : changes) {
      if (c.resize()) {
        column.resize(c.row());
        int before = model.length;
        model = Arrays.copyOf(model, c.row());
        Arrays.fill(model, Math.min(before, model.length), model.length, LocalDate.EPOCH);
      } else if (c.row() < model.length) {
        column.set(c.row(), c.value());
        model[c.row()] = c.value();
      }
      assertRows(model, column::get);
    }
  }

  /** More names than a char can number: the column widens twice and keeps every row. */
  @Example
  void aNameColumnWidensPastAChar() {
    int rows = 70_000;
    NameColumn column = new NameColumn(rows);
    List<String> model = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      String name = row % 3 == 0 ? "credit" : "m" + row;
      column.set(row, name);
      model.add(name);
    }
    column.resize(rows + 10);
    column.set(rows + 3, "m5");
    for (int row = 0; row < rows; row++) {
      assertEquals(model.get(row), column.get(row));
    }
    assertEquals(null, column.get(rows + 2));
    assertEquals("m5", column.get(rows + 3));
  }

  private static <T> void assertRows(T[] model, java.util.function.IntFunction<T> column) {
    for (int row = 0; row < model.length; row++) {
      assertEquals(model[row], column.apply(row), "row " + row);
    }
  }
}

package org.huzhu.ledger;

import java.util.Arrays;

/**
 * A column of names that repeat across millions of rows (kinds, members, activities, teams, grids,
 * imports): a row holds its name's number in the column's own table, in a byte while the column
 * has fewer than 256 names, then in a char, then in an int. A million credits of a dozen activities
 * then cost a megabyte of numbers where references cost four. Number 0 stands for null. Not
 * thread-safe.
 */
final class NameColumn {
  private final NameTable numbers = new NameTable(16);
  /** Each number's name; {@code names[0]} is null. */
  private String[] names = new String[16];
  private int count = 1;
  /** The rows' numbers: exactly one of the three is in use, the narrowest that holds them all. */
  private byte[] bytes;
  private char[] chars;
  private int[] ints;
  /** The name last set and its number: rows of one kind or activity tend to come together. */
  private String last;
  private int lastNumber;

  NameColumn(int capacity) {
    bytes = new byte[capacity];
  }

  String get(int row) {
    return names[number(row)];
  }

  void set(int row, String name) {
    store(row, numberOf(name));
  }

  /** Puts number {@code n} in {@code row}, widening the column first when it does not fit. */
  private void store(int row, int n) {
    if (ints != null) {
      ints[row] = n;
    } else if (chars != null) {
      if (n > Character.MAX_VALUE) {
        ints = new int[chars.length];
        for (int i = 0; i < chars.length; i++) {
          ints[i] = chars[i];
        }
        chars = null;
        ints[row] = n;
      } else {
        chars[row] = (char) n;
      }
    } else if (n > 0xff) {
      chars = new char[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        chars[i] = (char) (bytes[i] & 0xff);
      }
      bytes = null;
      store(row, n);
    } else {
      bytes[row] = (byte) n;
    }
  }

  /**
   * Copies rows of {@code source} into this column, each of its numbers looked up here once: a
   * merge copies a million rows that name a few thousand members.
   */
  Copier copierFrom(NameColumn source) {
    return new Copier(source);
  }

  /** What {@link #copierFrom} gives; meant to live as long as one merge. */
  final class Copier {
    private final NameColumn source;
    /** This column's number + 1 of each of the source's numbers, 0 while not looked up. */
    private int[] numbers = new int[16];

    private Copier(NameColumn source) {
      this.source = source;
    }

    /** Sets {@code row} to the name the source holds in {@code sourceRow}. */
    void copy(int row, int sourceRow) {
      int n = source.number(sourceRow);
      if (n >= numbers.length) {
        numbers = Arrays.copyOf(numbers, Math.max(n + 1, 2 * numbers.length));
      }
      int mine = numbers[n];
      if (mine == 0) {
        mine = numberOf(source.names[n]) + 1;
        numbers[n] = mine;
      }
      store(row, mine - 1);
    }
  }

  /** Keeps the first {@code capacity} rows, or adds empty ones up to it. */
  void resize(int capacity) {
    if (ints != null) {
      ints = Arrays.copyOf(ints, capacity);
    } else if (chars != null) {
      chars = Arrays.copyOf(chars, capacity);
    } else {
      bytes = Arrays.copyOf(bytes, capacity);
    }
  }

  private int number(int row) {
    return ints != null ? ints[row] : chars != null ? chars[row] : bytes[row] & 0xff;
  }

  private int numberOf(String name) {
    if (name == null) {
      return 0;
    }
    if (name == last) {
      return lastNumber;
    }
    int n = numbers.number(name);
    if (n < 0) {
      n = count++;
      if (n == names.length) {
        names = Arrays.copyOf(names, n * 2);
      }
      names[n] = name;
      numbers.add(name, n);
    }
    last = name;
    lastNumber = n;
    return n;
  }
}

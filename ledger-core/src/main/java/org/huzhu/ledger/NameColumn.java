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
    int n = numberOf(name);
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
      set(row, name);
    } else {
      bytes[row] = (byte) n;
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

package org.huzhu.ledger;

/**
 * Names and their numbers by open addressing: each slot holds a name and, packed beside it, the
 * name's hash and number + 1 (0 for free). A hit is usually the very same string (the state
 * shares its names), which needs no comparison of characters.
 */
final class NameTable {
  private long[] slots;
  private String[] keys;
  private int size;

  NameTable(int expected) {
    slots = new long[EntryIndex.tableSizeFor(Math.max(16, expected))];
    keys = new String[slots.length];
  }

  /** The name's number, or -1 when it has none yet. */
  int number(String name) {
    int hash = EntryIndex.spread(name.hashCode());
    int mask = slots.length - 1;
    for (int i = hash & mask; slots[i] != 0; i = (i + 1) & mask) {
      if ((int) (slots[i] >>> 32) == hash && (keys[i] == name || keys[i].equals(name))) {
        return (int) slots[i] - 1;
      }
    }
    return -1;
  }

  void add(String name, int number) {
    if (2 * (size + 1) > slots.length) {
      long[] oldSlots = slots;
      String[] oldKeys = keys;
      slots = new long[oldSlots.length * 2];
      keys = new String[slots.length];
      for (int j = 0; j < oldSlots.length; j++) {
        if (oldSlots[j] != 0) {
          link(oldSlots[j], oldKeys[j]);
        }
      }
    }
    link(((long) EntryIndex.spread(name.hashCode()) << 32) | (number + 1L), name);
    size++;
  }

  private void link(long slot, String name) {
    int mask = slots.length - 1;
    int i = (int) (slot >>> 32) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
    keys[i] = name;
  }
}

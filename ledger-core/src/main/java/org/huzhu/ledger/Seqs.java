package org.huzhu.ledger;

import java.util.Arrays;

/**
 * A growing list of entry seqs, where the state names many entries (an import's credits): eight
 * bytes each and no objects, where a list of ids keeps a string alive for each.
 */
final class Seqs {
  private long[] seqs;
  private int size;

  Seqs() {
    this(new long[4], 0);
  }

  private Seqs(long[] seqs, int size) {
    this.seqs = seqs;
    this.size = size;
  }

  Seqs copy() {
    return new Seqs(Arrays.copyOf(seqs, Math.max(4, size + 1)), size);
  }

  void add(long seq) {
    if (size == seqs.length) {
      seqs = Arrays.copyOf(seqs, size + (size >> 1) + 1);
    }
    seqs[size++] = seq;
  }

  int size() {
    return size;
  }

  long get(int i) {
    java.util.Objects.checkIndex(i, size);
    return seqs[i];
  }

  long[] toArray() {
    return Arrays.copyOf(seqs, size);
  }
}

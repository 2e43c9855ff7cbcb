package org.huzhu.ledger;

import java.util.Arrays;

/**
 * A growing list of entry seqs, where the state names many entries (an import's credits), kept as
 * runs of consecutive seqs: an import's credits are one batch, so a million of them are usually a
 * single run, where a list of ids kept a string alive for each.
 */
final class Seqs {
  /** Run {@code i} is {@code firsts[i] .. firsts[i] + lengths[i] - 1}. */
  private long[] firsts;
  private long[] lengths;
  private int runs;
  private long size;

  Seqs() {
    this(new long[1], new long[1], 0, 0);
  }

  private Seqs(long[] firsts, long[] lengths, int runs, long size) {
    this.firsts = firsts;
    this.lengths = lengths;
    this.runs = runs;
    this.size = size;
  }

  Seqs copy() {
    return new Seqs(Arrays.copyOf(firsts, runs + 1), Arrays.copyOf(lengths, runs + 1), runs, size);
  }

  void add(long seq) {
    addRun(seq, 1);
  }

  /** Adds {@code first .. first + length - 1}, as that many {@link #add}s would. */
  void addRun(long first, long length) {
    if (runs > 0 && firsts[runs - 1] + lengths[runs - 1] == first) {
      lengths[runs - 1] += length;
    } else {
      if (runs == firsts.length) {
        firsts = Arrays.copyOf(firsts, runs + (runs >> 1) + 1);
        lengths = Arrays.copyOf(lengths, firsts.length);
      }
      firsts[runs] = first;
      lengths[runs] = length;
      runs++;
    }
    size += length;
  }

  long size() {
    return size;
  }

  int runs() {
    return runs;
  }

  long runFirst(int run) {
    java.util.Objects.checkIndex(run, runs);
    return firsts[run];
  }

  long runLength(int run) {
    java.util.Objects.checkIndex(run, runs);
    return lengths[run];
  }

  /** Every seq, in the order added. */
  java.util.stream.LongStream stream() {
    return java.util.stream.IntStream.range(0, runs)
        .mapToObj(r -> java.util.stream.LongStream.range(firsts[r], firsts[r] + lengths[r]))
        .flatMapToLong(s -> s);
  }
}

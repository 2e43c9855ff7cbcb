package org.huzhu.ledger;

import java.util.ArrayList;
import java.util.List;
import org.huzhu.ledger.journal.Journal;

/**
 * The entries a transaction posted and has not yet merged, in order.
 *
 * <p>Design: a command posts a few entries and they are simply held. An import posts one per
 * credited sign-in, a million for a large sheet, and holding them as objects with their JSON until
 * the one force would take gigabytes of heap. So a transaction that streams to a journal batch
 * encodes its entries in chunks as it goes (on every core), hands the JSON to the batch, which sets
 * it aside outside the heap, and keeps only their count and sequence numbers.
 */
final class PendingEntries {
  /** Entries encoded together: large enough to use every core, small enough to stay in cache. */
  private static final int CHUNK = 4096;

  private final List<Entry> held = new ArrayList<>();
  private Journal.Batch batch;
  private int streamed;
  private long firstSeq;
  private long lastSeq;

  /** From now on, every {@link #CHUNK} entries go to {@code to} instead of being held. */
  void streamTo(Journal.Batch to) {
    if (!isEmpty()) {
      throw new IllegalStateException("a transaction streams from its first entry or not at all");
    }
    this.batch = to;
  }

  void add(Entry e) {
    if (isEmpty()) {
      firstSeq = e.seq();
    }
    lastSeq = e.seq();
    held.add(e);
    if (batch != null && held.size() >= CHUNK) {
      flush();
    }
  }

  /** Adds what a child transaction posted (a child never streams: it is merged, not appended). */
  void addAll(PendingEntries child) {
    if (child.streamed > 0) {
      throw new IllegalStateException("a streaming transaction cannot be merged into another");
    }
    for (Entry e : child.held) {
      add(e);
    }
  }

  /** Adds the JSON of every entry held to {@code to}, keeping them held (for the listeners). */
  void encodeInto(Journal.Batch to) {
    List<byte[]> jsons =
        held.size() >= 256
            ? held.parallelStream().map(EntryCodec::toJson).toList()
            : held.stream().map(EntryCodec::toJson).toList();
    for (byte[] json : jsons) {
      to.add(json);
    }
  }

  /** Hands what is held to the batch this transaction streams to, and lets go of it. */
  private void flush() {
    encodeInto(batch);
    streamed += held.size();
    held.clear();
  }

  /** Hands the rest to the batch this transaction streams to. */
  void finish() {
    if (batch != null) {
      flush();
    }
  }

  /** The latest held entry with id {@code id}; entries already streamed out are not searched. */
  Entry find(String id) {
    for (int i = held.size() - 1; i >= 0; i--) {
      if (held.get(i).id().equals(id)) {
        return held.get(i);
      }
    }
    return null;
  }

  boolean isEmpty() {
    return held.isEmpty() && streamed == 0;
  }

  int size() {
    return streamed + held.size();
  }

  /** Whether some entries went out to the batch and are no longer held. */
  boolean streamedAny() {
    return streamed > 0;
  }

  /** The entries held; all of them unless {@link #streamedAny}. */
  List<Entry> held() {
    return held;
  }

  long firstSeq() {
    return firstSeq;
  }

  long lastSeq() {
    return lastSeq;
  }
}

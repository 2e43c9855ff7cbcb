package org.huzhu.ledger;

import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.huzhu.ledger.journal.Journal;

/**
 * The entries a transaction posted and has not yet merged, in order.
 *
 * <p>Design: a command posts a few entries and they are simply held. An import posts one per
 * credited sign-in, a million for a large sheet, and holding them as objects with their JSON until
 * the one force would take gigabytes of heap. So a transaction that streams to a journal batch
 * hands its entries over in chunks as it goes, and keeps only their count and sequence numbers. A
 * thread of the stream's own encodes each chunk and hands the JSON to the batch, which sets it
 * aside outside the heap, while the writer decides the rows after it: encoding and setting aside
 * were a fifth of the writer's time in an import. From {@link #streamTo} until {@link #finish} or
 * {@link #settle} the batch is that thread's alone.
 */
final class PendingEntries {
  /** Entries handed over together: few handoffs, and little held at a time. */
  private static final int CHUNK = 4096;
  /** Chunks handed over and not yet set aside, at most: enough to keep the encoder busy. */
  private static final int IN_FLIGHT = 4;

  private List<Entry> held = new ArrayList<>();
  private Journal.Batch batch;
  /** The stream's encoder, and the chunks it has not finished; the streaming thread's alone. */
  private ExecutorService encoder;
  private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
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

  /** Hands what is held to the encoder of the batch this transaction streams to, and lets go of it. */
  private void flush() {
    if (encoder == null) {
      encoder = DaemonThreads.single("huzhu-entry-encoder");
    }
    List<Entry> chunk = held;
    Journal.Batch to = batch;
    inFlight.add(
        encoder.submit(
            () -> {
              for (Entry e : chunk) {
                to.add(EntryCodec.toJson(e));
              }
            }));
    streamed += chunk.size();
    held = new ArrayList<>(CHUNK);
    while (inFlight.size() > IN_FLIGHT) {
      awaitOldest();
    }
  }

  /**
   * Waits for the oldest chunk in flight; what failed there is thrown here, as it was. The chunks
   * after it are left to {@link #settle}, which whoever streams calls in any case.
   */
  private void awaitOldest() {
    try {
      Uninterruptibles.getUninterruptibly(inFlight.poll());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Hands the rest to the batch this transaction streams to, and returns once all of it is there.
   * Throws what went wrong in setting any of it aside.
   */
  void finish() {
    if (batch != null) {
      if (!held.isEmpty()) {
        flush();
      }
      while (!inFlight.isEmpty()) {
        awaitOldest();
      }
      settle();
    }
  }

  /**
   * Returns once the stream's encoder has let go of the batch, whatever it was doing, so that the
   * batch can be closed or committed. Nothing more is set aside afterwards.
   */
  void settle() {
    if (encoder == null) {
      return;
    }
    for (Future<?> f : inFlight) {
      f.cancel(false);
    }
    inFlight.clear();
    encoder.shutdown();
    // Whatever the thread is told, the batch must not be closed under the encoder's feet.
    Uninterruptibles.awaitTerminationUninterruptibly(encoder);
    encoder = null;
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

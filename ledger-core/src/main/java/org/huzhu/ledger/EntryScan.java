package org.huzhu.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.JournalDamage;
import org.huzhu.ledger.journal.JournalRecord;
import org.huzhu.ledger.journal.RecordVisitor;

/**
 * Reads entries from a journal in order, decoding them on another thread: decoding is about a
 * third of a replay's cost and is independent per record, while what consumes the entries (the
 * fold, the audit) must see them one by one, in order. The calling thread reads and checks the
 * records and consumes the entries of one chunk while the chunks after it are being decoded.
 */
final class EntryScan {
  private static final int CHUNK = 2048;
  /** Chunks read ahead of the one being consumed: enough to keep the decoder busy. */
  private static final int AHEAD = 3;
  /** Below this, a chunk is decoded on the calling thread: a handoff would cost more. */
  private static final int HANDOFF = 256;

  /** What to do with each decoded record, and with damage. */
  interface Sink {
    /** Return false to stop. */
    boolean accept(JournalRecord record, Entry entry, RuntimeException undecodable);

    void damage(JournalDamage damage);
  }

  /** A chunk of records and, once decoded, their entries (or why each could not be read). */
  private record Chunk(List<JournalRecord> records, CompletableFuture<Decoded> decoded) {}

  private record Decoded(Entry[] entries, RuntimeException[] errors) {}

  private EntryScan() {}

  static void scan(Journal journal, long fromSeq, long toSeq, Sink sink) {
    Reading reading = new Reading(toSeq, sink);
    try {
      journal.scan(fromSeq, reading);
      if (reading.stopped) {
        return;
      }
      reading.ahead.add(reading.decode(reading.chunk));
      while (!reading.ahead.isEmpty()) {
        if (!consume(reading.ahead.poll(), sink)) {
          return;
        }
      }
      if (reading.damage != null) {
        sink.damage(reading.damage);
      }
    } finally {
      if (reading.decoder != null) {
        reading.decoder.shutdownNow();
      }
    }
  }

  /** Collects records into chunks, hands each to the decoder, and consumes the oldest ones. */
  private static final class Reading implements RecordVisitor {
    final long toSeq;
    final Sink sink;
    final ArrayDeque<Chunk> ahead = new ArrayDeque<>();
    List<JournalRecord> chunk = new ArrayList<>(CHUNK);
    boolean stopped;
    JournalDamage damage;
    /**
     * One thread for the whole scan, started with the first large chunk: the common pool has no
     * worker to spare on two cores, where it would start a thread for every chunk.
     */
    ExecutorService decoder;

    Reading(long toSeq, Sink sink) {
      this.toSeq = toSeq;
      this.sink = sink;
    }

    @Override
    public boolean record(JournalRecord r) {
      if (r.seq() > toSeq) {
        return false;
      }
      chunk.add(r);
      if (chunk.size() == CHUNK) {
        ahead.add(decode(chunk));
        chunk = new ArrayList<>(CHUNK);
        if (ahead.size() > AHEAD && !consume(ahead.poll(), sink)) {
          stopped = true;
          return false;
        }
      }
      return true;
    }

    @Override
    public void damage(JournalDamage d) {
      damage = d;
    }

    Chunk decode(List<JournalRecord> records) {
      if (records.size() < HANDOFF) {
        return new Chunk(records, CompletableFuture.completedFuture(decodeAll(records)));
      }
      if (decoder == null) {
        decoder =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "huzhu-entry-decoder");
                  t.setDaemon(true);
                  return t;
                });
      }
      return new Chunk(records, CompletableFuture.supplyAsync(() -> decodeAll(records), decoder));
    }
  }

  private static Decoded decodeAll(List<JournalRecord> records) {
    int n = records.size();
    Entry[] entries = new Entry[n];
    RuntimeException[] errors = new RuntimeException[n];
    for (int i = 0; i < n; i++) {
      try {
        entries[i] = EntryCodec.fromJson(records.get(i).seq(), records.get(i).entryJson());
      } catch (RuntimeException e) {
        errors[i] = e;
      }
    }
    return new Decoded(entries, errors);
  }

  private static boolean consume(Chunk chunk, Sink sink) {
    Decoded d = chunk.decoded().join();
    for (int i = 0; i < chunk.records().size(); i++) {
      if (!sink.accept(chunk.records().get(i), d.entries()[i], d.errors()[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every entry from {@code fromSeq} to {@code toSeq}, handed to {@code consumer} in order. A
   * reader stops quietly at an incomplete tail (a writer may be appending right now); any other
   * damage is a {@link LedgerStorageException} naming the segment and offset.
   */
  static void entries(Journal journal, long fromSeq, long toSeq, Consumer<Entry> consumer) {
    scan(
        journal,
        fromSeq,
        toSeq,
        new Sink() {
          @Override
          public boolean accept(JournalRecord record, Entry entry, RuntimeException undecodable) {
            if (undecodable != null) {
              throw new LedgerStorageException(
                  "entry " + record.seq() + " cannot be read: " + undecodable.getMessage(), record.segment(), record.offset(), undecodable);
            }
            consumer.accept(entry);
            return true;
          }

          @Override
          public void damage(JournalDamage d) {
            if (journal.readOnly() && d.check().equals("tail")) {
              return;
            }
            throw new LedgerStorageException(
                "the journal is damaged (" + d.check() + ") at entry " + d.seq() + ": " + d.detail(),
                d.segment(),
                d.offset(),
                null);
          }
        });
  }
}

package org.huzhu.ledger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
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
    /**
     * Return false to stop. {@code fingerprint} is {@link Fold#fingerprint} of the entry's detail
     * when {@link #wantsFingerprints}, else 0.
     */
    boolean accept(JournalRecord record, Entry entry, long fingerprint, boolean canonical, RuntimeException undecodable);

    void damage(JournalDamage damage);

    /** Whether the fold's fingerprints are wanted: worked out on the decoding thread, beside it. */
    default boolean wantsFingerprints() {
      return false;
    }

    /**
     * Whether each entry is also encoded again and compared with its record, on the decoding
     * thread: {@code canonical} is false for a record that holds the entry otherwise than the
     * ledger writes it (always true when not asked).
     */
    default boolean checksForm() {
      return false;
    }
  }

  /** An entry and its {@link Fold#fingerprint}, for a fold. */
  interface Folder {
    void accept(Entry entry, long fingerprint);
  }

  /** A chunk of records and, once decoded, their entries (or why each could not be read). */
  private record Chunk(List<JournalRecord> records, CompletableFuture<Decoded> decoded) {}

  private record Decoded(Entry[] entries, long[] fingerprints, boolean[] otherwise, RuntimeException[] errors) {}

  private EntryScan() {}

  /** Every record from {@code fromSeq} to {@code toSeq}, each hash-checked: the audit's walk. */
  static void scan(Journal journal, long fromSeq, long toSeq, Sink sink) {
    scan(journal, fromSeq, toSeq, false, sink);
  }

  /**
   * As {@link #scan(Journal, long, long, Sink)}; a {@code replay} takes the records the journal
   * checked as it opened as checked ({@link Journal#replay}).
   */
  private static void scan(Journal journal, long fromSeq, long toSeq, boolean replay, Sink sink) {
    Reading reading = new Reading(toSeq, sink);
    try {
      if (replay) {
        journal.replay(fromSeq, reading);
      } else {
        journal.scan(fromSeq, reading);
      }
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
        return new Chunk(
            records, CompletableFuture.completedFuture(decodeAll(records, sink.wantsFingerprints(), sink.checksForm())));
      }
      if (decoder == null) {
        decoder = DaemonThreads.single("huzhu-entry-decoder");
      }
      boolean fingerprints = sink.wantsFingerprints();
      boolean form = sink.checksForm();
      return new Chunk(records, CompletableFuture.supplyAsync(() -> decodeAll(records, fingerprints, form), decoder));
    }
  }

  /**
   * Decodes {@code records}, and does here what the consuming thread would otherwise do for each
   * entry: works out its fingerprint (when wanted) and its id's hash, which the fold's index needs.
   */
  private static Decoded decodeAll(List<JournalRecord> records, boolean withFingerprints, boolean checkForm) {
    int n = records.size();
    Entry[] entries = new Entry[n];
    long[] fingerprints = new long[n];
    boolean[] otherwise = new boolean[n];
    RuntimeException[] errors = new RuntimeException[n];
    for (int i = 0; i < n; i++) {
      try {
        Entry e = EntryCodec.fromJson(records.get(i).seq(), records.get(i).entryJson());
        e.id().hashCode(); // a String keeps its hash once worked out
        if (withFingerprints) {
          fingerprints[i] = Fold.fingerprint(e.detail());
        }
        if (checkForm) {
          otherwise[i] = !Arrays.equals(EntryCodec.toJson(e), records.get(i).entryJson());
        }
        entries[i] = e;
      } catch (RuntimeException e) {
        errors[i] = e;
      }
    }
    return new Decoded(entries, fingerprints, otherwise, errors);
  }

  private static boolean consume(Chunk chunk, Sink sink) {
    Decoded d = chunk.decoded().join();
    for (int i = 0; i < chunk.records().size(); i++) {
      if (!sink.accept(chunk.records().get(i), d.entries()[i], d.fingerprints()[i], !d.otherwise()[i], d.errors()[i])) {
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
    entries(journal, fromSeq, toSeq, false, (e, fingerprint) -> consumer.accept(e));
  }

  /** As {@link #entries(Journal, long, long, Consumer)}, with each entry's fingerprint, for a fold. */
  static void folded(Journal journal, long fromSeq, long toSeq, Folder folder) {
    entries(journal, fromSeq, toSeq, true, folder);
  }

  private static void entries(Journal journal, long fromSeq, long toSeq, boolean fingerprints, Folder folder) {
    scan(
        journal,
        fromSeq,
        toSeq,
        true,
        new Sink() {
          @Override
          public boolean accept(
              JournalRecord record, Entry entry, long fingerprint, boolean canonical, RuntimeException undecodable) {
            if (undecodable != null) {
              throw new LedgerStorageException(
                  "entry " + record.seq() + " cannot be read: " + undecodable.getMessage(), record.segment(), record.offset(), undecodable);
            }
            folder.accept(entry, fingerprint);
            return true;
          }

          @Override
          public boolean wantsFingerprints() {
            return fingerprints;
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

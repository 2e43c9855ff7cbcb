package org.huzhu.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.JournalDamage;
import org.huzhu.ledger.journal.JournalRecord;
import org.huzhu.ledger.journal.RecordVisitor;

/**
 * Reads entries from a journal in order, decoding them in parallel chunks: decoding is most of the
 * cost of a replay and is independent per record, while what consumes the entries (the fold, the
 * audit) must see them one by one, in order.
 */
final class EntryScan {
  private static final int CHUNK = 2048;

  /** What to do with each decoded record, and with damage. */
  interface Sink {
    /** Return false to stop. */
    boolean accept(JournalRecord record, Entry entry, RuntimeException undecodable);

    void damage(JournalDamage damage);
  }

  private EntryScan() {}

  static void scan(Journal journal, long fromSeq, long toSeq, Sink sink) {
    List<JournalRecord> chunk = new ArrayList<>(CHUNK);
    boolean[] stopped = {false};
    JournalDamage[] damage = {null};
    journal.scan(
        fromSeq,
        new RecordVisitor() {
          @Override
          public boolean record(JournalRecord r) {
            if (r.seq() > toSeq) {
              return false;
            }
            chunk.add(r);
            if (chunk.size() == CHUNK) {
              if (!flush(chunk, sink)) {
                stopped[0] = true;
                return false;
              }
            }
            return true;
          }

          @Override
          public void damage(JournalDamage d) {
            damage[0] = d;
          }
        });
    if (!stopped[0]) {
      flush(chunk, sink);
    }
    if (damage[0] != null) {
      sink.damage(damage[0]);
    }
  }

  private static boolean flush(List<JournalRecord> chunk, Sink sink) {
    int n = chunk.size();
    Entry[] entries = new Entry[n];
    RuntimeException[] errors = new RuntimeException[n];
    java.util.stream.IntStream range = java.util.stream.IntStream.range(0, n);
    (n >= 256 ? range.parallel() : range)
        .forEach(
            i -> {
              try {
                entries[i] = EntryCodec.fromJson(chunk.get(i).seq(), chunk.get(i).entryJson());
              } catch (RuntimeException e) {
                errors[i] = e;
              }
            });
    for (int i = 0; i < n; i++) {
      if (!sink.accept(chunk.get(i), entries[i], errors[i])) {
        chunk.clear();
        return false;
      }
    }
    chunk.clear();
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

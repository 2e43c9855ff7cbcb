package org.huzhu.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.huzhu.ledger.journal.Checkpoint;
import org.huzhu.ledger.journal.Journal;
import org.huzhu.ledger.journal.JournalDamage;
import org.huzhu.ledger.journal.JournalRecord;

/**
 * Verifies a journal from scratch and never repairs anything. It rebuilds the state with the same
 * fold the ledger uses, checking each entry before and after it is applied, and compares each
 * stored checkpoint with the state rebuilt at the same entry.
 */
final class Audit {
  private static final Set<String> NOT_REVERSIBLE =
      Set.of("reversal", "expiry", "ledger", "enrolment", "rules", "catalog");

  private Audit() {}

  static AuditReport run(Journal journal, String expectHead) {
    List<AuditReport.Finding> findings = new ArrayList<>();
    // Only the newest checkpoint is ever used, but any other stored beside it must be sound too.
    java.util.Map<Long, Checkpoint> checkpoints = new java.util.TreeMap<>();
    for (Checkpoint c : journal.checkpoints()) {
      if (c.damage() != null) {
        findings.add(new AuditReport.Finding(c.file(), "checkpoint", c.damage()));
      } else if (c.seq() == 0) {
        findings.add(new AuditReport.Finding(c.file(), "checkpoint", "a checkpoint covers at least the ledger's first entry"));
      } else {
        checkpoints.put(c.seq(), c);
      }
    }
    long anchorSeq = -1;
    String anchorDigits = null;
    String anchorHash = null;
    if (expectHead != null) {
      if (!expectHead.strip().matches("[0-9]{1,19}:[0-9a-fA-F]{64}")) {
        throw new IllegalArgumentException("anchor '" + expectHead + "' must be SEQ:HASH (a sequence number and 64 hex digits)");
      }
      int colon = expectHead.indexOf(':');
      java.math.BigInteger seq = new java.math.BigInteger(expectHead.substring(0, colon).strip());
      anchorDigits = seq.toString();
      // A number past the largest sequence names an entry that cannot exist: a missing entry.
      anchorSeq = seq.min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
      anchorHash = expectHead.substring(colon + 1).trim().toLowerCase(java.util.Locale.ROOT);
    }
    Walk walk = new Walk(findings, checkpoints, anchorSeq, anchorHash, journal.lastSeq(), journal::writerAlive);
    int beforeScan = findings.size();
    EntryScan.scan(journal, 1, Long.MAX_VALUE, walk);
    if (walk.suspectTail != null && stays(journal, walk.suspectTail)) {
      JournalDamage d = walk.suspectTail;
      findings.add(
          new AuditReport.Finding(
              "seq " + d.seq(), d.check(), d.detail() + ", and stays while a writer is appending (segment " + d.segment()
                  + ", offset " + d.offset() + ")"));
    }
    if (walk.count == 0 && findings.size() == beforeScan) {
      findings.add(
          new AuditReport.Finding(
              "seq 1", "chain", "the journal holds no entries: every ledger starts with the entry that creates it"));
    }
    for (Checkpoint c : checkpoints.values()) {
      if (c.seq() > walk.lastSeq) {
        findings.add(
            new AuditReport.Finding(
                c.file(), "checkpoint", "checkpoint covers entry " + c.seq() + " but the journal ends at " + walk.lastSeq));
      }
    }
    if (anchorDigits != null && anchorSeq < 1) {
      findings.add(new AuditReport.Finding("seq 0", "anchor", "there is no entry 0: entries are numbered from 1"));
    } else if (anchorSeq > walk.lastSeq) {
      findings.add(
          new AuditReport.Finding(
              "seq " + anchorDigits, "anchor", "entry " + anchorDigits + " is missing: the journal ends at " + walk.lastSeq));
    }
    return new AuditReport(findings.isEmpty(), walk.count, walk.lastSeq, walk.lastHash, findings);
  }

  /** Whether {@code d} is still the journal's tail damage after the writer had time to finish. */
  private static boolean stays(Journal journal, JournalDamage d) {
    for (int look = 0; look < 3; look++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
      journal.refresh();
      JournalDamage[] now = {null};
      journal.scan(
          journal.lastSeq() + 1,
          new org.huzhu.ledger.journal.RecordVisitor() {
            @Override
            public boolean record(JournalRecord r) {
              return true;
            }

            @Override
            public void damage(JournalDamage found) {
              now[0] = found;
            }
          });
      if (!d.equals(now[0])) {
        return false;
      }
    }
    return true;
  }

  private static final com.fasterxml.jackson.core.JsonFactory ID_READER = new com.fasterxml.jackson.core.JsonFactory();
  /** A user's id, or one the ledger derives from it ({@code reversal:…}, {@code expire:…}, {@code sys:…}). */
  private static final java.util.regex.Pattern CLAIMED_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private static final class Walk implements EntryScan.Sink {
    final List<AuditReport.Finding> findings;
    final java.util.Map<Long, Checkpoint> checkpoints;
    /** A failing complete line at the tail while a writer is alive, to be looked at again. */
    JournalDamage suspectTail;
    final long anchorSeq;
    final String anchorHash;
    final LedgerState s;
    final java.util.function.BooleanSupplier writerAlive;
    long count;
    long lastSeq;
    String lastHash = "0".repeat(64);

    Walk(
        List<AuditReport.Finding> findings,
        java.util.Map<Long, Checkpoint> checkpoints,
        long anchorSeq,
        String anchorHash,
        long expectedEntries,
        java.util.function.BooleanSupplier writerAlive) {
      this.s = new LedgerState(expectedEntries);
      this.writerAlive = writerAlive;
      this.findings = findings;
      this.checkpoints = checkpoints;
      this.anchorSeq = anchorSeq;
      this.anchorHash = anchorHash;
    }

    void find(String entry, String check, String detail) {
      findings.add(new AuditReport.Finding(entry, check, detail));
    }

    @Override
    public boolean wantsFingerprints() {
      return true;
    }

    @Override
    public boolean checksForm() {
      return true;
    }

    @Override
    public boolean accept(
        JournalRecord r, Entry decoded, long fingerprint, boolean canonical, RuntimeException undecodable) {
      count++;
      lastSeq = r.seq();
      lastHash = r.hash();
      if (r.seq() == anchorSeq && !r.hash().equals(anchorHash)) {
        find("seq " + r.seq(), "anchor", "entry " + r.seq() + " has hash " + r.hash() + ", not the anchor's " + anchorHash);
      }
      Entry e = decoded;
      if (undecodable != null) {
        String msg = undecodable.getMessage() == null ? "" : undecodable.getMessage();
        find(idOf(r), msg.contains("do not balance") ? "balance" : "record", msg + where(r));
        return true;
      }
      if (!canonical) {
        // Found, and still applied as read: another reader (a JSON tool) may read such a record
        // otherwise, through a repeated key, say, so only the form the ledger writes is sound.
        find(e.id(), "record", "the record holds the entry otherwise than the ledger writes it" + where(r));
      }
      boolean applicable;
      try {
        applicable = check(e, r);
      } catch (RuntimeException ex) {
        find(e.id(), "state", "entry cannot be checked against the state rebuilt so far: " + ex + where(r));
        return true;
      }
      if (applicable) {
        try {
          Fold.apply(s, e, fingerprint);
        } catch (RuntimeException ex) {
          find(e.id(), "state", "entry cannot be applied to the state rebuilt so far: " + ex + where(r));
          return true;
        }
        floors(e, r);
      }
      Checkpoint ckpt = checkpoints.get(r.seq());
      if (ckpt != null) {
        if (!ckpt.hash().equals(r.hash())) {
          find(ckpt.file(), "checkpoint", "checkpoint names hash " + ckpt.hash() + " for entry " + r.seq() + ", the journal has " + r.hash());
        } else if (StateCodec.unknownFormat(ckpt.state()) != null) {
          find(ckpt.file(), "checkpoint", StateCodec.unknownFormat(ckpt.state()));
        } else if (StateCodec.readable(ckpt.state()) && !StateCodec.matches(s, ckpt.state())) {
          find(ckpt.file(), "state", "the stored state at entry " + r.seq() + " differs from the state rebuilt from the journal");
        }
      }
      return true;
    }

    /** Checks that must hold before the entry is applied; false when it cannot be applied. */
    private boolean check(Entry e, JournalRecord r) {
      if (s.entry(e.id()) != null) {
        find(e.id(), "record", "id " + e.id() + " is used by entry " + s.entry(e.id()).seq() + " too" + where(r));
        return false;
      }
      for (Posting p : e.postings()) {
        if (p.account().isMember() && s.member(p.account().ownerId()) == null) {
          find(e.id(), "state", "posts to " + p.account() + ", who is not enrolled" + where(r));
          return false;
        }
      }
      if (e.detail() instanceof EntryDetail.Reversal x) {
        EntryInfo target = s.entry(x.target());
        if (target == null) {
          find(e.id(), "reversal", "reverses " + x.target() + ", which does not exist before it" + where(r));
          return false;
        }
        if (target.reversedBy() != null) {
          find(e.id(), "reversal", "reverses " + x.target() + ", already reversed by " + target.reversedBy() + where(r));
          return false;
        }
        if (NOT_REVERSIBLE.contains(target.kind())) {
          find(e.id(), "reversal", "reverses " + x.target() + ", a " + target.kind() + where(r));
          return false;
        }
      }
      String unwritten = DecisionAudit.problem(s, e);
      if (unwritten != null) {
        // found, and applied as written, as a credit or postings that do not re-derive are
        find(e.id(), "record", EntryPostings.article(e.kind()) + " " + e.kind() + " that " + unwritten + where(r));
      }
      if (e.detail() instanceof EntryDetail.Credit) {
        // a credit's postings are held to its re-derived breakdown, with the finding named for that
        return CreditAudit.check(s, e, this::find, () -> where(r));
      }
      List<Posting> expected =
          EntryPostings.of(
              e.detail(), e.detail() instanceof EntryDetail.Reversal x ? EntryPostings.ofTarget(s.entry(x.target())) : null);
      if (!e.postings().equals(expected)) {
        // Found, and still applied as written: the state goes on as the journal says, so later
        // entries are checked against it rather than failing for this one's sake.
        find(
            e.id(),
            "record",
            EntryPostings.article(e.kind()) + " " + e.kind() + " that posts " + EntryPostings.describe(e.postings())
                + (expected == null ? ", from data no entry of the ledger holds" : " where its data posts " + EntryPostings.describe(expected))
                + where(r));
      }
      return true;
    }

    private void floors(Entry e, JournalRecord r) {
      for (Posting p : e.postings()) {
        if (p.points() >= 0 && p.minutes() >= 0) {
          continue;
        }
        if (p.account().isMember()) {
          // Only the unit the entry lowers: a redemption is not to blame for minutes that a later
          // rules version's lower credit limit left under the floor, and the ledger accepts it.
          MemberState m = s.member(p.account().ownerId());
          long floor = s.hoursFloor(e.date());
          if (p.points() < 0 && m.points < 0) {
            find(e.id(), "floor", p.account() + " left at " + m.points + " points" + where(r));
          }
          if (p.minutes() < 0 && m.minutes < floor) {
            find(e.id(), "floor", p.account() + " left at " + Minutes.format(m.minutes)
                + " (floor " + Minutes.format(floor) + ")" + where(r));
          }
        } else if (p.account().equals(Account.POOL) && s.account(Account.POOL)[1] < 0) {
          find(e.id(), "floor", "the pool left at " + Minutes.format(s.account(Account.POOL)[1]) + where(r));
        }
      }
    }

    /** The id an undecodable entry gives itself, when it can be read, else its seq. */
    private static String idOf(JournalRecord r) {
      try (com.fasterxml.jackson.core.JsonParser p = ID_READER.createParser(r.entryJson())) {
        if (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
          while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            boolean isId = p.currentName().equals("id");
            com.fasterxml.jackson.core.JsonToken value = p.nextToken();
            if (isId && value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
              // the bytes were forged or damaged: only an id of the ledger's own form is named
              String id = p.getText();
              return CLAIMED_ID.matcher(id).matches() ? id : "seq " + r.seq();
            }
            p.skipChildren();
          }
        }
      } catch (java.io.IOException | RuntimeException unreadable) {
        // the bytes are not even JSON: the seq is all there is
      }
      return "seq " + r.seq();
    }

    private static String where(JournalRecord r) {
      return " (segment " + r.segment() + ", offset " + r.offset() + ")";
    }

    @Override
    public void damage(JournalDamage d) {
      if (d.check().equals("tail") && writerAlive.getAsBoolean()) {
        // A batch a live writer is appending: audited once it is whole, never torn yet. But a
        // complete line that fails is only ever a moment's view of a write in progress, so it
        // is looked at again, and reported if it stays.
        if (d.isFailingLineAtTail()) {
          suspectTail = d;
        }
        return;
      }
      find("seq " + d.seq(), d.check(), d.detail() + " (segment " + d.segment() + ", offset " + d.offset() + ")");
    }
  }
}

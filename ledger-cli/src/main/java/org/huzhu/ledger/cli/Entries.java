package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.huzhu.ledger.Entry;
import org.huzhu.ledger.Minutes;
import org.huzhu.ledger.Posting;
import org.huzhu.ledger.Receipt;

/** How entries and receipts of writing commands are shown. */
final class Entries {
  private Entries() {}

  /** The contract's entry object: id, seq, kind, date, postings. */
  static Map<String, Object> json(Entry e) {
    List<Object> postings = new ArrayList<>();
    for (Posting p : e.postings()) {
      postings.add(Json.obj("account", p.account().name(), "points", p.points(), "minutes", p.minutes()));
    }
    return Json.obj(
        "id", e.id(), "seq", e.seq(), "kind", e.kind(), "date", e.date().toString(), "postings", postings);
  }

  /** A writing command's receipt: the entry, whether it was a repeat, and what was written with it. */
  static Output receipt(Receipt r) {
    return new Output() {
      @Override
      public Object json() {
        Map<String, Object> m = Json.obj("entry", Entries.json(r.entry()), "repeated", r.repeated());
        if (!r.alsoWritten().isEmpty()) {
          List<Object> also = new ArrayList<>();
          for (Entry e : r.alsoWritten()) {
            also.add(Entries.json(e));
          }
          m.put("also_written", also);
        }
        return m;
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("id", "seq", "kind", "date", "account", "points", "minutes", "repeated");
        List<Entry> all = new ArrayList<>(r.alsoWritten());
        all.add(r.entry());
        for (Entry e : all) {
          for (Posting p : e.postings()) {
            c.row(e.id(), e.seq(), e.kind(), e.date(), p.account().name(), p.points(), p.minutes(), e == r.entry() && r.repeated());
          }
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : r.alsoWritten()) {
          sb.append(describe(e, msg, false));
        }
        sb.append(describe(r.entry(), msg, r.repeated()));
        return sb.toString();
      }
    };
  }

  static String describe(Entry e, Messages msg, boolean repeated) {
    StringBuilder sb = new StringBuilder();
    sb.append(msg.get(repeated ? "entry.repeated" : "entry.written", e.id(), e.seq(), e.kind(), e.date()))
        .append('\n');
    sb.append(postings(e, msg));
    return sb.toString();
  }

  static String postings(Entry e, Messages msg) {
    Table t = new Table(msg.get("h.account"), ">" + msg.get("h.points"), ">" + msg.get("h.hours"));
    for (Posting p : e.postings()) {
      t.add(p.account().name(), p.points(), Minutes.format(p.minutes()));
    }
    return t.toString();
  }
}

package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One journaled entry: immutable, never edited or deleted.
 *
 * @param seq its place in the journal, from 1
 * @param id the caller's idempotency id, or an id the ledger derived ({@code sys:…}, {@code
 *     reversal:…}, {@code expire:…})
 * @param date the effective date (the check-in date of a credit, the {@code at} date of a command,
 *     the expiry date of an expiry)
 * @param postings what moved; for each unit they sum to zero
 * @param detail what kind of entry this is and what the ledger needs to explain and audit it
 */
public record Entry(long seq, String id, LocalDate date, List<Posting> postings, EntryDetail detail) {

  /**
   * @throws IllegalArgumentException if the postings do not sum to zero for each unit, or an
   *     account appears twice
   */
  public Entry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(detail, "detail");
    postings = List.copyOf(postings);
    long points = 0;
    long minutes = 0;
    for (int i = 0; i < postings.size(); i++) {
      Posting p = postings.get(i);
      points = Math.addExact(points, p.points());
      minutes = Math.addExact(minutes, p.minutes());
      for (int j = 0; j < i; j++) {
        if (postings.get(j).account().equals(p.account())) {
          throw new IllegalArgumentException(
              "entry " + id + ": account " + p.account() + " is posted twice");
        }
      }
    }
    if (points != 0 || minutes != 0) {
      throw new IllegalArgumentException(
          "entry " + id + ": postings do not balance (points " + points + ", minutes " + minutes + ")");
    }
  }

  /** The kind's stable name, such as {@code redemption}. */
  public String kind() {
    return detail.kind();
  }

  /** The posting to {@code account}, or a zero posting when there is none. */
  public Posting postingTo(Account account) {
    for (Posting p : postings) {
      if (p.account().equals(account)) {
        return p;
      }
    }
    return new Posting(account, 0, 0);
  }

  /** The entry's canonical JSON, exactly as the journal stores it (without the sequence number). */
  public String toJson() {
    return new String(EntryCodec.toJson(this), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * One English line that tells a volunteer why this entry is there, e.g. {@code 2:00 elderly-care
   * × 10/h × 1.5 weekend = 30} for a credit.
   */
  public String explanation() {
    return Explanations.of(this);
  }

  /**
   * {@link #explanation()} in the language of {@code locale} when the ledger speaks it (English and
   * Chinese), else in English; a credit's arithmetic reads the same in both.
   *
   * @param locale the language wanted, e.g. {@link java.util.Locale#CHINESE}
   * @return one line
   * @throws NullPointerException if {@code locale} is null
   */
  public String explanation(java.util.Locale locale) {
    return Explanations.of(this, Wording.speaks(locale) ? java.util.Locale.forLanguageTag(locale.getLanguage()) : java.util.Locale.ROOT);
  }

  Entry withSeq(long newSeq) {
    return new Entry(newSeq, id, date, postings, detail);
  }
}

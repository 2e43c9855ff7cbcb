package org.huzhu.ledger;

import java.util.Locale;

/** One line that tells a volunteer why an entry is there. */
final class Explanations {
  private Explanations() {}

  static boolean concerns(Entry e, String memberId) {
    EntryDetail d = e.detail();
    if (d instanceof EntryDetail.Enrolment x) {
      return x.member().equals(memberId);
    }
    return CreditExplanations.concerns(d, memberId);
  }

  static String of(Entry e) {
    return of(e, Locale.ROOT);
  }

  /** The line in {@code locale}'s language when the ledger speaks it, else in English. */
  static String of(Entry e, Locale locale) {
    EntryDetail d = e.detail();
    if (d instanceof EntryDetail.Enrolment x) {
      return say(locale, "enrolled", x.joinedOn())
          + (x.team() == null ? "" : say(locale, "enrolled.team", x.team()))
          + (x.grid() == null ? "" : say(locale, "enrolled.grid", x.grid()));
    } else if (d instanceof EntryDetail.Adjustment x) {
      return x.points() != 0
          ? say(locale, "adjustment.points", signed(x.points()), x.reason(), x.approvedBy())
          : say(locale, "adjustment.minutes", signed(x.minutes()), x.reason(), x.approvedBy());
    } else if (d instanceof EntryDetail.Reversal x) {
      return say(locale, "reversal", x.target(), x.reason());
    } else if (d instanceof EntryDetail.Redemption x) {
      return say(locale, "redemption", x.quantity(), x.item(), x.merchant(), x.pricePoints());
    } else if (d instanceof EntryDetail.Transfer x) {
      return x.memo() == null
          ? say(locale, "transfer", Minutes.format(x.minutes()), x.from(), x.to())
          : say(locale, "transfer.memo", Minutes.format(x.minutes()), x.from(), x.to(), x.memo());
    } else if (d instanceof EntryDetail.Expiry x) {
      return say(locale, "expiry", x.points(), x.lot());
    } else if (d instanceof EntryDetail.Settlement x) {
      return say(locale, "settlement", x.points(), x.merchant());
    }
    // a credit's line is its arithmetic, the same in every language
    return CreditExplanations.of(d);
  }

  private static String say(Locale locale, String key, Object... args) {
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = String.valueOf(args[i]);
    }
    return Wording.format("explanations", locale, key, texts);
  }

  private static String signed(long v) {
    return v > 0 ? "+" + v : Long.toString(v);
  }
}

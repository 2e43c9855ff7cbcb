package org.huzhu.ledger;

import java.util.Locale;
import java.util.Objects;

/**
 * A command, file or row the ledger refused. Nothing was written.
 *
 * <p>The {@link #reason()} is one of the contract's codes, so callers can switch on it; the
 * message says what was refused and where (file, line and field when the input was a file).
 */
public final class LedgerRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;


  private final Reason reason;
  /** The message's key in {@code refusals.properties}, or null for a detail given as text. */
  private final String key;
  /**
   * The message's arguments: text, or refusals of their own (rendered in the same language). Not
   * serialized: a refusal read back from bytes tells its detail in English.
   */
  private final transient Object[] args;

  /**
   * @param reason why; never null
   * @param detail what and where, for a person; control characters it quotes from the input (a
   *     line break inside a field name, say) are escaped as in JSON, so that it stays one line
   */
  public LedgerRefusal(Reason reason, String detail) {
    super(oneLine(detail));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.key = null;
    this.args = new Object[0];
  }

  private LedgerRefusal(Reason reason, String key, Object[] args) {
    super(oneLine(render(Locale.ROOT, key, args)));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.key = key;
    this.args = args;
  }

  /**
   * A refusal whose detail is the message {@code key} of {@code refusals.properties}, so that it
   * can be told in another language too ({@link #detail(Locale)}).
   */
  static LedgerRefusal of(Reason reason, String key, Object... args) {
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // as text, so that MessageFormat adds no grouping to numbers in any language
      texts[i] = args[i] instanceof LedgerRefusal r ? r : String.valueOf(args[i]);
    }
    return new LedgerRefusal(reason, key, texts);
  }

  private static String render(Locale locale, String key, Object[] args) {
    Object[] texts = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      texts[i] = args[i] instanceof LedgerRefusal r ? r.detail(locale) : args[i];
    }
    return Wording.format("refusals", locale, key, texts);
  }

  private static String oneLine(String detail) {
    return org.huzhu.ledger.imports.Ids.oneLine(detail);
  }

  /** Why the command was refused. */
  public Reason reason() {
    return reason;
  }

  /** What and where, for a person, in English (the same as {@link #getMessage()}). */
  public String detail() {
    return getMessage();
  }

  /**
   * What and where in the language of {@code locale} when the ledger speaks it (English and
   * Chinese), else in English. Reason codes, ids and amounts are the same in every language.
   *
   * @param locale the language wanted, e.g. {@link Locale#CHINESE}
   * @return the detail, one line
   * @throws NullPointerException if {@code locale} is null
   */
  public String detail(Locale locale) {
    java.util.Objects.requireNonNull(locale, "locale");
    if (key == null || args == null || !Wording.speaks(locale)) {
      return detail();
    }
    return oneLine(render(Locale.forLanguageTag(locale.getLanguage()), key, args));
  }
}

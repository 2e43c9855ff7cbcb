package org.huzhu.ledger.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Messages and table headers in the chosen language, from {@code messages_en.properties} and
 * {@code messages_zh.properties} (UTF-8). Arguments are formatted as text, never by locale.
 */
final class Messages {
  private static final String BUNDLE = "org.huzhu.ledger.cli.messages";
  private static final String HELP = "org.huzhu.ledger.cli.help";
  private final ResourceBundle bundle;
  private final Huzhu.Lang lang;

  private Messages(ResourceBundle bundle, Huzhu.Lang lang) {
    this.bundle = bundle;
    this.lang = lang;
  }

  static Messages of(Huzhu.Lang lang) {
    return new Messages(load(BUNDLE, lang), lang);
  }

  /** The usage help texts of {@code lang} (English help lives in the annotations). */
  static ResourceBundle help(Huzhu.Lang lang) {
    return load(HELP, lang);
  }

  private static ResourceBundle load(String name, Huzhu.Lang lang) {
    return ResourceBundle.getBundle(
        name,
        lang == Huzhu.Lang.zh ? Locale.CHINESE : Locale.ENGLISH,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  boolean isChinese() {
    return lang == Huzhu.Lang.zh;
  }

  /** The language, for messages the core tells in several ({@code LedgerRefusal.detail(Locale)}). */
  Locale locale() {
    return isChinese() ? Locale.CHINESE : Locale.ENGLISH;
  }

  /** The message {@code key} with {@code args} (each shown as {@code String.valueOf}). */
  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    if (args.length == 0) {
      return pattern;
    }
    Object[] text = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      text[i] = String.valueOf(args[i]);
    }
    return new MessageFormat(pattern, Locale.ROOT).format(text);
  }
}
